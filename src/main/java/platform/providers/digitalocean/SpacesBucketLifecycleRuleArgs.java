package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;

/** Expires objects under a prefix after a number of days: the backstop behind the backup jobs' own pruning. */
public final class SpacesBucketLifecycleRuleArgs extends ResourceArgs {
    @Import(name = "id")
    private final String id;
    @Import(name = "enabled", required = true)
    private final Boolean enabled;
    @Import(name = "prefix")
    private final String prefix;
    @Import(name = "expiration")
    private final Expiration expiration;
    @Import(name = "noncurrentVersionExpiration")
    private final @Nullable NoncurrentVersionExpiration noncurrentVersionExpiration;
    @Import(name = "abortIncompleteMultipartUploadDays")
    private final Integer abortIncompleteMultipartUploadDays;

    public SpacesBucketLifecycleRuleArgs(String id, String prefix, int expirationDays, @Nullable Integer noncurrentVersionDays) {
        this.id = id;
        this.enabled = true;
        this.prefix = prefix;
        this.expiration = new Expiration(expirationDays);
        this.noncurrentVersionExpiration = noncurrentVersionDays == null ? null : new NoncurrentVersionExpiration(noncurrentVersionDays);
        this.abortIncompleteMultipartUploadDays = 1;
    }

    public static final class Expiration extends ResourceArgs {
        @Import(name = "days")
        private final Integer days;

        Expiration(int days) {
            this.days = days;
        }
    }

    public static final class NoncurrentVersionExpiration extends ResourceArgs {
        @Import(name = "days")
        private final Integer days;

        NoncurrentVersionExpiration(int days) {
            this.days = days;
        }
    }
}
