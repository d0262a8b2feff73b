package platform.apps;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * Bow-Mark's pods, at the live requests, against the prod stack's pools. Allocatable memory per node is
 * DigitalOcean's figure for DOKS nodes (2 GB node: 1 GiB; 4 GB node: 2.5 GiB); CPU is taken as the whole
 * vCPUs, an upper bound. DOKS's own pods on every node (CNI, CSI, agents) request more on top, which this
 * best case leaves out: the README's "Capacity" section gives what that costs.
 */
class BowmarkCapacityTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");

    /** Allocatable per node by droplet size: millicores, MiB. */
    private static final Map<String, long[]> ALLOCATABLE = Map.of(
            "s-1vcpu-2gb", new long[]{1000, 1024},
            "c-2", new long[]{2000, 2560});

    record Pod(String name, long cpu, long memory) {
    }

    static long millicores(Object quantity) {
        var text = quantity.toString();
        return text.endsWith("m") ? Long.parseLong(text.substring(0, text.length() - 1)) : Long.parseLong(text) * 1000;
    }

    static long mebibytes(Object quantity) {
        var text = quantity.toString();
        var number = Long.parseLong(text.substring(0, text.length() - 2));
        return text.endsWith("Gi") ? number * 1024 : number;
    }

    /** What the scheduler reserves for a pod: its containers' requests, or its largest init container's if more. */
    static Pod pod(String name, Map<String, Object> spec) {
        long cpu = 0;
        long memory = 0;
        for (var container : list(spec.get("containers"))) {
            var requests = map(map(map(container).get("resources")).get("requests"));
            cpu += millicores(requests.get("cpu"));
            memory += mebibytes(requests.get("memory"));
        }
        for (var container : list(spec.getOrDefault("initContainers", List.of()))) {
            var requests = map(map(map(container).get("resources")).get("requests"));
            cpu = Math.max(cpu, millicores(requests.get("cpu")));
            memory = Math.max(memory, mebibytes(requests.get("memory")));
        }
        return new Pod(name, cpu, memory);
    }

    /** Bow-Mark's long-running pods on {@code pool}: each Deployment's replicas and each StatefulSet's one pod. */
    static List<Pod> podsOn(ProgramRun.Result result, String pool) {
        var pods = new ArrayList<Pod>();
        for (var workload : Stacks.where(result, r -> r.isKubernetesObject() && r.namespace().equals("bowmark")
                && List.of("Deployment", "StatefulSet").contains(r.kind()))) {
            var spec = map(workload.input("spec.template.spec").orElseThrow());
            if (!Map.of("doks.digitalocean.com/node-pool", pool).equals(spec.get("nodeSelector"))) {
                continue;
            }
            var replicas = (Long) workload.input("spec.replicas").orElse(1L);
            for (int i = 0; i < replicas; i++) {
                pods.add(pod(workload.metadataName(), spec));
            }
        }
        return pods;
    }

    /** Nodes needed, first fit by decreasing memory. */
    static int nodesFor(List<Pod> pods, long[] node) {
        var free = new ArrayList<long[]>();
        for (var pod : pods.stream().sorted(Comparator.comparingLong(Pod::memory).reversed()).toList()) {
            var placed = false;
            for (var left : free) {
                if (left[0] >= pod.cpu() && left[1] >= pod.memory()) {
                    left[0] -= pod.cpu();
                    left[1] -= pod.memory();
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                free.add(new long[]{node[0] - pod.cpu(), node[1] - pod.memory()});
            }
        }
        return free.size();
    }

    /** The prod stack's pool: its droplet size and its autoscaling bounds. */
    record NodePool(String size, int minNodes, int maxNodes) {
    }

    static NodePool pool(String name) {
        var cluster = com.google.gson.JsonParser.parseString(Stacks.load("prod").engineConfig().get("platform:cluster")).getAsJsonObject();
        for (var raw : cluster.getAsJsonArray("nodePools")) {
            var pool = raw.getAsJsonObject();
            if (pool.get("name").getAsString().equals(name)) {
                return new NodePool(pool.get("size").getAsString(), pool.get("minNodes").getAsInt(), pool.get("maxNodes").getAsInt());
            }
        }
        throw new AssertionError("no pool " + name);
    }

    /** A node's allocatable minus what DOKS's own pods on it request. */
    static long[] node(NodePool pool, long systemCpu, long systemMemory) {
        var allocatable = ALLOCATABLE.get(pool.size());
        assertThat(allocatable).as("allocatable of %s", pool.size()).isNotNull();
        return new long[]{allocatable[0] - systemCpu, allocatable[1] - systemMemory};
    }

    @Test
    void theServersFitTheDedicatedPoolOnePerNodeWithinItsMinimumEvenBesideDoksPods() {
        var pool = pool("dedicated-cpu-optimized");
        var servers = podsOn(PROD, "dedicated-cpu-optimized");
        assertThat(servers).extracting(Pod::name).containsExactlyInAnyOrder("server-deployment", "server-deployment",
                "server-concrete-deployment", "server-concrete-deployment");
        assertThat(nodesFor(servers, node(pool, 0, 0))).isEqualTo(4).isLessThanOrEqualTo(pool.minNodes());
        assertThat(nodesFor(servers, node(pool, 300, 400))).isEqualTo(4).isLessThanOrEqualTo(pool.minNodes());
    }

    @Test
    void theDefaultPoolHoldsBowMarksOtherPodsWithinItsMaximumAtBest() {
        var pool = pool("default-pool");
        var pods = podsOn(PROD, "default-pool");
        assertThat(pods).extracting(Pod::name).containsExactlyInAnyOrder("worker-deployment", "worker-concrete-deployment",
                "consumer-deployment", "consumer-concrete-deployment", "client-deployment", "client-concrete-deployment",
                "postgres", "rabbitmq");
        var best = node(pool, 0, 0);
        assertThat(pods).allSatisfy(pod -> assertThat(pod.memory()).as(pod.name()).isLessThanOrEqualTo(best[1]));
        assertThat(nodesFor(pods, best)).isLessThanOrEqualTo(pool.maxNodes());
    }
}
