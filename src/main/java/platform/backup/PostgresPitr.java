package platform.backup;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import platform.config.PitrSettings;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.data.WalArchiving;
import platform.k8s.ComputeResources;
import platform.k8s.CronJobs;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.Volumes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Point-in-time recovery for a {@link Postgres}, attached in one call:
 * {@code PostgresArgs.builder(...).walArchiving(PostgresPitr.to(target, settings))}.
 *
 * <p>Why {@code archive_command} and not {@code pg_receivewal}: the server itself keeps every segment
 * until the command has it safe, so the chain cannot have a gap, and {@code archive_timeout} bounds
 * how old the newest reachable point is, with nothing else to run against the server. Streaming
 * would need a replication slot, which fills the server's disk when the receiver stops (or, capped,
 * loses segments), and would leave the current segment out of the bucket until it is full.
 *
 * <ul>
 *   <li>the server compresses each finished segment into {@link Postgres#WAL_SPOOL} on its data volume
 *       (so a copy is as durable as the data until shipped); the {@code wal-archive} sidecar (AWS CLI
 *       image) uploads the spool in order to {@code pg-wal/<server>/<segment>.gz} and removes each
 *       file once uploaded;</li>
 *   <li>{@code pg-basebackup} takes a base backup ({@code pg_basebackup -Ft -z -X stream}) to
 *       {@code pg-base/<server>/<timestamp>/}, the object {@code complete-<first segment>} uploaded last,
 *       then prunes what no kept restore point needs (retention.sh {@code pitr_expired_keys});</li>
 *   <li>{@code pg-pitr-check} proves the chain: it commits a mark on the live server and has the
 *       segment holding it archived, restores the newest base backup in a scratch server, replays WAL
 *       to the mark's time, checks that replay stopped at the mark, and runs the sanity query.</li>
 * </ul>
 */
public final class PostgresPitr extends ComponentResource {
    static final String BASE_JOB = "pg-basebackup";
    static final String CHECK_JOB = "pg-pitr-check";
    static final String SIDECAR = "wal-archive";
    static final String SCRIPTS = "pg-pitr-scripts";
    /** How often the sidecar looks at the spool. */
    static final int SHIP_INTERVAL_SECONDS = 10;
    /** The sidecar touches this after every pass; liveness fails when it is stale. */
    static final String HEARTBEAT = "/tmp/wal-archive.alive";
    static final List<String> OWN_SCRIPTS = List.of("wal-ship.sh", "pg-basebackup.sh", "pitr-upload.sh", "pitr-mark.sh",
            "pitr-fetch.sh", "pitr-replay.sh");
    /** Of the backups' shared scripts, the ones the archive's scripts source: keys and their ages, the AWS CLI. */
    static final List<String> SHARED_SCRIPTS = List.of("retention.sh", "s3.sh");

    /**
     * The archive of one server: where it goes, and config.
     *
     * @param sanityQuery must return a number above 0 on each database of the replayed server
     */
    public record Plan(BackupTarget target, PitrSettings settings, String sanityQuery) implements WalArchiving {
        public Plan {
            Objects.requireNonNull(target, "target");
            CronJobs.requireSchedule(BASE_JOB, settings.baseBackupSchedule());
            CronJobs.requireSchedule(CHECK_JOB, settings.checkSchedule());
        }

        @Override
        public int archiveTimeoutSeconds() {
            return settings.archiveTimeoutSeconds();
        }

        @Override
        public Sidecar sidecar(PostgresArgs postgres) {
            var env = new ArrayList<>(target.s3Env());
            env.add(Env.plain("PREFIX", walPrefix(target, postgres.name())));
            env.add(Env.plain("SPOOL", Postgres.WAL_SPOOL));
            env.add(Env.plain("INTERVAL", Integer.toString(SHIP_INTERVAL_SECONDS)));
            env.add(Env.plain("HEARTBEAT", HEARTBEAT));
            // Not ready only if the loop is not running: a failing upload must never take the database out of its Service.
            var alive = "test -n \"$(find " + HEARTBEAT + " -mmin -5 2>/dev/null)\"";
            var container = ContainerArgs.builder()
                    .name(SIDECAR)
                    .image(target.awsCli().reference())
                    .command("bash", "/pitr-scripts/wal-ship.sh")
                    .env(env)
                    .resources(ComputeResources.SMALL.toArgs())
                    .securityContext(Hardening.container(RunAs.POSTGRES))
                    .readinessProbe(Probes.exec(List.of("test", "-d", Postgres.WAL_SPOOL), Probes.Timing.READINESS))
                    .livenessProbe(Probes.shell(alive, new Probes.Timing(60, 10, 3, 120)))
                    .volumeMounts(Volumes.mount(postgres.volume().name(), PostgresArgs.DATA_PATH), Volumes.mount("archive-tmp", "/tmp"),
                            Volumes.readOnly("pitr-scripts", "/pitr-scripts"))
                    .build();
            return new Sidecar(container, List.of(Volumes.scratch("archive-tmp"), Volumes.configMap("pitr-scripts", SCRIPTS, 0555)));
        }

        @Override
        public void attach(Postgres postgres) {
            new PostgresPitr(postgres.pulumiResourceName() + "-pitr", postgres, this,
                    ComponentResourceOptions.builder().parent(postgres).build());
        }
    }

    /** WAL archiving, base backups and the replay check of one server, to {@code target}. */
    public static Plan to(BackupTarget target, PitrSettings settings) {
        return new Plan(target, settings, PostgresBackup.DEFAULT_SANITY_QUERY);
    }

    static String walPrefix(BackupTarget target, String server) {
        return target.prefix(PitrSettings.WAL_PREFIX) + server + "/";
    }

    static String basePrefix(BackupTarget target, String server) {
        return target.prefix(PitrSettings.BASE_PREFIX) + server + "/";
    }

    private PostgresPitr(String name, Postgres postgres, Plan plan, ComponentResourceOptions options) {
        super("platform:backup:PostgresPitr", name, options);
        var target = plan.target();
        var settings = plan.settings();
        var server = postgres.args().name();
        var namespace = postgres.namespace();
        var baseLabels = BackupJobs.labels(postgres, BASE_JOB);
        var checkLabels = BackupJobs.labels(postgres, CHECK_JOB);
        BackupJobs.scripts(this, SCRIPTS, namespace, baseLabels, SHARED_SCRIPTS, OWN_SCRIPTS);

        var pgEnv = postgres.ownerEnv();
        var prefixes = List.of(
                Env.plain("BASE_PREFIX", basePrefix(target, server)),
                Env.plain("WAL_PREFIX", walPrefix(target, server)));
        var uploadEnv = new ArrayList<EnvVarArgs>(target.s3Env());
        uploadEnv.addAll(prefixes);
        uploadEnv.add(Env.plain("KEEP_DAYS", Integer.toString(settings.keepDays())));
        var fetchEnv = new ArrayList<EnvVarArgs>(target.s3Env());
        fetchEnv.addAll(prefixes);
        fetchEnv.add(Env.plain("MAX_AGE_HOURS", Integer.toString(settings.maxAgeHours())));
        // The mark's segment is finished at once (pg_switch_wal); the sidecar ships within seconds.
        fetchEnv.add(Env.plain("WAIT_SECONDS", "600"));
        var replayEnv = new ArrayList<EnvVarArgs>();
        replayEnv.add(Env.fromSecret("PGUSER", postgres.ref("user")));
        replayEnv.add(Env.plain("DATABASES", String.join(" ", postgres.args().databaseNames())));
        replayEnv.add(Env.plain("SANITY_QUERY", plan.sanityQuery()));

        CronJobs.create(this, BASE_JOB, namespace, baseLabels, settings.baseBackupSchedule(), BackupJobs.pod(postgres, SCRIPTS, BackupJobs.WORK_DIR_BACKUP, List.of(
                new BackupJobs.Step("basebackup", postgres.args().image(), "pg-basebackup.sh", pgEnv, RunAs.POSTGRES),
                new BackupJobs.Step("upload", target.awsCli(), "pitr-upload.sh", uploadEnv, RunAs.TOOL))), 1);
        CronJobs.create(this, CHECK_JOB, namespace, checkLabels, settings.checkSchedule(), BackupJobs.pod(postgres, SCRIPTS, BackupJobs.WORK_DIR_RESTORE, List.of(
                new BackupJobs.Step("mark", postgres.args().image(), "pitr-mark.sh", pgEnv, RunAs.POSTGRES),
                new BackupJobs.Step("fetch", target.awsCli(), "pitr-fetch.sh", fetchEnv, RunAs.TOOL),
                new BackupJobs.Step("replay", postgres.args().image(), "pitr-replay.sh", replayEnv, RunAs.POSTGRES))), 1);
        postgres.allowFrom(BASE_JOB, baseLabels.selector());
        postgres.allowFrom(CHECK_JOB, checkLabels.selector());
        registerOutputs(Map.of());
    }
}
