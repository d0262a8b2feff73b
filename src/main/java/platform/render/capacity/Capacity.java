package platform.render.capacity;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each node pool can hold the pods meant for it: the summed requests of its steady pods,
 * plus its largest scheduled job, against the pool's allocatable CPU and memory (after its
 * DaemonSets' share of every node) at min and at max nodes. Pods that name no pool count against
 * the cluster's default pool (the first): the scheduler may put them anywhere, and the default
 * pool is where a cluster without extra pools puts everything, so this is the cautious reading.
 * Sums, not bin-packing: a real schedule can need a little more.
 */
public record Capacity(List<PoolLoad> pools, List<PodGroup> unplaced, List<String> warnings, List<String> failures) {

    /** One pool's demand against its supply. */
    public record PoolLoad(NodePool pool, List<PodGroup> pods, long cpu, long memory,
                           long jobCpu, long jobMemory, long nodeCpu, long nodeMemory) {
        public long neededCpu() {
            return cpu + jobCpu;
        }

        public long neededMemory() {
            return memory + jobMemory;
        }

        public long allocatableCpu(int nodes) {
            return nodeCpu * nodes;
        }

        public long allocatableMemory(int nodes) {
            return nodeMemory * nodes;
        }

        boolean fits(int nodes) {
            return neededCpu() <= allocatableCpu(nodes) && neededMemory() <= allocatableMemory(nodes);
        }
    }

    public static Capacity of(List<RegisteredResource> resources) {
        var pools = NodePool.of(resources);
        var groups = PodGroup.of(resources);
        var warnings = new ArrayList<String>();
        var failures = new ArrayList<String>();
        if (pools.isEmpty()) {
            return new Capacity(List.of(), groups, List.of(), List.of());
        }
        var byPool = new LinkedHashMap<String, List<PodGroup>>();
        pools.forEach(pool -> byPool.put(pool.name(), new ArrayList<>()));
        for (var group : groups) {
            var pool = group.pool() == null ? pools.get(0).name() : group.pool();
            if (!byPool.containsKey(pool)) {
                failures.add(group.source() + " selects node pool " + pool + ", which the stack does not create (pools: "
                        + String.join(", ", byPool.keySet()) + "): its pods would stay Pending");
                continue;
            }
            byPool.get(pool).add(group);
        }
        var loads = new ArrayList<PoolLoad>();
        for (var pool : pools) {
            var size = PriceTable.droplet(pool.size());
            if (size.isEmpty()) {
                warnings.add("node pool " + pool.name() + ": size " + pool.size() + " is not in the price table (PriceTable); capacity and cost not known");
                continue;
            }
            loads.add(load(pool, size.get(), byPool.get(pool.name()), warnings, failures));
        }
        return new Capacity(List.copyOf(loads), List.of(), List.copyOf(warnings), List.copyOf(failures));
    }

    private static PoolLoad load(NodePool pool, DropletSize size, List<PodGroup> pods, List<String> warnings, List<String> failures) {
        long cpu = 0, memory = 0, jobCpu = 0, jobMemory = 0, daemonCpu = 0, daemonMemory = 0;
        for (var group : pods) {
            switch (group.kind()) {
                case STEADY -> {
                    cpu += group.totalCpu();
                    memory += group.totalMemory();
                }
                case PER_NODE -> {
                    daemonCpu += group.cpu();
                    daemonMemory += group.memory();
                }
                case TRANSIENT -> {
                    jobCpu = Math.max(jobCpu, group.totalCpu());
                    jobMemory = Math.max(jobMemory, group.totalMemory());
                }
            }
        }
        var load = new PoolLoad(pool, List.copyOf(pods), cpu, memory, jobCpu, jobMemory,
                size.allocatableCpuMillis() - daemonCpu, size.allocatableMemoryBytes() - daemonMemory);
        var where = "node pool " + pool.name() + " (" + pool.size() + ", " + pool.minNodes() + "-" + pool.maxNodes() + " nodes)";
        for (var group : pods) {
            if (group.kind() != PodGroup.Kind.PER_NODE && (group.cpu() > load.nodeCpu || group.memory() > load.nodeMemory)) {
                failures.add(where + ": one pod of " + group.source() + " requests " + Quantities.cpu(group.cpu()) + " CPU and "
                        + Quantities.memory(group.memory()) + ", more than a node can give (" + Quantities.cpu(load.nodeCpu) + ", "
                        + Quantities.memory(load.nodeMemory) + "): it would stay Pending");
            }
        }
        if (!load.fits(pool.maxNodes())) {
            failures.add(where + ": its pods request " + demand(load) + " but " + pool.maxNodes() + " nodes can give only "
                    + supply(load, pool.maxNodes()) + ": pods would stay Pending at the pool's max; raise its maxNodes or size "
                    + "(platform:cluster.nodePools) or lower the requests");
        } else if (pool.maxNodes() > 1 && !load.fits(pool.maxNodes() - 1)) {
            warnings.add(where + ": its pods request " + demand(load) + "; with one node lost at max, " + (pool.maxNodes() - 1)
                    + " nodes give only " + supply(load, pool.maxNodes() - 1) + ": some pods would wait for the node to come back");
        }
        return load;
    }

