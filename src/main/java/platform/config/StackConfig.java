package platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.pulumi.Config;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * The project's config namespace ({@code platform:}), read once into typed settings. Structured
 * values arrive from the engine as JSON text, plain ones as strings. Secret values are only read
 * as {@link Output} secrets; their presence is checked up front so that a missing one is reported
 * together with every other problem, before any resource is registered.
 */
public final class StackConfig {
    public static final String NAMESPACE = "platform";

    private final Config config;
    private final ConfigProblems problems = new ConfigProblems();
    private final List<String> missingSecrets = new ArrayList<>();

    private final ConfigKeys keys;

    public StackConfig(Config config, ConfigKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public static String fullKey(String key) {
        return NAMESPACE + ":" + key;
    }

    /** A top-level value, e.g. {@code get("cluster")} for {@code platform:cluster}. */
    public ConfigNode get(String key) {
        return new ConfigNode(fullKey(key), parsed(key), problems);
    }

    /** A secret that must be set; a missing one is collected and reported by {@link #validate()}. */
    public Output<String> requireSecret(String key) {
        SecretKeys.requireListed(key);
        if (config.get(key).isEmpty()) {
            missingSecrets.add(fullKey(key));
            return Output.ofSecret("");
        }
        return config.requireSecret(key);
    }

    /** Fails with every problem found; missing secrets are listed with the command that sets them. */
    public void validate() {
        for (var key : missingSecrets) {
            problems.add(key, "secret is not set; set it with `pulumi config set --secret " + key + " <value>`");
        }
        problems.throwIfAny();
    }

    private JsonElement parsed(String key) {
        var text = config.get(key);
        if (text.isEmpty()) {
            return null;
        }
        var trimmed = text.get().trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonParser.parseString(trimmed);
            } catch (JsonParseException malformed) {
                problems.add(fullKey(key), "is not valid structured config (" + malformed.getMessage() + ")");
                return null;
            }
        }
        return new JsonPrimitive(text.get());
    }
}
