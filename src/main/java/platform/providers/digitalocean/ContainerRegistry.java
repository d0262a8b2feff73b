package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;

/** The account's DigitalOcean container registry (DOCR); one per account. */
@ResourceType(type = ContainerRegistry.TYPE)
public final class ContainerRegistry extends CustomResource {
    public static final String TYPE = "digitalocean:index/containerRegistry:ContainerRegistry";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "serverUrl", refs = {String.class}, tree = "[0]")
    private Output<String> serverUrl;
    @Export(name = "endpoint", refs = {String.class}, tree = "[0]")
    private Output<String> endpoint;

    public ContainerRegistry(String name, ContainerRegistryArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options));
    }

    public Output<String> name() { return name; }
    public Output<String> serverUrl() { return serverUrl; }
    public Output<String> endpoint() { return endpoint; }
}
