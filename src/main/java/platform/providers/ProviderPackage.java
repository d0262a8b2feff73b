package platform.providers;

import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;

/**
 * A provider plugin that the hand-written bindings talk to. Every resource and invoke carries the
 * plugin version, so the engine loads exactly the release the bindings were checked against
 * (the same version as {@code src/main/resources/com/pulumi/<name>/plugin.json}).
 */
public record ProviderPackage(String name, String version) {

    public static final ProviderPackage DIGITALOCEAN = new ProviderPackage("digitalocean", "4.76.0");
    public static final ProviderPackage RANDOM = new ProviderPackage("random", "4.21.1");

    public CustomResourceOptions withVersion(@Nullable CustomResourceOptions options) {
        return withVersion(options, List.of());
    }

    /**
     * Also names the outputs the schema marks secret, so they stay secret whatever the engine
     * (a mock engine included) sends back.
     */
    public CustomResourceOptions withVersion(@Nullable CustomResourceOptions options, List<String> secretOutputs) {
        var defaults = CustomResourceOptions.builder().version(version);
        if (!secretOutputs.isEmpty()) {
            defaults.additionalSecretOutputs(secretOutputs);
        }
        return CustomResourceOptions.merge(defaults.build(), options);
    }

    public InvokeOptions invokeOptions() {
        return InvokeOptions.builder().version(version).build();
    }
}
