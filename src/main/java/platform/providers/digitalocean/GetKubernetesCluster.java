package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.core.annotations.Import;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.InvokeArgs;
import platform.providers.ProviderPackage;

import java.util.Objects;

/**
 * Reads a DOKS cluster on every run. Its kubeconfig carries a token minted for this run, which is
 * what keeps the Kubernetes provider's credentials fresh although DOKS tokens expire after 7 days.
 */
public final class GetKubernetesCluster {
    public static final String TOKEN = "digitalocean:index/getKubernetesCluster:getKubernetesCluster";

    private GetKubernetesCluster() {
    }

    public static Output<GetKubernetesClusterResult> invoke(Args args) {
        return Deployment.getInstance()
                .invoke(TOKEN, TypeShape.of(GetKubernetesClusterResult.class), args, ProviderPackage.DIGITALOCEAN.invokeOptions())
                .asSecret();
    }

    public static final class Args extends InvokeArgs {
        @Import(name = "name", required = true)
        private final String name;

        public Args(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }
    }
}
