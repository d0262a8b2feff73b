package platform.config;

import java.util.Optional;

/**
 * The whole stack config, typed and validated once. Building it reads every key; if any problem
 * was found, {@link StackConfig#validate()} fails with all of them before a resource exists.
 */
public record PlatformSettings(String stack, Environment environment, ClusterSettings cluster,
                               Optional<RegistrySettings> registry, EdgeSettings edge) {

    public static PlatformSettings read(String stack, StackConfig config) {
        var environment = Environment.read(config.get("environment"));
        var cluster = ClusterSettings.read(config.get("cluster"));
        var registry = RegistrySettings.read(config.get("registry"));
        var edge = EdgeSettings.read(config.get("edge"), stack);
        if (registry.isPresent() && cluster instanceof ClusterSettings.Existing) {
            config.get("registry").problem("is set, expected no registry when platform:cluster.mode is existing (no cloud resources are created)");
        }
        config.validate();
        return new PlatformSettings(stack, environment, cluster, registry, edge);
    }

    public boolean protectsData() {
        return environment.protectsData();
    }
}
