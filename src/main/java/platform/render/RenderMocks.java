package platform.render;

import com.pulumi.test.Mocks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the offline engine answers: every resource echoes its inputs, as a preview does. Cloud
 * resources (DigitalOcean, Random) get no id, so what only the cloud can know (ids, endpoints,
 * generated passwords) stays unknown instead of being invented; Kubernetes objects and
 * components are keyed by their names.
 */
final class RenderMocks implements Mocks {

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var cloud = args.type.startsWith("digitalocean:") || args.type.startsWith("random:");
        var id = cloud ? Optional.<String>empty() : Optional.of(args.name + "-id");
        return CompletableFuture.completedFuture(ResourceResult.of(id, args.inputs));
    }

    /** The registry lookup that pins an image by digest (see {@code ImageResolver}). */
    static final String GET_REGISTRY_IMAGE = "docker:index/getRegistryImage:getRegistryImage";
    /** The lookup of the newest DOKS patch of a minor (see {@code DoksCluster}). */
    static final String GET_KUBERNETES_VERSIONS = "digitalocean:index/getKubernetesVersions:getKubernetesVersions";

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.equals(GET_REGISTRY_IMAGE)) {
            // Only the registry knows an image's digest: the image reads repository:tag@[unknown].
            var name = String.valueOf(args.args.get("name"));
            return CompletableFuture.completedFuture(Map.of("id", name, "name", name, "sha256Digest", Unknown.SHOWN));
        }
        if (args.token.equals(GET_KUBERNETES_VERSIONS)) {
            // Only DigitalOcean knows its newest patch of the minor: the version reads 1.35.[unknown].
            var prefix = String.valueOf(args.args.getOrDefault("versionPrefix", ""));
            return CompletableFuture.completedFuture(Map.of("id", prefix, "versionPrefix", prefix,
                    "latestVersion", prefix + Unknown.SHOWN, "validVersions", java.util.List.of()));
        }
        // Nothing else here reaches a cloud account: invokes only run once their inputs are known,
        // which for cloud reads (the cluster's fresh kubeconfig) is never the case offline.
        return CompletableFuture.completedFuture(Map.of());
    }
}
