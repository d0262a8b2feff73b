package platform.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:backups}: the stack's Spaces bucket for database dumps, its versioning, and the
 * lifecycle rules that expire each prefix: the backstop behind the jobs' own pruning.
 */
public record BackupSettings(String bucket, String region, boolean versioning, List<LifecycleRule> lifecycle) {
    /** Regions where DigitalOcean offers Spaces. */
    static final List<String> SPACES_REGIONS = List.of("nyc3", "sfo2", "sfo3", "ams3", "sgp1", "fra1", "syd1", "blr1", "tor1", "lon1", "atl1");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9-]+/");

    public record LifecycleRule(String prefix, int expireDays) {
    }

    public BackupSettings {
        lifecycle = List.copyOf(lifecycle);
    }

    /** The S3 endpoint of the bucket's region. */
    public String endpoint() {
        return "https://" + region + ".digitaloceanspaces.com";
    }

    public Optional<Integer> expiryOf(String prefix) {
        return lifecycle.stream().filter(rule -> rule.prefix().equals(prefix)).map(LifecycleRule::expireDays).findFirst();
    }

    /** On an existing cluster nothing is created in the cloud: no bucket, so no backup jobs either. */
    static Optional<BackupSettings> read(ConfigNode backups, ClusterSettings cluster) {
        if (!backups.isPresent() || cluster instanceof ClusterSettings.Existing) {
            return Optional.empty();
        }
        var node = backups.object();
        var rules = new ArrayList<LifecycleRule>();
        var prefixes = new HashSet<String>();
        for (var rule : node.field("lifecycle").items()) {
            var prefix = rule.field("prefix").requireMatching(PREFIX, "a key prefix ending in '/', such as pg-backups/");
            if (!prefixes.add(prefix)) {
                rule.field("prefix").problem("got \"" + prefix + "\" twice, expected one rule per prefix");
            }
            rules.add(new LifecycleRule(prefix, rule.field("expireDays").requireInteger(1, 3650)));
        }
        return Optional.of(new BackupSettings(
                node.field("bucket").requireMatching(BUCKET, "a bucket name of 3-63 lower-case letters, digits and '-'"),
                node.field("region").oneOf("nyc3", SPACES_REGIONS),
                node.field("versioning").asBoolean(true),
                rules));
    }
}
