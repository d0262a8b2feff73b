package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import java.util.Objects;

/** A node pool of its own, attached to a cluster by id. */
public final class KubernetesNodePoolArgs extends NodePoolFieldsArgs {
    @Import(name = "clusterId", required = true)
    private final Output<String> clusterId;

    public KubernetesNodePoolArgs(Output<String> clusterId, NodePoolShape shape) {
        super(shape);
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
    }
}
