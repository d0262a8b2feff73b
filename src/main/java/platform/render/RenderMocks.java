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

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        // Nothing here reaches a cloud account: invokes only run once their inputs are known, which
        // for cloud reads (the cluster's fresh kubeconfig) is never the case offline.
        return CompletableFuture.completedFuture(Map.of());
    }
}
