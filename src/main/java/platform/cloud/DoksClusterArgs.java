package platform.cloud;

import platform.config.ClusterSettings;

import java.util.List;
import java.util.Objects;

/**
 * The cluster and its VPC are always {@code protect}ed: changing the region, the VPC range or the
 * default pool's size replaces the cluster and everything on it, and that must stop with an error
 * ({@code pulumi state unprotect} first when it is meant), in every environment.
 *
 * @param settings the cluster and its node pools, as the stack config describes them
 * @param tags     DigitalOcean tags put on the cluster and every pool (identify the stack)
 */
public record DoksClusterArgs(ClusterSettings.Create settings, List<String> tags) {
    public DoksClusterArgs {
        Objects.requireNonNull(settings, "settings");
        tags = List.copyOf(tags);
    }
}
