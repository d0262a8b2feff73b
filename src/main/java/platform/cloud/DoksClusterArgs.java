package platform.cloud;

import platform.config.ClusterSettings;

import java.util.List;
import java.util.Objects;

/**
 * @param settings the cluster and its node pools, as the stack config describes them
 * @param tags     DigitalOcean tags put on the cluster and every pool (identify the stack)
 * @param protect  whether the cluster carries Pulumi's {@code protect} (production)
 */
public record DoksClusterArgs(ClusterSettings.Create settings, List<String> tags, boolean protect) {
    public DoksClusterArgs {
        Objects.requireNonNull(settings, "settings");
        tags = List.copyOf(tags);
    }
}