    private static String demand(PoolLoad load) {
        return Quantities.cpu(load.neededCpu()) + " CPU and " + Quantities.memory(load.neededMemory());
    }

    private static String supply(PoolLoad load, int nodes) {
        return Quantities.cpu(load.allocatableCpu(nodes)) + " CPU and " + Quantities.memory(load.allocatableMemory(nodes));
    }

    /** For summary.json. */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("checked", !pools.isEmpty());
        json.put("rule", "pods without a node pool count against the default (first) pool; steady pods plus the largest scheduled job; sums, not bin-packing");
        json.put("pools", poolsJson());
        json.put("warnings", warnings);
        json.put("failures", failures);
        return json;
    }

    private List<Map<String, Object>> poolsJson() {
        var list = new ArrayList<Map<String, Object>>();
        for (var load : pools) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("pool", load.pool().name());
            entry.put("size", load.pool().size());
            entry.put("minNodes", load.pool().minNodes());
            entry.put("maxNodes", load.pool().maxNodes());
            entry.put("default", load.pool().isDefault());
            entry.put("requests", cpuAndMemory(load.cpu(), load.memory()));
            entry.put("largestJob", cpuAndMemory(load.jobCpu(), load.jobMemory()));
            entry.put("allocatablePerNode", cpuAndMemory(load.nodeCpu(), load.nodeMemory()));
            entry.put("atMin", usage(load, load.pool().minNodes()));
            entry.put("atMax", usage(load, load.pool().maxNodes()));
            entry.put("atMaxLessOne", usage(load, Math.max(0, load.pool().maxNodes() - 1)));
            var pods = new ArrayList<Map<String, Object>>();
            for (var group : load.pods()) {
                var pod = new LinkedHashMap<String, Object>();
                pod.put("source", group.source());
                pod.put("kind", group.kind().name().toLowerCase(java.util.Locale.ROOT));
                pod.put("replicas", group.replicas());
                pod.put("cpuMillicores", group.cpu());
                pod.put("memoryBytes", group.memory());
                pods.add(pod);
            }
            entry.put("pods", pods);
            list.add(entry);
        }
        return list;
    }

    /** In this order every time (a {@code Map.of} iterates in an order that changes from one JVM to the next). */
    private static Map<String, Object> cpuAndMemory(long millicores, long bytes) {
        var json = new LinkedHashMap<String, Object>();
        json.put("cpuMillicores", millicores);
        json.put("memoryBytes", bytes);
        return json;
    }

    private static Map<String, Object> usage(PoolLoad load, int nodes) {
        var usage = new LinkedHashMap<String, Object>();
        usage.put("nodes", nodes);
        usage.put("allocatableCpuMillicores", load.allocatableCpu(nodes));
        usage.put("allocatableMemoryBytes", load.allocatableMemory(nodes));
        usage.put("cpuPercent", percent(load.neededCpu(), load.allocatableCpu(nodes)));
        usage.put("memoryPercent", percent(load.neededMemory(), load.allocatableMemory(nodes)));
        usage.put("fits", load.fits(nodes));
        return usage;
    }

    static long percent(long part, long whole) {
        return whole <= 0 ? (part == 0 ? 0 : 999) : Math.round(100.0 * part / whole);
    }
}
