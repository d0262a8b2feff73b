package platform.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A database's {@code backup} section, read the same way for every system: when it is dumped, how
 * long dumps are kept, when and how strictly its restore is checked.
 *
 * @param schedule             cron, UTC
 * @param retentionDays        dumps older than this are deleted by the backup job
 * @param restoreCheckSchedule cron, UTC
 * @param maxAgeHours          the restore check fails when the newest dump is older
 * @param sanityQuery          must return more than 0 on each restored database; empty: the count of its tables
 */
public record DatabaseBackupSettings(String schedule, int retentionDays, String restoreCheckSchedule, int maxAgeHours,
                                     Optional<String> sanityQuery) {
    private static final Pattern SELECT = Pattern.compile("(?is)\\s*SELECT\\s[^;]+");

    /** What a system's seed asks for when config says nothing. */
    public record Defaults(String schedule, int retentionDays, String restoreCheckSchedule, int maxAgeHours) {
    }

    /** The fields of {@code node} ({@code platform:<system>.backup}), each falling back to {@code defaults}. */
    public static DatabaseBackupSettings read(ConfigNode node, Defaults defaults) {
        var backup = node.object();
        return new DatabaseBackupSettings(
                backup.field("schedule").cron(defaults.schedule()),
                backup.field("retentionDays").asInteger(defaults.retentionDays(), 1, 3650),
                backup.field("restoreCheckSchedule").cron(defaults.restoreCheckSchedule()),
                backup.field("maxAgeHours").asInteger(defaults.maxAgeHours(), 1, 24 * 30),
                backup.field("sanityQuery").matching(SELECT, "a single SELECT returning one number"));
    }
}
