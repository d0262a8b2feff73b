package platform.cloud;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.config.BackupSettings;
import platform.providers.digitalocean.SpacesBucket;
import platform.providers.digitalocean.SpacesBucketArgs;
import platform.providers.digitalocean.SpacesBucketLifecycleRuleArgs;
import platform.providers.digitalocean.SpacesKey;
import platform.providers.digitalocean.SpacesKeyArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One system's backup bucket: private, versioned as configured, each prefix expired by a lifecycle
 * rule (the backstop behind the jobs' own pruning), and a Spaces key that can reach this bucket
 * only: Spaces keys are scoped per bucket, so a bucket per system is what keeps one system's backup
 * jobs away from another's backups. Bucket and key are protected in production.
 */
public final class BackupBucket extends ComponentResource {
    /** Old versions of overwritten or deleted objects are kept this long when versioning is on. */
    static final int NONCURRENT_VERSION_DAYS = 7;

    private final SpacesBucket bucket;
    private final SpacesKey key;
    private final BackupSettings.Spaces settings;

    /** @param name the Pulumi name, e.g. {@code backups-bowmark}; the bucket is {@code <bucketPrefix>-<system>} */
    public BackupBucket(String name, String system, BackupSettings.Spaces settings, boolean protect,
                        @Nullable ComponentResourceOptions options) {
        super("platform:cloud:BackupBucket", name, options);
        this.settings = settings;
        var rules = settings.lifecycle().stream().map(rule -> new SpacesBucketLifecycleRuleArgs(
                "expire-" + rule.prefix().replace("/", ""), rule.prefix(), rule.expireDays(),
                settings.versioning() ? NONCURRENT_VERSION_DAYS : null)).toList();
        var bucketName = settings.bucket(system);
        bucket = new SpacesBucket(name, new SpacesBucketArgs(bucketName, settings.region(), settings.versioning(), rules),
                CustomResourceOptions.builder().parent(this).protect(protect).build());
        key = new SpacesKey(name + "-key", new SpacesKeyArgs(bucketName + "-jobs",
                List.of(new SpacesKeyArgs.Grant(bucket.name(), "readwrite"))),
                CustomResourceOptions.builder().parent(this).protect(protect).build());
        registerOutputs(Map.of("bucket", bucket.name()));
    }

    public Output<String> bucketName() {
        return bucket.name();
    }

    public Output<String> bucketUrn() {
        return bucket.bucketUrn();
    }

    public String region() {
        return settings.region();
    }

    public String endpoint() {
        return settings.endpoint();
    }

    public Output<String> accessKey() {
        return key.accessKey();
    }

    /** A Pulumi secret. */
    public Output<String> secretKey() {
        return key.secretKey().asSecret();
    }
}
