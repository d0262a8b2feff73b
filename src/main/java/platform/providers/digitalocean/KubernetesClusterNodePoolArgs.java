package platform.providers.digitalocean;

/** The cluster's default node pool, declared inline on {@link KubernetesCluster}. */
public final class KubernetesClusterNodePoolArgs extends NodePoolFieldsArgs {
    public KubernetesClusterNodePoolArgs(NodePoolShape shape) {
        super(shape);
    }
}
