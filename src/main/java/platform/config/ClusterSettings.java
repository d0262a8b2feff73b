package platform.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:cluster}: either a DOKS cluster this stack creates, or an existing cluster reached
 * through a kubeconfig context (a local kind or minikube cluster, or any other).
 */
public sealed interface ClusterSettings {
    /** The storage class of durable volumes on DOKS: the DigitalOcean volume outlives its claim. */
    String DIGITALOCEAN_RETAIN_CLASS = "do-block-storage-retain";

    /** The storage class of durable volumes; empty means the cluster's default class. */
    Optional<String> storageClass();

    /** The pool the platform's own controllers run on (gateway, cert-manager, collector); empty: any node. */
    Optional<String> platformPool();

    /**
     * A node pool named in an app's config: it must be one of the cluster's; on an existing cluster
     * pools are not pinned (its nodes carry no DOKS pool labels).
     */
    Optional<String> pool(ConfigNode node);

    /**
     * @param version a DOKS minor ({@code 1.35}: the newest patch is looked up at deploy time) or an exact
     *                version slug ({@code 1.35.1-do.0})
     * @param platformPool the pool of the gateway's proxies and controllers, cert-manager and the collector, so that they
     *                     do not take the room a system's pool was sized for; empty: any node
     */
    record Create(String name, String region, String version, boolean highAvailability,
                  boolean autoUpgrade, boolean surgeUpgrade, MaintenanceWindow maintenance,
                  Optional<String> vpcIpRange, List<NodePoolSettings> nodePools, Optional<String> platformPool) implements ClusterSettings {
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

        /** Whether {@code version} names a minor whose newest patch is resolved at deploy time. */
        public boolean versionIsMinor() {
            return Patterns.KUBERNETES_MINOR.matcher(version).matches();
        }

        @Override
        public Optional<String> storageClass() {
            return Optional.of(DIGITALOCEAN_RETAIN_CLASS);
        }

        @Override
        public Optional<String> pool(ConfigNode node) {
            return namedPool(node, nodePools);
        }
    }

    /** @param storageClass for durable volumes; empty: the cluster's default class */
    record Existing(String context, Optional<String> storageClass) implements ClusterSettings {
        @Override
        public Optional<String> platformPool() {
            return Optional.empty();
        }

        @Override
        public Optional<String> pool(ConfigNode node) {
            node.notApplicable();
            return Optional.empty();
        }
    }

    /** When DigitalOcean may upgrade the cluster: a weekday (or {@code any}) and a UTC start time. */
    record MaintenanceWindow(String day, String startTime) {
    }

    static ClusterSettings read(ConfigNode cluster) {
        var node = cluster.object();
        var mode = node.field("mode").oneOf("create", List.of("create", "existing"));
        var createOnly = List.of("name", "region", "version", "highAvailability", "autoUpgrade", "surgeUpgrade",
                "maintenance", "vpcIpRange", "nodePools", "platformPool");
        if (mode.equals("existing")) {
            createOnly.forEach(field -> node.field(field).notApplicable());
            return new Existing(node.field("context").requireString(),
                    node.field("storageClass").matching(Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?"),
                            "a storage class name (kubectl get storageclass)"));
        }
        node.field("context").notApplicable();
        node.field("storageClass").notApplicable();
        var maintenance = node.field("maintenance").object();
        var pools = node.field("nodePools").items();
        if (pools.isEmpty()) {
            node.field("nodePools").problem("is required, expected at least one node pool (the first is the cluster's default pool)");
        }
        var poolSettings = new ArrayList<NodePoolSettings>();
        var names = new HashSet<String>();
        for (int i = 0; i < pools.size(); i++) {
            var pool = NodePoolSettings.read(pools.get(i).object(), i == 0);
            if (!names.add(pool.name())) {
                pools.get(i).field("name").rejectRepeated("unique pool names");
            }
            poolSettings.add(pool);
        }
        if (poolSettings.isEmpty()) {
            poolSettings.add(new NodePoolSettings("default-pool", "s-1vcpu-2gb", 1, 1, Map.of(), List.of()));
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
                poolSettings,
                namedPool(node.field("platformPool"), poolSettings));
    }

    /** A pool name under {@code node}, which must be one of {@code pools}. */
    private static Optional<String> namedPool(ConfigNode node, List<NodePoolSettings> pools) {
        var name = node.matching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT);
        if (name.isPresent() && pools.stream().noneMatch(pool -> pool.name().equals(name.get()))) {
            node.reject("one of the cluster's node pools " + pools.stream().map(NodePoolSettings::name).toList());
        }
        return name;
    }
}
