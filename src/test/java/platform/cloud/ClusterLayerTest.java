package platform.cloud;

import org.junit.jupiter.api.Test;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.providers.digitalocean.ContainerRegistry;
import platform.providers.digitalocean.KubernetesCluster;
import platform.providers.digitalocean.KubernetesNodePool;
import platform.providers.digitalocean.Project;
import platform.providers.digitalocean.Vpc;
import platform.render.Secret;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.map;

class ClusterLayerTest {

    @Test
    void prodHasTheBowMarkPoolsAnHaControlPlaneAndProtectsClusterAndRegistry() {
        var prod = Stacks.run("prod");
        assertThat(prod.problems()).isEmpty();

        var cluster = Stacks.only(prod, KubernetesCluster.TYPE, "cluster");
        assertThat(cluster.inputs()).containsEntry("name", "platform-prod")
                .containsEntry("region", "tor1")
                .containsEntry("version", "1.35.[unknown]")
                .containsEntry("ha", true)
                .containsEntry("autoUpgrade", true)
                .containsEntry("surgeUpgrade", true)
                .containsEntry("registryIntegration", true)
                .containsEntry("maintenancePolicy", Map.of("day", "sunday", "startTime", "04:00"));
        assertThat(map(cluster.inputs().get("nodePool"))).containsEntry("name", "default-pool")
                .containsEntry("size", "s-1vcpu-2gb")
                .containsEntry("autoScale", true)
                .containsEntry("minNodes", 4L)
                .containsEntry("maxNodes", 6L);
        assertThat(cluster.options().protect()).isTrue();
        assertThat(cluster.options().version()).isEqualTo("4.76.0");
        assertThat(cluster.inputs().get("tags")).isEqualTo(List.of("platform", "stack-prod"));

        var cpuPool = Stacks.only(prod, KubernetesNodePool.TYPE, "cluster-dedicated-cpu-optimized");
        assertThat(cpuPool.inputs()).containsEntry("name", "dedicated-cpu-optimized")
                .containsEntry("size", "c-2")
                .containsEntry("autoScale", true)
                .containsEntry("minNodes", 4L)
                .containsEntry("maxNodes", 6L);

        assertThat(Stacks.only(prod, Vpc.TYPE, "cluster-vpc").inputs()).containsEntry("region", "tor1");
        assertThat(Stacks.only(prod, ContainerRegistry.TYPE, "registry").options().protect()).isTrue();
        assertThat(Stacks.only(prod, Project.TYPE, "project").inputs()).containsEntry("environment", "Production");
    }

    @Test
    void devIsOneAutoscalingPoolWithoutHaAndOnlyTheClusterAndItsVpcProtected() {
        var dev = Stacks.run("dev");

        var cluster = Stacks.only(dev, KubernetesCluster.TYPE, "cluster");
        assertThat(cluster.inputs()).containsEntry("ha", false);
        assertThat(map(cluster.inputs().get("nodePool"))).containsEntry("minNodes", 2L).containsEntry("maxNodes", 3L);
        assertThat(dev.ofType(KubernetesNodePool.TYPE)).isEmpty();
        // Replacing a cluster takes everything on it, so no environment may do it by accident.
        assertThat(dev.resources().stream().filter(resource -> resource.options().protect()).map(r -> r.type() + "::" + r.name()))
                .containsExactlyInAnyOrder(KubernetesCluster.TYPE + "::cluster", Vpc.TYPE + "::cluster-vpc");
    }

    @Test
    void aMinorIsResolvedToItsNewestPatchAndAnExactSlugIsUsedAsIs() {
        var answered = Stacks.run("prod", new AnsweringCloud(), false);
        assertThat(Stacks.only(answered, KubernetesCluster.TYPE, "cluster").inputs()).containsEntry("version", "1.35." + AnsweringCloud.NEWEST_PATCH);
        assertThat(answered.outputs()).containsEntry("clusterVersion", "1.35." + AnsweringCloud.NEWEST_PATCH);

        var exact = Stacks.run("prod", "platform:cluster.version=1.34.9-do.1");
        assertThat(Stacks.only(exact, KubernetesCluster.TYPE, "cluster").inputs()).containsEntry("version", "1.34.9-do.1");
    }

