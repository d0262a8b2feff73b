package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;
import java.util.List;

/** A Docker config JSON that can pull from (or push to) the registry; secret. */
@ResourceType(type = ContainerRegistryDockerCredentials.TYPE)
public final class ContainerRegistryDockerCredentials extends CustomResource {
    public static final String TYPE = "digitalocean:index/containerRegistryDockerCredentials:ContainerRegistryDockerCredentials";
    public static final List<String> SECRET_OUTPUTS = List.of("dockerCredentials");

    @Export(name = "dockerCredentials", refs = {String.class}, tree = "[0]")
    private Output<String> dockerCredentials;
    @Export(name = "credentialExpirationTime", refs = {String.class}, tree = "[0]")
    private Output<String> credentialExpirationTime;

    public ContainerRegistryDockerCredentials(String name, ContainerRegistryDockerCredentialsArgs args,
                                              @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options, SECRET_OUTPUTS));
    }

    public Output<String> dockerCredentials() { return dockerCredentials; }
    public Output<String> credentialExpirationTime() { return credentialExpirationTime; }
}
