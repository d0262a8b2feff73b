package platform;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Mocks that answer like an update against real providers: every resource gets an id, and a
 * generated password gets a value derived from its name and rotation keeper, so tests can read
 * what a Secret would hold and see rotation change it.
 */
public final class AnsweringCloud implements Mocks {

    public static String passwordOf(String resourceName, Object rotation) {
        return "generated" + resourceName.replaceAll("[^A-Za-z0-9]", "") + "R" + rotation;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs);
        if (args.type.equals("random:index/randomPassword:RandomPassword")) {
            var keepers = (Map<?, ?>) args.inputs.getOrDefault("keepers", Map.of());
            state.put("result", passwordOf(args.name, keepers.get("rotation")));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    /** An existing cluster, read: a kubeconfig with a token minted now. */
    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (!args.token.equals(platform.providers.digitalocean.GetKubernetesCluster.TOKEN)) {
            throw new IllegalArgumentException("no answer for " + args.token);
        }
        return CompletableFuture.completedFuture(Map.of(
                "name", args.args.get("name"),
                "endpoint", "https://cluster.k8s.ondigitalocean.com",
                "kubeConfigs", List.of(Map.of("clusterCaCertificate", "Q0EtREFUQQ==", "token", "token-minted-now"))));
    }
}
