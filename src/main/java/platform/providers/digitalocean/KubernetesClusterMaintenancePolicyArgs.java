package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

/** When DigitalOcean may apply automatic patch upgrades: a day ("sunday", "any") and a UTC start time ("04:00"). */
public final class KubernetesClusterMaintenancePolicyArgs extends ResourceArgs {
    @Import(name = "day")
    private final String day;
    @Import(name = "startTime")
    private final String startTime;

    public KubernetesClusterMaintenancePolicyArgs(String day, String startTime) {
        this.day = Objects.requireNonNull(day, "day");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
    }
}
