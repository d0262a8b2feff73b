package platform.config;

import com.google.gson.JsonParser;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which config keys a stack sets and which of them are secret, as the engine hands them to the
 * program. Pulumi's {@code Config} reads one key at a time; this is what lets the settings
 * readers report a key nobody reads (a typo) and never echo a secret's value.
 *
 * @param present every key set, namespaced ({@code platform:bowmark}, {@code digitalocean:token})
 * @param secret  the keys set with {@code --secret}
 */
public record ConfigKeys(Set<String> present, Set<String> secret) {
    /** Where the language host puts the stack's config for the program (read the same way by the SDK). */
    static final String CONFIG_VARIABLE = "PULUMI_CONFIG";
    static final String SECRET_KEYS_VARIABLE = "PULUMI_CONFIG_SECRET_KEYS";

    public ConfigKeys {
        present = Set.copyOf(new TreeSet<>(present));
        secret = Set.copyOf(secret);
    }

    public static ConfigKeys of(Map<String, String> config, Set<String> secretKeys) {
        return new ConfigKeys(config.keySet(), secretKeys);
    }

    /** The config of a real {@code pulumi preview}/{@code up}, from the language host's environment. */
    public static ConfigKeys fromEngine() {
        return fromEnvironment(System.getenv(CONFIG_VARIABLE), System.getenv(SECRET_KEYS_VARIABLE));
    }

    /** {@code config}: a JSON object of key to value; {@code secretKeys}: a JSON array of keys. */
    static ConfigKeys fromEnvironment(String config, String secretKeys) {
        var keys = new TreeSet<String>();
        Optional.ofNullable(config).filter(text -> !text.isBlank()).ifPresent(text ->
                JsonParser.parseString(text).getAsJsonObject().keySet().forEach(key -> keys.add(clean(key))));
        var secrets = new TreeSet<String>();
        Optional.ofNullable(secretKeys).filter(text -> !text.isBlank()).ifPresent(text ->
                JsonParser.parseString(text).getAsJsonArray().forEach(key -> secrets.add(clean(key.getAsString()))));
        return new ConfigKeys(keys, secrets);
    }

    /** The engine may still spell a key the old way, {@code platform:config:bowmark}; the SDK reads it as {@code platform:bowmark}. */
    private static String clean(String key) {
        return key.replaceFirst("^([^:]+):config:", "$1:");
    }

    public boolean isSecret(String fullKey) {
        return secret.contains(fullKey);
    }
}
