package platform.cluster;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import platform.cloud.DoksCluster;

/**
 * The Kubernetes cluster every object of the stack goes to, reached through one explicit provider
 * (never the ambient kubeconfig, so a stack cannot write to whatever cluster a laptop points at).
 */
public record KubernetesTarget(Provider provider) {

    /** A cluster this stack created, with credentials minted on every run. */
    public static KubernetesTarget of(DoksCluster cluster) {
        return new KubernetesTarget(new Provider("kubernetes", ProviderArgs.builder()
                .kubeconfig(cluster.kubeconfig())
                .build(), CustomResourceOptions.builder().parent(cluster).build()));
    }

    /** An existing cluster, by a context of the operator's kubeconfig (kind, minikube or any other). */
    public static KubernetesTarget ofContext(String context) {
        return new KubernetesTarget(new Provider("kubernetes", ProviderArgs.builder()
                .context(context)
                .build()));
    }
}
