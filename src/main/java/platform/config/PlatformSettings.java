package platform.config;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole stack config, typed and validated once. Building it reads every key; if any problem
 * was found, {@link StackConfig#validate()} fails with all of them before a resource exists.
 */
public record PlatformSettings(String stack, Environment environment, ClusterSettings cluster,
                               Optional<RegistrySettings> registry, Optional<BackupSettings> backups, EdgeSettings edge,
                               Optional<BowmarkSettings> bowmark, Map<String, Output<String>> secrets) {

    public static PlatformSettings read(String stack, StackConfig config) {
        var environment = Environment.read(config.get("environment"));
        var cluster = ClusterSettings.read(config.get("cluster"));
        var registry = RegistrySettings.read(config.get("registry"), cluster);
        var backups = BackupSettings.read(config.get("backups"), cluster);
        var edge = EdgeSettings.read(config.get("edge"), stack);
        var bowmark = BowmarkSettings.read(config.get("bowmark"), environment, edge, cluster);
        var secrets = new LinkedHashMap<String, Output<String>>();
        if (bowmark.isPresent()) {
            BowmarkSettings.SECRET_KEYS.forEach(key -> secrets.put(key, config.requireSecret(key)));
        }
        config.validate();
        return new PlatformSettings(stack, environment, cluster, registry, backups, edge, bowmark, Map.copyOf(secrets));
    }

    /** A secret config value read (and checked present) with the rest of the config. */
    public Output<String> secret(String key) {
        var value = secrets.get(key);
        if (value == null) {
            throw new IllegalStateException("secret config " + key + " was not read with the settings");
        }
        return value;
    }

    public boolean protectsData() {
        return environment.protectsData();
    }
}
