package platform.cloud;

import com.pulumi.test.Mocks;
import org.junit.jupiter.api.Test;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.providers.digitalocean.GetKubernetesCluster;
import platform.render.Secret;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** DOKS tokens expire after 7 days: the provider must get a token read on this run, in a stable kubeconfig. */
class FreshCredentialsTest {

    /** A cloud account that already has the cluster, minting a new token on every read. */
    private static final class ExistingCloud implements Mocks {
        private final AnsweringCloud answers = new AnsweringCloud();
        final AtomicInteger reads = new AtomicInteger();
        final String token;

        ExistingCloud(String token) {
            this.token = token;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            // Passwords and ids as a cloud answers them, plus what an existing cluster reports.
            var state = new HashMap<>(castState((Map<?, ?>) answers.newResourceAsync(args).join().state));
            if (args.type.endsWith(":KubernetesCluster")) {
                state.put("endpoint", "https://1234.k8s.ondigitalocean.com");
                state.put("kubeConfigs", List.of(Map.of("token", "stale-token-from-state")));
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> castState(Map<?, ?> state) {
            return (Map<String, Object>) state;
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            if (!args.token.equals(GetKubernetesCluster.TOKEN)) {
                return answers.callAsync(args);
            }
            reads.incrementAndGet();
            return CompletableFuture.completedFuture(Map.of(
                    "name", args.args.get("name"),
                    "endpoint", "https://1234.k8s.ondigitalocean.com",
                    "kubeConfigs", List.of(Map.of(
                            "clusterCaCertificate", "Q0EtREFUQQ==",
                            "host", "https://1234.k8s.ondigitalocean.com",
                            "token", token))));
        }
    }

    @Test
    void theProviderGetsATokenReadOnThisRun() {
        var cloud = new ExistingCloud("token-minted-today");
        var result = Stacks.run("prod", cloud, false);

        assertThat(result.problems()).isEmpty();
        assertThat(cloud.reads.get()).isEqualTo(1);
        var kubeconfig = Stacks.only(result, "pulumi:providers:kubernetes", "kubernetes").inputs().get("kubeconfig");
        assertThat(kubeconfig).isInstanceOf(Secret.class);
        assertThat(((Secret) kubeconfig).value().toString())
                .contains("token: token-minted-today")
                .contains("server: https://1234.k8s.ondigitalocean.com")
                .doesNotContain("stale-token-from-state");
    }

    @Test
    void aNewTokenChangesOnlyTheTokenLine() {
        var monday = Kubeconfig.withToken("platform-prod", "https://1234.k8s.ondigitalocean.com", "Q0E=", "token-a");
        var nextWeek = Kubeconfig.withToken("platform-prod", "https://1234.k8s.ondigitalocean.com", "Q0E=", "token-b");

        var mondayLines = monday.lines().toList();
        var nextWeekLines = nextWeek.lines().toList();
        assertThat(mondayLines).hasSameSizeAs(nextWeekLines);
        for (int i = 0; i < mondayLines.size(); i++) {
            if (!mondayLines.get(i).equals(nextWeekLines.get(i))) {
                assertThat(mondayLines.get(i).trim()).isEqualTo("token: token-a");
                assertThat(nextWeekLines.get(i).trim()).isEqualTo("token: token-b");
            }
        }
        assertThat(monday).contains("current-context: do-platform-prod");
    }
}
