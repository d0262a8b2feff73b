package platform.cloud;

import platform.config.ClusterSettings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster and its VPC are always {@code protect}ed: changing the region, the VPC range or the
 * default pool's size replaces the cluster and everything on it, and that must stop with an error
 * ({@code pulumi state unprotect} first when it is meant), in every environment.
 *
 * @param settings the cluster and its node pools, as the stack config describes them
 * @param tags     DigitalOcean tags put on the cluster and every pool (identify the stack)
 * @param registry the stack's container registry, if it has one: the cluster pulls from it (registry
 *                 integration) and is created after it
 */
public record DoksClusterArgs(ClusterSettings.Create settings, List<String> tags, Optional<Registry> registry) {
    public DoksClusterArgs {
        Objects.requireNonNull(settings, "settings");
        tags = List.copyOf(tags);
        Objects.requireNonNull(registry, "registry");
    }
}
