package platform.providers.digitalocean;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The fields a DOKS node pool has whether it is the cluster's inline default pool or a standalone
 * {@link KubernetesNodePool}; both Args types are built from it so the two cannot drift apart.
 */
public record NodePoolShape(
        String name,
        String size,
        @Nullable Boolean autoScale,
        @Nullable Integer minNodes,
        @Nullable Integer maxNodes,
        @Nullable Integer nodeCount,
        @Nullable Map<String, String> labels,
        @Nullable List<String> tags,
        @Nullable List<KubernetesTaintArgs> taints) {
}
