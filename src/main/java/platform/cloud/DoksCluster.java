package platform.cloud;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.config.ClusterSettings;
import platform.config.NodePoolSettings;
import platform.providers.digitalocean.GetKubernetesCluster;
import platform.providers.digitalocean.GetKubernetesClusterResult;
import platform.providers.digitalocean.GetKubernetesVersions;
import platform.providers.digitalocean.KubernetesCluster;
import platform.providers.digitalocean.KubernetesClusterArgs;
import platform.providers.digitalocean.KubernetesClusterMaintenancePolicyArgs;
import platform.providers.digitalocean.KubernetesClusterNodePoolArgs;
import platform.providers.digitalocean.KubernetesNodePool;
import platform.providers.digitalocean.KubernetesNodePoolArgs;
import platform.providers.digitalocean.KubernetesTaintArgs;
import platform.providers.digitalocean.NodePoolShape;
import platform.providers.digitalocean.Vpc;
import platform.providers.digitalocean.VpcArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A DOKS cluster in its own VPC: the default pool declared with the cluster, every further pool as
 * its own resource, all autoscaling, upgraded by DigitalOcean in the maintenance window with surge
 * upgrades, HA control plane where configured, and integrated with the stack's registry when it
 * has one. A version given as a minor ({@code 1.35}) starts the cluster on that minor's newest patch.
 */
public final class DoksCluster extends ComponentResource {
    private final KubernetesCluster cluster;
    private final Output<String> kubeconfig;

    public DoksCluster(String name, DoksClusterArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:cloud:DoksCluster", name, options);
        var settings = args.settings();

        var vpc = new Vpc(name + "-vpc",
                new VpcArgs(settings.name() + "-vpc", settings.region(), settings.vpcIpRange().orElse(null),
                        "Private network of the " + settings.name() + " Kubernetes cluster"),
                CustomResourceOptions.builder().parent(this).protect(true).build());

        var clusterOptions = CustomResourceOptions.builder().parent(this).protect(true);
        args.registry().ifPresent(registry -> clusterOptions.dependsOn(registry));
        if (settings.autoUpgrade()) {
            // DigitalOcean applies patch releases in the maintenance window; the configured version is the
            // one a new cluster starts on, and a drifted patch level must not read as a change to undo.
            clusterOptions.ignoreChanges("version");
        }
        cluster = new KubernetesCluster(name, KubernetesClusterArgs.builder()
                .name(settings.name())
                .region(settings.region())
                .version(version(settings))
                .vpcUuid(vpc.id())
                .ha(settings.highAvailability())
                .autoUpgrade(settings.autoUpgrade())
                .surgeUpgrade(settings.surgeUpgrade())
                .maintenancePolicy(new KubernetesClusterMaintenancePolicyArgs(
                        settings.maintenance().day(), settings.maintenance().startTime()))
                .registryIntegration(args.registry().isPresent())
                .nodePool(new KubernetesClusterNodePoolArgs(shape(settings.defaultPool(), args.tags())))
                .tags(args.tags())
                .build(), clusterOptions.build());

        for (var pool : settings.extraPools()) {
            new KubernetesNodePool(name + "-" + pool.name(),
                    new KubernetesNodePoolArgs(cluster.id(), shape(pool, args.tags())),
                    CustomResourceOptions.builder().parent(this).build());
        }

        kubeconfig = freshKubeconfig(cluster);
        registerOutputs(Map.of("name", cluster.name(), "endpoint", cluster.endpoint()));
    }

    /** The configured slug, or the newest DOKS patch of the configured minor, looked up on every run. */
    private static Output<String> version(ClusterSettings.Create settings) {
        if (!settings.versionIsMinor()) {
            return Output.of(settings.version());
        }
        return GetKubernetesVersions.invoke(new GetKubernetesVersions.Args(settings.version() + "."))
                .applyValue(versions -> {
                    if (versions.latestVersion() == null || versions.latestVersion().isBlank()) {
                        throw new IllegalStateException("DigitalOcean offers no Kubernetes " + settings.version()
                                + " version (see `doctl kubernetes options versions`); set platform:cluster.version to one it offers");
                    }
                    return versions.latestVersion();
                });
    }

    private static NodePoolShape shape(NodePoolSettings pool, List<String> tags) {
        var taints = pool.taints().stream()
                .map(taint -> new KubernetesTaintArgs(taint.key(), taint.value(), taint.effect()))
                .toList();
        return new NodePoolShape(pool.name(), pool.size(), true, pool.minNodes(), pool.maxNodes(), null,
                pool.labels(), tags, taints);
    }

    /**
     * Re-reads the cluster on every run so the token is never the expired one stored in state. Waits
     * for the cluster's id, so a preview of a cluster that does not exist yet reads nothing.
     */
    private static Output<String> freshKubeconfig(KubernetesCluster cluster) {
        return Output.tuple(cluster.id(), cluster.name())
                .apply(idAndName -> GetKubernetesCluster.invoke(new GetKubernetesCluster.Args(idAndName.t2)))
                .applyValue(DoksCluster::kubeconfigOf)
                .asSecret();
    }

    private static String kubeconfigOf(GetKubernetesClusterResult read) {
        var entry = read.kubeConfigs() == null || read.kubeConfigs().isEmpty() ? null : read.kubeConfigs().get(0);
        if (entry == null) {
            throw new IllegalStateException("DigitalOcean returned no kubeconfig for cluster " + read.name());
        }
        return Kubeconfig.withToken(read.name(), read.endpoint(), entry.clusterCaCertificate(), entry.token());
    }

    public KubernetesCluster cluster() {
        return cluster;
    }

    /** A kubeconfig with a token minted on this run; a Pulumi secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** The DOKS version slug the cluster runs (a stack output). */
    public Output<String> version() {
        return cluster.version();
    }
}
