package platform.render.capacity;

import org.junit.jupiter.api.Test;
import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pool capacity and cost from rendered objects alone, on small hand-made stacks. */
class CapacityTest {
    private static final RegisteredResource.Options NONE = new RegisteredResource.Options(false, false, List.of(), "", List.of(), false, "");

    private static RegisteredResource cluster(String size, int min, int max) {
        return new RegisteredResource(NodePool.CLUSTER_TYPE, "cluster", "", Map.of("name", "c", "ha", true,
                "nodePool", Map.of("name", "default-pool", "size", size, "autoScale", true, "minNodes", min, "maxNodes", max)), NONE);
    }

    private static RegisteredResource pool(String name, String size, int count) {
        return new RegisteredResource(NodePool.POOL_TYPE, "cluster-" + name, "", Map.of("name", name, "size", size, "autoScale", false,
                "nodeCount", count), NONE);
    }

    private static RegisteredResource workload(String kind, String name, int replicas, String pool, String cpu, String memory) {
        var spec = new java.util.LinkedHashMap<String, Object>();
        spec.put("containers", List.of(Map.of("name", "main", "image", "app:1", "resources", Map.of("requests", Map.of("cpu", cpu, "memory", memory)))));
        if (pool != null) {
            spec.put("nodeSelector", Map.of(NodePool.POOL_LABEL, pool));
        }
        var inputs = Map.<String, Object>of("apiVersion", "apps/v1", "kind", kind, "metadata", Map.of("name", name, "namespace", "app"),
                "spec", Map.of("replicas", replicas, "template", Map.of("spec", spec)));
        return new RegisteredResource("kubernetes:apps/v1:" + kind, "app-" + name, "", inputs, NONE);
    }

    @Test
    void podsWithoutAPoolCountAgainstTheDefaultPoolAndPinnedPodsAgainstTheirs() {
        var capacity = Capacity.of(List.of(cluster("s-2vcpu-4gb", 2, 3), pool("cpu", "c-2", 2),
                workload("Deployment", "web", 3, null, "500m", "1Gi"), workload("Deployment", "api", 2, "cpu", "1", "512Mi")));

        assertThat(capacity.failures()).isEmpty();
        var defaultPool = capacity.pools().get(0);
        assertThat(defaultPool.cpu()).isEqualTo(1500);
        assertThat(defaultPool.memory()).isEqualTo(3 * Quantities.GIB);
        assertThat(capacity.pools().get(1).cpu()).isEqualTo(2000);
        assertThat(capacity.pools().get(1).pool().maxNodes()).isEqualTo(2);
    }

    @Test
    void requestsThatDoNotFitAtMaxFailAndOnesThatNeedEveryNodeWarn() {
        // s-1vcpu-2gb gives 1 GiB allocatable: 3 GiB needs all 3 nodes, 4 GiB more than 3 have.
        var tight = Capacity.of(List.of(cluster("s-1vcpu-2gb", 1, 3), workload("Deployment", "web", 3, null, "100m", "1Gi")));
        var over = Capacity.of(List.of(cluster("s-1vcpu-2gb", 1, 3), workload("Deployment", "web", 4, null, "100m", "1Gi")));

        assertThat(tight.failures()).isEmpty();
        assertThat(tight.warnings()).singleElement().asString().contains("with one node lost at max");
        assertThat(over.failures()).singleElement().asString().contains("node pool default-pool (s-1vcpu-2gb, 1-3 nodes)")
                .contains("4.0Gi").contains("pods would stay Pending");
    }

    @Test
    void aDaemonSetTakesItsShareOfEveryNodeAndAPodBiggerThanANodeFails() {
        var daemon = new ArrayList<>(List.of(cluster("s-2vcpu-4gb", 1, 2), workload("StatefulSet", "db", 1, null, "500m", "2Gi")));
        var daemonSet = workload("DaemonSet", "agent", 1, null, "100m", "256Mi");
        daemon.add(daemonSet);
        var capacity = Capacity.of(daemon);
        assertThat(capacity.pools().get(0).nodeMemory()).isEqualTo((long) (2.5 * Quantities.GIB) - 256 * Quantities.MIB);

        var huge = Capacity.of(List.of(cluster("s-2vcpu-4gb", 1, 5), workload("StatefulSet", "db", 1, null, "500m", "3Gi")));
        assertThat(huge.failures()).singleElement().asString().contains("more than a node can give");
    }

    @Test
    void aPodNamingAPoolTheStackDoesNotCreateFails() {
        var capacity = Capacity.of(List.of(cluster("s-2vcpu-4gb", 1, 2), workload("Deployment", "web", 1, "gpu", "1", "1Gi")));
        assertThat(capacity.failures()).singleElement().asString().contains("selects node pool gpu, which the stack does not create");
    }

    @Test
    void quantitiesReadAsKubernetesWritesThem() {
        assertThat(Quantities.millicores("250m")).hasValue(250);
        assertThat(Quantities.millicores("1.5")).hasValue(1500);
        assertThat(Quantities.millicores(2L)).hasValue(2000);
        assertThat(Quantities.bytes("512Mi")).hasValue(512 * Quantities.MIB);
        assertThat(Quantities.bytes("1G")).hasValue(1_000_000_000L);
        assertThat(Quantities.bytes("[unknown]")).isEmpty();
    }

    @Test
    void costPricesNodePoolsAtMinAndMaxAndTheHaControlPlane() {
        var cost = Cost.of(List.of(cluster("s-2vcpu-4gb", 2, 3), pool("cpu", "c-2", 2)));
        assertThat(cost.totalAtMin()).isEqualTo(2 * 24 + 2 * 42 + 40);
        assertThat(cost.totalAtMax()).isEqualTo(3 * 24 + 2 * 42 + 40);
    }
}
