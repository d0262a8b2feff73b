package platform;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
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

    /** The patch DigitalOcean offers for any minor, in these tests. */
    public static final String NEWEST_PATCH = "7-do.0";

    public static String passwordOf(String resourceName, Object rotation) {
        return "generated" + resourceName.replaceAll("[^A-Za-z0-9]", "") + "R" + rotation;
    }

    /** The 32 bytes a RandomBytes of this name and rotation generates here, in standard base64. */
    public static String bytesOf(String resourceName, Object rotation) {
        return Base64.getEncoder().encodeToString(sha256(resourceName + "R" + rotation));
    }

    /** An image's digest here: derived from its name. */
    private static String digestOf(String image) {
        return "sha256:" + HexFormat.of().formatHex(sha256(image));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs);
        if (args.type.equals("random:index/randomPassword:RandomPassword")) {
            var keepers = (Map<?, ?>) args.inputs.getOrDefault("keepers", Map.of());
            state.put("result", passwordOf(args.name, keepers.get("rotation")));
        }
        if (args.type.equals("random:index/randomBytes:RandomBytes")) {
            var keepers = (Map<?, ?>) args.inputs.getOrDefault("keepers", Map.of());
            var base64 = bytesOf(args.name, keepers.get("rotation"));
            state.put("base64", base64);
            state.put("hex", HexFormat.of().formatHex(Base64.getDecoder().decode(base64)));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    /**
     * An existing cluster, read: a kubeconfig with a token minted now; the newest patch of a minor;
     * an image's digest (derived from its name, so a moved tag would show as a new digest).
     */
    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.equals(platform.providers.digitalocean.GetKubernetesVersions.TOKEN)) {
            var prefix = String.valueOf(args.args.get("versionPrefix"));
            return CompletableFuture.completedFuture(Map.of("id", prefix, "versionPrefix", prefix,
                    "latestVersion", prefix + NEWEST_PATCH, "validVersions", List.of(prefix + NEWEST_PATCH)));
        }
        if (args.token.equals("docker:index/getRegistryImage:getRegistryImage")) {
            var name = String.valueOf(args.args.get("name"));
            return CompletableFuture.completedFuture(Map.of("id", name, "name", name, "sha256Digest", digestOf(name)));
        }
        if (!args.token.equals(platform.providers.digitalocean.GetKubernetesCluster.TOKEN)) {
            throw new IllegalArgumentException("no answer for " + args.token);
        }
        return CompletableFuture.completedFuture(Map.of(
                "name", args.args.get("name"),
                "endpoint", "https://cluster.k8s.ondigitalocean.com",
                "kubeConfigs", List.of(Map.of("clusterCaCertificate", "Q0EtREFUQQ==", "token", "token-minted-now"))));
    }
}
