package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;
import java.util.List;

/** A DigitalOcean Kubernetes (DOKS) cluster with its inline default node pool. */
@ResourceType(type = KubernetesCluster.TYPE)
public final class KubernetesCluster extends CustomResource {
    public static final String TYPE = "digitalocean:index/kubernetesCluster:KubernetesCluster";
    public static final List<String> SECRET_OUTPUTS = List.of("kubeConfigs");

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "version", refs = {String.class}, tree = "[0]")
    private Output<String> version;
    @Export(name = "endpoint", refs = {String.class}, tree = "[0]")
    private Output<String> endpoint;
    @Export(name = "status", refs = {String.class}, tree = "[0]")
    private Output<String> status;
    @Export(name = "clusterUrn", refs = {String.class}, tree = "[0]")
    private Output<String> clusterUrn;
    @Export(name = "ha", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> ha;
    @Export(name = "kubeConfigs", refs = {List.class, KubeConfig.class}, tree = "[0,1]")
    private Output<List<KubeConfig>> kubeConfigs;

    public KubernetesCluster(String name, KubernetesClusterArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options, SECRET_OUTPUTS));
    }

    public Output<String> name() { return name; }
    public Output<String> region() { return region; }
    public Output<String> version() { return version; }
    public Output<String> endpoint() { return endpoint; }
    public Output<String> status() { return status; }
    public Output<String> clusterUrn() { return clusterUrn; }
    public Output<Boolean> ha() { return ha; }
    public Output<List<KubeConfig>> kubeConfigs() { return kubeConfigs; }
}
