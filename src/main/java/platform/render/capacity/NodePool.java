package platform.render.capacity;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DOKS node pool as the stack creates it: the cluster's own (default) pool, then every extra
 * {@code KubernetesNodePool}. A pool without autoscaling has its fixed node count as min and max.
 */
public record NodePool(String name, String size, int minNodes, int maxNodes, boolean isDefault) {
    public static final String CLUSTER_TYPE = "digitalocean:index/kubernetesCluster:KubernetesCluster";
    public static final String POOL_TYPE = "digitalocean:index/kubernetesNodePool:KubernetesNodePool";
    /** The label DOKS puts on every node with its pool's name; the program's nodeSelectors use it. */
    public static final String POOL_LABEL = "doks.digitalocean.com/node-pool";

    public static List<NodePool> of(List<RegisteredResource> resources) {
        var pools = new ArrayList<NodePool>();
        for (var resource : resources) {
            if (resource.type().equals(CLUSTER_TYPE) && resource.input("nodePool").orElse(null) instanceof Map<?, ?> pool) {
                pools.add(0, from(pool, true));
            } else if (resource.type().equals(POOL_TYPE)) {
                pools.add(from(resource.inputs(), false));
            }
        }
        return List.copyOf(pools);
    }

    private static NodePool from(Map<?, ?> inputs, boolean isDefault) {
        var autoScale = Boolean.TRUE.equals(inputs.get("autoScale"));
        var count = number(inputs.get("nodeCount"), 1);
        return new NodePool(String.valueOf(inputs.get("name")), String.valueOf(inputs.get("size")),
                autoScale ? number(inputs.get("minNodes"), count) : count,
                autoScale ? number(inputs.get("maxNodes"), count) : count, isDefault);
    }

    private static int number(Object value, int otherwise) {
        return value instanceof Number number ? number.intValue() : otherwise;
    }
}
