package platform.config;

import java.util.List;
import java.util.Map;

/**
 * A DOKS node pool that autoscales between {@code minNodes} and {@code maxNodes}. Workloads pick a
 * pool by name through the {@code doks.digitalocean.com/node-pool} node label.
 */
public record NodePoolSettings(String name, String size, int minNodes, int maxNodes,
                               Map<String, String> labels, List<Taint> taints) {

    /** DOKS allows at most this many nodes in one pool. */
    public static final int MAX_NODES_PER_POOL = 100;

    public NodePoolSettings {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    public record Taint(String key, String value, String effect) {
        static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    }

    /** The first pool is the cluster's own, which must keep at least one node. */
    static NodePoolSettings read(ConfigNode node, boolean clusterDefaultPool) {
        var name = node.field("name").requireMatching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT);
        var size = node.field("size").requireMatching(Patterns.SIZE_SLUG, Patterns.SIZE_SLUG_TEXT);
        var floor = clusterDefaultPool ? 1 : 0;
        var min = node.field("minNodes").requireInteger(floor, MAX_NODES_PER_POOL);
        var max = node.field("maxNodes").requireInteger(1, MAX_NODES_PER_POOL);
        if (min > max) {
            node.field("minNodes").problem("got " + min + ", expected minNodes <= maxNodes (" + max + ")");
        }
        var taints = node.field("taints").items().stream().map(taint -> new Taint(
                taint.field("key").requireString(),
                taint.field("value").requireString(),
                taint.field("effect").oneOf("NoSchedule", Taint.EFFECTS))).toList();
        return new NodePoolSettings(name, size, min, max, node.field("labels").asStringMap(), taints);
    }
}
