package platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.pulumi.Config;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's config namespace ({@code platform:}), read once into typed settings. Structured
 * values arrive from the engine as JSON text, plain ones as strings. Secret values are only read
 * as {@link Output} secrets; their presence is checked up front so that a missing one is reported
 * together with every other problem, before any resource is registered. Keys set but never read
 * are reported too, and so is a secret given in plain text or plain config given as a secret.
 */
public final class StackConfig {
    public static final String NAMESPACE = "platform";

    private final Config config;
    private final ConfigKeys keys;
    private final ConfigProblems problems = new ConfigProblems();
    private final KnownKeys known = new KnownKeys();
    private final Map<String, JsonElement> read = new LinkedHashMap<>();
    private final List<String> missingSecrets = new ArrayList<>();
    /** Top-level names the readers asked for, present or not: the candidates when one is misspelt. */
    private final List<String> asked = new ArrayList<>(SecretKeys.ALL);

    public StackConfig(Config config, ConfigKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    /**
     * Provider config that holds credentials: the program never reads it, but refuses it in plain text
     * (the DigitalOcean provider also reads them from its environment variables).
     */
    public static final List<String> PROVIDER_SECRETS = List.of(
            "digitalocean:token", "digitalocean:spacesAccessId", "digitalocean:spacesSecretKey");

    public static String fullKey(String key) {
        return NAMESPACE + ":" + key;
    }

    /** A top-level value, e.g. {@code get("cluster")} for {@code platform:cluster}. */
    public ConfigNode get(String key) {
        var full = fullKey(key);
        known.add(full);
        asked.add(key);
        var secret = keys.isSecret(full);
        if (secret) {
            problems.add(full, "is set as a secret, expected plain config: set it with `pulumi config set " + full
                    + "` (without --secret)");
        }
        var value = parsed(key, secret);
        if (value != null) {
            read.put(full, value);
        }
        return new ConfigNode(full, value, problems, known, secret);
    }

    /** A secret that must be set; a missing one is collected and reported by {@link #validate()}. */
    public Output<String> requireSecret(String key) {
        SecretKeys.requireListed(key, true);
        return secret(key).orElseGet(() -> {
            missingSecrets.add(fullKey(key));
            return Output.ofSecret("");
        });
    }

    /** A secret that may be set, e.g. a password to keep instead of generating one. */
    public Optional<Output<String>> optionalSecret(String key) {
        SecretKeys.requireListed(key, false);
        return secret(key);
    }

    /**
     * A secret env file (compose's vaulted {@code env_file}), e.g. set with
     * {@code pulumi config set --secret platform:<key> < web.env}: its names are plain, each value a
     * secret. A bad line is reported by its number, never its text.
     *
     * @param reserved names the program sets itself, refused in the file
     */
    public Optional<Map<String, Output<String>>> optionalSecretEnv(String key, Set<String> reserved) {
        SecretKeys.requireListed(key, false);
        if (!present(key)) {
            return Optional.empty();
        }
        var parsed = DotEnv.parse(config.get(key).orElseThrow());
        parsed.problems().forEach(problem -> problems.add(fullKey(key), problem));
        var values = new LinkedHashMap<String, Output<String>>();
        parsed.entries().forEach((name, value) -> {
            if (reserved.contains(name)) {
                problems.add(fullKey(key), name + " is set by the platform, expected only the app's own variables");
            } else {
                values.put(name, Output.ofSecret(value));
            }
        });
        return Optional.of(values);
    }

    private Optional<Output<String>> secret(String key) {
        return present(key) ? Optional.of(config.requireSecret(key)) : Optional.empty();
    }

    /** Whether a secret key is set; one set in plain text is reported. */
    private boolean present(String key) {
        var full = fullKey(key);
        known.add(full);
        if (config.get(key).isEmpty()) {
            return false;
        }
        if (!keys.isSecret(full)) {
            // The value is in the stack file in plain text: say so without repeating it.
            problems.add(full, setInPlainText(full));
        }
        return true;
    }

    private static String setInPlainText(String fullKey) {
        return "is set in plain text, expected a secret: set it again with `pulumi config set --secret " + fullKey + " <value>`";
    }

    /** Fails with every problem found: values, missing secrets (with the command that sets them), unknown keys. */
    public void validate() {
        for (var key : missingSecrets) {
            problems.add(key, "secret is not set; set it with `pulumi config set --secret " + key + " <value>`");
        }
        var unknown = new ArrayList<String>();
        for (var key : keys.present()) {
            if (PROVIDER_SECRETS.contains(key) && !keys.isSecret(key)) {
                problems.add(key, setInPlainText(key) + " (or use the environment variable the provider reads)");
            }
            if (!key.startsWith(NAMESPACE + ":")) {
                continue; // provider and pulumi: config is read by the providers and the engine
            }
            var name = key.substring(NAMESPACE.length() + 1);
            if (known.knows(key) || SecretKeys.find(name).isPresent()) {
                Optional.ofNullable(read.get(key)).ifPresent(value -> known.collectUnknown(key, value, unknown));
            } else {
                unknown.add(KnownKeys.unknown(key, name, asked));
            }
        }
        unknown.forEach(problems::addWhole);
        problems.throwIfAny();
    }

    private JsonElement parsed(String key, boolean secret) {
        var text = config.get(key);
        if (text.isEmpty()) {
            return null;
        }
        var trimmed = text.get().trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonParser.parseString(trimmed);
            } catch (JsonParseException malformed) {
                problems.add(fullKey(key), "is not valid structured config" + (secret ? "" : " (" + malformed.getMessage() + ")"));
                return null;
            }
        }
        return new JsonPrimitive(text.get());
    }
}
