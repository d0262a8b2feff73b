package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Objects;

public final class VpcArgs extends ResourceArgs {
    @Import(name = "name")
    private final @Nullable String name;
    @Import(name = "region", required = true)
    private final String region;
    @Import(name = "ipRange")
    private final @Nullable String ipRange;
    @Import(name = "description")
    private final @Nullable String description;

    public VpcArgs(@Nullable String name, String region, @Nullable String ipRange, @Nullable String description) {
        this.name = name;
        this.region = Objects.requireNonNull(region, "region");
        this.ipRange = ipRange;
        this.description = description;
    }
}
