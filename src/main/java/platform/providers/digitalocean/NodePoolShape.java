package platform.providers.digitalocean;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The values of a DOKS node pool, for {@link NodePoolFieldsArgs}.
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
