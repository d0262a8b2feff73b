package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;

/** An extra DOKS node pool attached to a cluster. */
@ResourceType(type = KubernetesNodePool.TYPE)
public final class KubernetesNodePool extends CustomResource {
    public static final String TYPE = "digitalocean:index/kubernetesNodePool:KubernetesNodePool";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "size", refs = {String.class}, tree = "[0]")
    private Output<String> size;
    @Export(name = "actualNodeCount", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> actualNodeCount;

    public KubernetesNodePool(String name, KubernetesNodePoolArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options));
    }

    public Output<String> name() { return name; }
    public Output<String> size() { return size; }
    public Output<Integer> actualNodeCount() { return actualNodeCount; }
}
