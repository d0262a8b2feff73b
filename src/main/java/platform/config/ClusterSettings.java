package platform.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code platform:cluster}: either a DOKS cluster this stack creates, or an existing cluster reached
 * through a kubeconfig context (a local kind or minikube cluster, or any other).
 */
public sealed interface ClusterSettings {

    /** A name for outputs and summaries: the DOKS cluster's name or the kubeconfig context's. */
    String displayName();

    record Create(String name, String region, String version, boolean highAvailability,
                  boolean autoUpgrade, boolean surgeUpgrade, MaintenanceWindow maintenance,
                  Optional<String> vpcIpRange, List<NodePoolSettings> nodePools) implements ClusterSettings {
        public Create {
            nodePools = List.copyOf(nodePools);
        }

        /** The pool DOKS creates with the cluster; the rest are separate node pool resources. */
        public NodePoolSettings defaultPool() {
            return nodePools.get(0);
        }

        public List<NodePoolSettings> extraPools() {
            return nodePools.subList(1, nodePools.size());
        }

        @Override
        public String displayName() {
            return name;
        }
    }

    record Existing(String context) implements ClusterSettings {
        @Override
        public String displayName() {
            return context;
        }
    }

    /** When DigitalOcean may upgrade the cluster: a weekday (or {@code any}) and a UTC start time. */
    record MaintenanceWindow(String day, String startTime) {
    }

    static ClusterSettings read(ConfigNode cluster) {
        var node = cluster.object();
        var mode = node.field("mode").oneOf("create", List.of("create", "existing"));
        if (mode.equals("existing")) {
            return new Existing(node.field("context").requireString());
        }
        var maintenance = node.field("maintenance").object();
        var pools = node.field("nodePools").items();
        if (pools.isEmpty()) {
            node.field("nodePools").problem("is required, expected at least one node pool (the first is the cluster's default pool)");
        }
        var poolSettings = new java.util.ArrayList<NodePoolSettings>();
        var names = new HashSet<String>();
        for (int i = 0; i < pools.size(); i++) {
            var pool = NodePoolSettings.read(pools.get(i).object(), i == 0);
            if (!names.add(pool.name())) {
                pools.get(i).field("name").problem("got \"" + pool.name() + "\" twice, expected unique pool names");
            }
            poolSettings.add(pool);
        }
        if (poolSettings.isEmpty()) {
            poolSettings.add(new NodePoolSettings("default-pool", "s-1vcpu-2gb", 1, 1, java.util.Map.of(), List.of()));
        }
        return new Create(
                node.field("name").requireMatching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT),
                node.field("region").oneOf("nyc3", Patterns.REGIONS),
                node.field("version").requireMatching(Patterns.DOKS_VERSION, Patterns.DOKS_VERSION_TEXT),
                node.field("highAvailability").asBoolean(false),
                node.field("autoUpgrade").asBoolean(true),
                node.field("surgeUpgrade").asBoolean(true),
                new MaintenanceWindow(
                        maintenance.field("day").oneOf("sunday", Patterns.WEEKDAYS),
                        maintenance.field("startTime").matching(Patterns.HH_MM, Patterns.HH_MM_TEXT).orElse("04:00")),
                node.field("vpcIpRange").matching(Patterns.CIDR, Patterns.CIDR_TEXT),
                poolSettings);
    }
}
