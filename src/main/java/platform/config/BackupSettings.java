package platform.config;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:backups}: where the datastores' dumps go. On a cluster this stack creates: one
 * Spaces bucket per system ({@code <bucketPrefix>-<system>}), each with its own key, so that one
 * system's backup jobs can never read or delete another's. On an existing cluster: one
 * S3-compatible bucket given in config ({@code s3}), with each system under its own prefix.
 */
public sealed interface BackupSettings {
    /** Regions where DigitalOcean offers Spaces. */
    List<String> SPACES_REGIONS = List.of("nyc3", "sfo2", "sfo3", "ams3", "sgp1", "fra1", "syd1", "blr1", "tor1", "lon1", "atl1");
    Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    String BUCKET_TEXT = "a bucket name of 3-63 lower-case letters, digits and '-'";
    Pattern LIFECYCLE_PREFIX = Pattern.compile("[a-z0-9-]+/");
    /** A system's name is appended to the prefix: {@code -marc} ... {@code -project88} (at most 10 characters). */
    int LONGEST_SYSTEM_SUFFIX = 10;

    String ACCESS_KEY_SECRET = "backupS3AccessKeyId";
    String SECRET_KEY_SECRET = "backupS3SecretAccessKey";

    List<SecretKeys.SecretKey> SECRETS = List.of(
            SecretKeys.SecretKey.optional(ACCESS_KEY_SECRET, "access key id for platform:backups.s3 (existing-cluster mode)"),
            SecretKeys.SecretKey.optional(SECRET_KEY_SECRET, "secret access key for platform:backups.s3 (existing-cluster mode)"));

    record LifecycleRule(String prefix, int expireDays) {
    }

    /**
     * Platform-made Spaces buckets, one per system, with lifecycle rules that expire each prefix: the
     * backstop behind the jobs' own pruning.
     */
    record Spaces(String bucketPrefix, String region, boolean versioning, List<LifecycleRule> lifecycle) implements BackupSettings {
        public Spaces {
            lifecycle = List.copyOf(lifecycle);
        }

        public String bucket(String system) {
            return bucketPrefix + "-" + system;
        }

        public String endpoint() {
            return "https://" + region + ".digitaloceanspaces.com";
        }
    }

    /** Any S3-compatible bucket (MinIO on a local cluster, another cloud): systems write under {@code <system>/}. */
    record External(String endpoint, String bucket, String region, Output<String> accessKeyId, Output<String> secretAccessKey)
            implements BackupSettings {
    }

    static Optional<BackupSettings> read(ConfigNode backups, ClusterSettings cluster, StackConfig config) {
        var node = backups.object();
        var s3 = node.field("s3");
        var spacesFields = List.of("bucketPrefix", "region", "versioning", "lifecycle");
        if (cluster instanceof ClusterSettings.Existing) {
            spacesFields.forEach(field -> node.field(field).notApplicable());
            return s3.isPresent() ? Optional.of(external(s3.object(), config)) : Optional.empty();
        }
        if (s3.isPresent()) {
            s3.problem("applies only to an existing cluster (platform:cluster.mode existing); this stack makes its own Spaces buckets");
            s3.notApplicable();
        }
        if (!backups.isPresent()) {
            return Optional.empty();
        }
        var rules = new ArrayList<LifecycleRule>();
        var prefixes = new HashSet<String>();
        for (var rule : node.field("lifecycle").items()) {
            var prefixNode = rule.field("prefix");
            var prefix = prefixNode.requireMatching(LIFECYCLE_PREFIX, "a key prefix ending in '/', such as pg-backups/");
            if (!prefixes.add(prefix)) {
                prefixNode.rejectRepeated("one rule per prefix");
            }
            rules.add(new LifecycleRule(prefix, rule.field("expireDays").requireInteger(1, 3650)));
        }
        var prefixNode = node.field("bucketPrefix");
        var prefix = prefixNode.requireMatching(BUCKET, BUCKET_TEXT);
        if (prefix.length() + LONGEST_SYSTEM_SUFFIX > 63) {
            prefixNode.reject("at most " + (63 - LONGEST_SYSTEM_SUFFIX) + " characters, so that <prefix>-<system> is a valid bucket name");
        }
        return Optional.of(new Spaces(prefix,
                node.field("region").oneOf("nyc3", SPACES_REGIONS),
                node.field("versioning").asBoolean(true),
                rules));
    }

    /**
     * A lifecycle rule over one of {@code prefixes} that would expire objects younger than
     * {@code days} is a problem on its {@code expireDays}: the backstop must never delete what a
     * job's own retention still keeps (a point-in-time archive's WAL and base backups).
     */
    static void requireKept(ConfigNode backups, BackupSettings settings, int days, String why, String... prefixes) {
        if (!(settings instanceof Spaces)) {
            return;
        }
        for (var rule : backups.object().field("lifecycle").items()) {
            var prefix = rule.field("prefix").asString("");
            var expire = rule.field("expireDays");
            if (List.of(prefixes).contains(prefix) && expire.asInteger(days, 1, 3650) < days) {
                expire.reject("at least " + days + " for " + prefix + " (" + why + ", plus a week's margin)");
            }
        }
    }

    private static External external(ConfigNode s3, StackConfig config) {
        var accessKey = config.optionalSecret(ACCESS_KEY_SECRET);
        var secretKey = config.optionalSecret(SECRET_KEY_SECRET);
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            s3.problem("needs its credentials as secrets: `pulumi config set --secret platform:" + ACCESS_KEY_SECRET
                    + " <id>` and `pulumi config set --secret platform:" + SECRET_KEY_SECRET + " <key>`");
        }
        return new External(
                s3.field("endpoint").requireMatching(Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?/?"), "an endpoint URL such as http://minio.minio:9000"),
                s3.field("bucket").requireMatching(BUCKET, BUCKET_TEXT),
                s3.field("region").asString("us-east-1"),
                accessKey.orElse(Output.ofSecret("")),
                secretKey.orElse(Output.ofSecret("")));
    }
}
