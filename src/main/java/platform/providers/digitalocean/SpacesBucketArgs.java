package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

public final class SpacesBucketArgs extends ResourceArgs {
    @Import(name = "name")
    private final String name;
    @Import(name = "region")
    private final String region;
    @Import(name = "acl")
    private final String acl;
    @Import(name = "versioning")
    private final Versioning versioning;
    @Import(name = "lifecycleRules")
    private final List<SpacesBucketLifecycleRuleArgs> lifecycleRules;
    @Import(name = "forceDestroy")
    private final Boolean forceDestroy;

    /** A private bucket; {@code forceDestroy} stays false so a delete never empties a bucket of backups. */
    public SpacesBucketArgs(String name, String region, boolean versioning, List<SpacesBucketLifecycleRuleArgs> lifecycleRules) {
        this.name = Objects.requireNonNull(name, "name");
        this.region = Objects.requireNonNull(region, "region");
        this.acl = "private";
        this.versioning = new Versioning(versioning);
        this.lifecycleRules = List.copyOf(lifecycleRules);
        this.forceDestroy = false;
    }

    public static final class Versioning extends ResourceArgs {
        @Import(name = "enabled")
        private final Boolean enabled;

        Versioning(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
