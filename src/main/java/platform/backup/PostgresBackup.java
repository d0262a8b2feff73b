package platform.backup;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import platform.config.DatabaseBackupSettings;
import platform.data.Postgres;
import platform.k8s.CronJobs;
import platform.k8s.Env;
import platform.k8s.RunAs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Daily {@code pg_dump -Fc} of every database of a {@link Postgres} (plus {@code pg_dumpall
 * --globals-only}) to {@code pg-backups/<db>/<timestamp>.pgdump}, pruned after the retention, and
 * a restore check that restores the newest dumps into scratch databases and queries them, and
 * {@code pg-restore}, a template that restores a named dump or the newest into the live database
 * (refusing one that holds data unless forced; see pg-restore.sh and the README).
 * Manual run: {@code kubectl create job --from=cronjob/pg-backup pg-backup-manual -n <ns>}.
 */
public final class PostgresBackup extends ComponentResource {
    public static final String PREFIX = "pg-backups/";
    public static final String DEFAULT_SANITY_QUERY =
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')";

    /**
     * @param schedule             cron, UTC (Bow-Mark: {@code 0 8 * * *})
     * @param retentionDays        dumps older than this are deleted by the job (Bow-Mark: 30)
     * @param restoreCheckSchedule cron, UTC; weekly by default
     * @param maxAgeHours          the restore check fails when the newest dump is older
     * @param sanityQuery          must return a number above 0 on each restored database
     */
    public record Args(Postgres database, BackupTarget target, String schedule, int retentionDays,
                       String restoreCheckSchedule, int maxAgeHours, String sanityQuery) {
        public Args {
            CronJobs.requireSchedule("pg-backup", schedule);
            CronJobs.requireSchedule("pg-restore-check", restoreCheckSchedule);
            if (retentionDays < 1 || maxAgeHours < 1) {
                throw new IllegalArgumentException("pg-backup retentionDays and maxAgeHours must be positive, got "
                        + retentionDays + " and " + maxAgeHours);
            }
        }

        /** A system's {@code backup} section as config reads it; without a sanity query, {@link #DEFAULT_SANITY_QUERY}. */
        public static Args of(Postgres database, BackupTarget target, DatabaseBackupSettings backup) {
            return new Args(database, target, backup.schedule(), backup.retentionDays(), backup.restoreCheckSchedule(),
                    backup.maxAgeHours(), backup.sanityQuery().orElse(DEFAULT_SANITY_QUERY));
        }

        public static Args daily(Postgres database, BackupTarget target, String schedule, int retentionDays,
                                 String restoreCheckSchedule, int maxAgeHours) {
            return new Args(database, target, schedule, retentionDays, restoreCheckSchedule, maxAgeHours, DEFAULT_SANITY_QUERY);
        }
    }

    public PostgresBackup(String name, Args args, @Nullable ComponentResourceOptions options) {
        super("platform:backup:PostgresBackup", name, options);
        var postgres = args.database();
        var databases = String.join(" ", postgres.args().databaseNames());
        var pgEnv = new ArrayList<>(postgres.ownerEnv());
        pgEnv.add(Env.plain("DATABASES", databases));
        BackupJobs.install(this, new BackupJobs.Plan(postgres, args.target(), "pg", postgres.args().image(), RunAs.POSTGRES,
                args.schedule(), args.restoreCheckSchedule(), PREFIX, databases, "pgdump", "sql", "days:" + args.retentionDays(),
                args.maxAgeHours(), pgEnv, List.of(Env.plain("SANITY_QUERY", args.sanityQuery())), List.of()));
        registerOutputs(Map.of());
    }
}
