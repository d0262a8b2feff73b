package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

/** A node taint, shared by the cluster's inline pool and standalone node pools (same schema shape). */
public final class KubernetesTaintArgs extends ResourceArgs {
    @Import(name = "key", required = true)
    private final String key;
    @Import(name = "value", required = true)
    private final String value;
    @Import(name = "effect", required = true)
    private final String effect;

    public KubernetesTaintArgs(String key, String value, String effect) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
        this.effect = Objects.requireNonNull(effect, "effect");
    }
}
