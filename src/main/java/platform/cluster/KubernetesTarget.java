package platform.cluster;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import platform.Versions;
import platform.cloud.DoksCluster;

/**
 * The Kubernetes cluster every object of the stack goes to, reached through one explicit provider
 * (never the ambient kubeconfig, so a stack cannot write to whatever cluster a laptop points at).
 * The provider runs plugin {@link Versions#KUBERNETES_PROVIDER_PLUGIN}, newer than the Java SDK.
 * Outside production it forgets objects of a cluster that no longer answers (a deleted dev cluster)
 * instead of failing every later run.
 */
public record KubernetesTarget(Provider provider) {

    /** A cluster this stack created, with credentials minted on every run. */
    public static KubernetesTarget of(DoksCluster cluster, boolean production) {
        return new KubernetesTarget(new Provider("kubernetes", args(production)
                .kubeconfig(cluster.kubeconfig())
                .build(), CustomResourceOptions.builder().parent(cluster).version(Versions.KUBERNETES_PROVIDER_PLUGIN).build()));
    }

    /** An existing cluster, by a context of the operator's kubeconfig (kind, minikube or any other). */
    public static KubernetesTarget ofContext(String context, boolean production) {
        return new KubernetesTarget(new Provider("kubernetes", args(production)
                .context(context)
                .build(), CustomResourceOptions.builder().version(Versions.KUBERNETES_PROVIDER_PLUGIN).build()));
    }

    private static ProviderArgs.Builder args(boolean production) {
        return ProviderArgs.builder().deleteUnreachable(!production);
    }
}
