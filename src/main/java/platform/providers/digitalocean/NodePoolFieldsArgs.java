package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inputs a DOKS node pool has whether it is the cluster's inline default pool or a standalone
 * {@link KubernetesNodePool}; both Args extend it, so the two cannot drift apart.
 */
public abstract class NodePoolFieldsArgs extends ResourceArgs {
    @Import(name = "name", required = true)
    private final String name;
    @Import(name = "size", required = true)
    private final String size;
    @Import(name = "autoScale")
    private final @Nullable Boolean autoScale;
    @Import(name = "minNodes")
    private final @Nullable Integer minNodes;
    @Import(name = "maxNodes")
    private final @Nullable Integer maxNodes;
    @Import(name = "nodeCount")
    private final @Nullable Integer nodeCount;
    @Import(name = "labels")
    private final @Nullable Map<String, String> labels;
    @Import(name = "tags")
    private final @Nullable List<String> tags;
    @Import(name = "taints")
    private final @Nullable List<KubernetesTaintArgs> taints;

    protected NodePoolFieldsArgs(NodePoolShape shape) {
        this.name = Objects.requireNonNull(shape.name(), "name");
        this.size = Objects.requireNonNull(shape.size(), "size");
        this.autoScale = shape.autoScale();
        this.minNodes = shape.minNodes();
        this.maxNodes = shape.maxNodes();
        this.nodeCount = shape.nodeCount();
        this.labels = shape.labels();
        this.tags = shape.tags();
        this.taints = shape.taints();
    }
}
