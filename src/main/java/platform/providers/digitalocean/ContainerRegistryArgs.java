package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Objects;

public final class ContainerRegistryArgs extends ResourceArgs {
    @Import(name = "name")
    private final String name;
    @Import(name = "subscriptionTierSlug", required = true)
    private final String subscriptionTierSlug;
    @Import(name = "region")
    private final @Nullable String region;

    public ContainerRegistryArgs(String name, String subscriptionTierSlug, @Nullable String region) {
        this.name = Objects.requireNonNull(name, "name");
        this.subscriptionTierSlug = Objects.requireNonNull(subscriptionTierSlug, "subscriptionTierSlug");
        this.region = region;
    }
}