    @Test
    void registryIntegrationOnlyWithARegistryAndTheClusterWaitsForIt() {
        var prod = Stacks.only(Stacks.run("prod"), KubernetesCluster.TYPE, "cluster");
        assertThat(prod.inputs()).containsEntry("registryIntegration", true);
        assertThat(prod.options().dependsOn()).contains("digitalocean:index/containerRegistry:ContainerRegistry::registry");

        var dev = Stacks.only(Stacks.run("dev"), KubernetesCluster.TYPE, "cluster");
        assertThat(dev.inputs()).containsEntry("registryIntegration", false);
        assertThat(dev.options().dependsOn()).noneMatch(dependency -> dependency.contains("ContainerRegistry"));
    }

    @Test
    void theKubernetesProviderRunsACurrentPluginAndForgetsAnUnreachableClusterOutsideProduction() {
        var prod = Stacks.only(Stacks.run("prod"), "pulumi:providers:kubernetes", "kubernetes");
        var dev = Stacks.only(Stacks.run("dev"), "pulumi:providers:kubernetes", "kubernetes");

        assertThat(prod.options().version()).isEqualTo(platform.Versions.KUBERNETES_PROVIDER_PLUGIN);
        assertThat(prod.inputs()).containsEntry("deleteUnreachable", "false");
        assertThat(dev.inputs()).containsEntry("deleteUnreachable", "true");
    }

    @Test
    void autoUpgradedClustersIgnoreVersionDriftAndPinnedOnesDoNot() {
        var upgraded = Stacks.only(Stacks.run("dev"), KubernetesCluster.TYPE, "cluster");
        var pinned = Stacks.only(Stacks.run("dev", "platform:cluster.autoUpgrade=false"), KubernetesCluster.TYPE, "cluster");

        assertThat(upgraded.options().ignoreChanges()).containsExactly("version");
        assertThat(pinned.options().ignoreChanges()).isEmpty();
    }

    @Test
    void theKubeconfigIsOnlyASecretOutputAndCloudValuesStayUnknownOffline() {
        var prod = Stacks.run("prod");

        assertThat(prod.outputs()).containsKeys("clusterName", "clusterId", "clusterEndpoint", "registryServerUrl", "kubeconfig");
        assertThat(prod.outputs().get("kubeconfig")).isInstanceOf(Secret.class);
        assertThat(prod.outputs().get("clusterName")).isEqualTo("platform-prod");
        assertThat(prod.outputs().get("clusterId")).hasToString("[unknown]");
        // Offline the cluster has no id yet, so its credentials are never read (FreshCredentialsTest reads them).
        var provider = Stacks.only(prod, "pulumi:providers:kubernetes", "kubernetes");
        assertThat(provider.inputs().get("kubeconfig")).hasToString("[unknown]");
    }

    @Test
    void existingModeCreatesNoCloudResourceAndUsesTheNamedContext() {
        // The prod stack's registry and backup sections do not apply to a cluster the stack does not create.
        var result = Stacks.run("prod", "platform:cluster.mode=existing", "platform:cluster.context=kind-platform");

        assertThat(result.problems()).isEmpty();
        assertThat(result.resources()).noneMatch(resource -> resource.type().startsWith("digitalocean:"));
        var provider = Stacks.only(result, "pulumi:providers:kubernetes", "kubernetes");
        assertThat(provider.inputs()).containsEntry("context", "kind-platform");
        assertThat(result.outputs()).containsEntry("clusterName", "kind-platform").doesNotContainKey("kubeconfig");
        assertThat(result.resources()).noneMatch(resource -> resource.type().equals("kubernetes:batch/v1:CronJob")
                && resource.name().endsWith("pg-backup"));
        assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("Deployment")))
                .isNotEmpty().allSatisfy(deployment -> assertThat(deployment.input("spec.template.spec.nodeSelector")).isEmpty());
    }
}
