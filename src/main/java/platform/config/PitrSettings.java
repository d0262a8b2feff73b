package platform.config;

/**
 * A PostgreSQL's {@code pointInTimeRecovery} section, read the same way for every system: whether
 * WAL is archived continuously, when base backups are taken and how many days of restore points are
 * kept, how soon a write reaches the bucket, and when and how strictly the WAL chain is replayed.
 *
 * @param keepDays              any moment of the last {@code keepDays} days can be recovered: base backups
 *                              and WAL older than what that needs are pruned, never what it needs
 * @param archiveTimeoutSeconds a written segment is finished and shipped at the latest this long after a write
 * @param checkSchedule         cron, UTC: the replay check (newest base backup, WAL to a fresh mark)
 * @param maxAgeHours           the replay check fails when the newest base backup is older
 */
public record PitrSettings(boolean enabled, String baseBackupSchedule, int keepDays, int archiveTimeoutSeconds,
                           String checkSchedule, int maxAgeHours) {
    /** The bucket's lifecycle rule for the WAL and base backup prefixes expires nothing younger than the window plus this. */
    public static final int LIFECYCLE_MARGIN_DAYS = 7;
    /** The key prefixes the archive writes under, in a system's bucket. */
    public static final String WAL_PREFIX = "pg-wal/";
    public static final String BASE_PREFIX = "pg-base/";

    /** What a system's seed asks for when config says nothing. */
    public record Defaults(String baseBackupSchedule, int keepDays, String checkSchedule) {
    }

    /**
     * @param durable false when the database's data goes with its pod (nothing to recover): archiving
     *                is then off by default and refused when asked for
     */
    public static PitrSettings read(ConfigNode node, Defaults defaults, boolean durable) {
        var section = node.object();
        var enabledNode = section.field("enabled");
        var enabled = enabledNode.asBoolean(durable);
        if (enabled && !durable) {
            enabledNode.reject("false while the database's data is ephemeral: there is nothing durable to recover");
        }
        return new PitrSettings(enabled && durable,
                section.field("baseBackupSchedule").cron(defaults.baseBackupSchedule()),
                section.field("keepDays").asInteger(defaults.keepDays(), 1, 365),
                section.field("archiveTimeoutSeconds").asInteger(60, 30, 3600),
                section.field("checkSchedule").cron(defaults.checkSchedule()),
                section.field("maxAgeHours").asInteger(26, 1, 24 * 30));
    }

    /** The youngest a lifecycle rule over the archive may expire objects: older than any restore point kept. */
    public int minimumLifecycleDays() {
        return keepDays + 1 + LIFECYCLE_MARGIN_DAYS;
    }
}
