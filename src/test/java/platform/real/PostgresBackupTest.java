package platform.real;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import platform.Stacks;
import platform.render.ProgramRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.real.BowmarkDumps.CONCRETE;
import static platform.real.BowmarkDumps.NAMESPACE;
import static platform.real.BowmarkDumps.OWNER;
import static platform.real.BowmarkDumps.PASSWORD;
import static platform.real.BowmarkDumps.PAVING;
import static platform.real.BowmarkDumps.PREFIX;
import static platform.real.BowmarkDumps.STAMP;
import static platform.real.BowmarkDumps.key;

/**
 * Bow-Mark's backup and restore-check jobs as the prod stack renders them (seed 001: a daily
 * pg_dump of both databases to the bucket, 30 days kept; a weekly restore check), run for real:
 * the shipped scripts with the rendered environments, an S3 API and the AWS CLI. The backup dumps
 * a server of the production major (16); the restore check restores into a server of the client
 * tools' major (17), which holds the same live databases (see {@link PostgresServer}). The happy
 * chain, then every way it must fail loudly without deleting what it should keep.
 */
@RealServers
class PostgresBackupTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = PostgresServer.production();
    @RegisterExtension
    static final PostgresServer RESTORE = PostgresServer.ofTheClientTools();
    @RegisterExtension
    static final S3Server S3 = new S3Server();

    static ProgramRun.Result prod;
    @TempDir
    static Path tmp;
    static int pods;

    @BeforeAll
    static void bowMarksDatabasesWithRows() throws Exception {
        prod = Stacks.run("prod");
        for (var server : List.of(POSTGRES, RESTORE)) {
            server.execute("postgres", "CREATE ROLE " + OWNER + " SUPERUSER LOGIN PASSWORD '" + PASSWORD + "'");
            for (var database : List.of(PAVING, CONCRETE)) {
                server.execute("postgres", "CREATE DATABASE " + database + " OWNER " + OWNER);
                try (var owner = server.connect(OWNER, PASSWORD, database)) {
                    owner.createStatement().execute("CREATE TABLE reports (id serial PRIMARY KEY, job text NOT NULL)");
                    owner.createStatement().execute("INSERT INTO reports (job) VALUES ('paving'), ('curbs'), ('" + database + "')");
                }
            }
        }
    }

    @Test
    void dumpsAreUploadedPrunedAfterThirtyDaysFetchedAndRestored() throws Exception {
        var bucket = bucket();
        var now = Instant.now();
        var expired = List.of(key(PAVING, now.minus(Duration.ofDays(31))), key(CONCRETE, now.minus(Duration.ofDays(40))),
                PREFIX + "_globals/" + STAMP.format(now.minus(Duration.ofDays(31))) + ".sql");
        var kept = List.of(key(PAVING, now.minus(Duration.ofDays(29))), PREFIX + "README",
                "mongo-backups/mortimer/" + STAMP.format(now.minus(Duration.ofDays(400))) + ".archive.gz");
        for (var key : concat(expired, kept)) {
            S3.put(bucket, key, "an earlier object".getBytes(StandardCharsets.UTF_8));
        }

        var backup = backupPod(bucket, POSTGRES.port());
        var run = backup.run();

        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.ran()).containsExactly("dump", "upload");
        assertThat(run.output()).contains("pg-backup: dumps of " + PAVING + " " + CONCRETE + " written at");
        var keys = S3.keys(bucket);
        assertThat(keys).containsAll(kept).doesNotContainAnyElementsOf(expired);
        for (var key : expired) {
            assertThat(run.output()).contains("backup: pruned " + key);
        }
        var uploaded = new ArrayList<>(keys);
        uploaded.removeAll(kept);
        assertThat(uploaded).hasSize(3).allMatch(key -> key.matches("pg-backups/(" + PAVING + "|" + CONCRETE + ")/\\d{8}T\\d{6}Z\\.pgdump")
                || key.matches("pg-backups/_globals/\\d{8}T\\d{6}Z\\.sql"));
        for (var key : uploaded) {
            var local = backup.volumeDir("work").resolve(key.substring(PREFIX.length()));
            assertThat(S3.get(bucket, key)).as(key).isEqualTo(Files.readAllBytes(local));
        }
        assertThat(new String(S3.get(bucket, uploaded.stream().filter(k -> k.contains("_globals")).findFirst().orElseThrow()),
                StandardCharsets.UTF_8)).contains("CREATE ROLE " + OWNER);

        var check = restoreCheckPod(bucket);
        var restored = check.run();

        assertThat(restored.succeeded()).as(restored.output()).isTrue();
        assertThat(restored.ran()).containsExactly("fetch", "restore");
        for (var database : List.of(PAVING, CONCRETE)) {
            var newest = uploaded.stream().filter(key -> key.startsWith(PREFIX + database + "/")).findFirst().orElseThrow();
            assertThat(restored.output()).contains("restore-check: fetched " + newest)
                    .contains("restore-check: " + database + " restored; sanity query returned 1");
        }
        assertThat(restored.output()).contains("restore-check: OK");
        assertThat(scratchDatabases()).isEmpty();
        // What was fetched is the whole database: restored by hand, its rows are there.
        RESTORE.execute("postgres", "CREATE DATABASE verify_paving OWNER " + OWNER);
        var restore = Command.of(Command.merge(RESTORE.clientEnv(), Map.of("PGPASSWORD", PASSWORD)), "pg_restore", "--no-owner",
                "--exit-on-error", "-h", Loopback.HOST, "-U", OWNER, "-d", "verify_paving",
                check.volumeDir("work").resolve(PAVING + ".pgdump").toString()).run();
        assertThat(restore.succeeded()).as(restore.toString()).isTrue();
        assertThat(RESTORE.count("verify_paving", "SELECT count(*) FROM reports WHERE job = '" + PAVING + "'")).isEqualTo(1);
        assertThat(RESTORE.count("verify_paving", "SELECT count(*) FROM reports")).isEqualTo(3);
    }

    @Test
    void anUnreachableDatabaseFailsTheDumpAndNothingIsUploadedOrPruned() throws Exception {
        var bucket = bucket();
        var old = key(PAVING, Instant.now().minus(Duration.ofDays(90)));
        S3.put(bucket, old, "an old dump".getBytes(StandardCharsets.UTF_8));

        var run = backupPod(bucket, Loopback.freePort()).run();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.ran()).containsExactly("dump");
        assertThat(run.last().outcome().output()).contains("pg-backup: FAILED to dump " + PAVING);
        assertThat(S3.keys(bucket)).containsExactly(old);
    }

    @Test
    void aMissingBucketFailsTheUploadAndTheRestoreCheck() {
        var missing = "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8);

        var backup = backupPod(missing, POSTGRES.port()).run();
        assertThat(backup.succeeded()).isFalse();
        assertThat(backup.ran()).containsExactly("dump", "upload");
        assertThat(backup.last().outcome().output()).contains("NoSuchBucket").containsPattern("backup: FAILED to upload \\S+ to s3://" + missing + "/");

        var check = restoreCheckPod(missing).run();
        assertThat(check.succeeded()).isFalse();
        assertThat(check.ran()).containsExactly("fetch");
        assertThat(check.last().outcome().output()).contains("NoSuchBucket")
                .contains("restore-check: FAILED: no dump of " + PAVING + " under s3://" + missing + "/" + PREFIX + PAVING + "/");
    }

    @Test
    void anEmptyBucketFailsTheRestoreCheck() {
        var bucket = bucket();

        var run = restoreCheckPod(bucket).run();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.ran()).containsExactly("fetch");
        assertThat(run.last().outcome().output()).contains("restore-check: FAILED: no dump of " + PAVING + " under s3://" + bucket + "/" + PREFIX + PAVING + "/");
    }

    @Test
    void aDumpOlderThanTheMaximumAgeFailsTheRestoreCheckAndIsKept() throws Exception {
        var maxAge = Integer.parseInt(PodEnv.of(prod, NAMESPACE, Render.jobContainer(prod, NAMESPACE, "pg-restore-check", "fetch"))
                .replace("BUCKET", "-").replace("AWS_ACCESS_KEY_ID", "-").replace("AWS_SECRET_ACCESS_KEY", "-")
                .resolve().get("MAX_AGE_HOURS"));
        var bucket = bucket();
        var stale = Instant.now().minus(Duration.ofHours(maxAge + 1));
        var keys = List.of(key(PAVING, stale), key(CONCRETE, stale), key(PAVING, stale.minus(Duration.ofDays(1))));
        for (var key : keys) {
            S3.put(bucket, key, dump(PAVING));
        }

        var run = restoreCheckPod(bucket).run();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.ran()).containsExactly("fetch");
        assertThat(run.last().outcome().output()).contains("restore-check: FAILED: newest dump of " + PAVING + " is from "
                + STAMP.format(stale) + ", older than " + maxAge + " hours");
        assertThat(S3.keys(bucket)).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aCorruptDumpFailsTheRestoreLeavesNoScratchDatabaseAndTouchesNothingElse() throws Exception {
        var bucket = bucket();
        var now = Instant.now();
        var keys = List.of(key(PAVING, now), key(CONCRETE, now));
        S3.put(bucket, keys.get(0), "PGDMP but not really a dump".getBytes(StandardCharsets.UTF_8));
        S3.put(bucket, keys.get(1), dump(CONCRETE));

        var run = restoreCheckPod(bucket).run();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.ran()).containsExactly("fetch", "restore");
        assertThat(run.last().outcome().output()).contains("restore-check: FAILED to restore the newest dump of " + PAVING);
        assertThat(scratchDatabases()).isEmpty();
        assertThat(S3.keys(bucket)).containsExactlyInAnyOrderElementsOf(keys);
        for (var database : List.of(PAVING, CONCRETE)) {
            assertThat(RESTORE.count(database, "SELECT count(*) FROM reports")).as(database).isEqualTo(3);
        }
    }

    @Test
    void aDumpOfAnEmptyDatabaseFailsTheSanityQuery() throws Exception {
        POSTGRES.execute("postgres", "CREATE DATABASE empty_database OWNER " + OWNER);
        var bucket = bucket();
        var now = Instant.now();
        S3.put(bucket, key(PAVING, now), dump("empty_database"));
        S3.put(bucket, key(CONCRETE, now), dump(CONCRETE));

        var run = restoreCheckPod(bucket).run();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.last().outcome().output()).contains("restore-check: FAILED: sanity query on the restored " + PAVING + " returned '0'");
        assertThat(scratchDatabases()).isEmpty();
    }

    @Test
    void grandfatherRetentionThroughTheUploadKeepsEachDatabasesOwnDumps() throws Exception {
        // The Mongo jobs' mode (gfs), through the same upload.sh with two databases' dumps under one prefix.
        var bucket = bucket();
        var now = Instant.now();
        var seeded = new ArrayList<String>();
        for (var days = 1; days <= 4; days++) {
            for (var database : List.of(PAVING, CONCRETE)) {
                seeded.add(key(database, now.minus(Duration.ofDays(days))));
            }
        }
        seeded.add(key(CONCRETE, now.minus(Duration.ofDays(200))));
        for (var key : seeded) {
            S3.put(bucket, key, "an earlier dump".getBytes(StandardCharsets.UTF_8));
        }

        var backup = new JobPod(prod, NAMESPACE, "pg-backup", tmp.resolve("pod-" + ++pods))
                .env("dump", POSTGRES.jobEnv(PASSWORD))
                .env("upload", env -> S3.jobEnv(bucket).apply(env).replace("RETENTION", "gfs:2:2"));
        var run = backup.run();

        assertThat(run.succeeded()).as(run.output()).isTrue();
        var keys = S3.keys(bucket);
        for (var database : List.of(PAVING, CONCRETE)) {
            var folder = PREFIX + database + "/";
            var uploaded = keys.stream().filter(key -> key.startsWith(folder) && !seeded.contains(key)).toList();
            assertThat(uploaded).as(database).hasSize(1);
            var before = new ArrayList<>(seeded.stream().filter(key -> key.startsWith(folder)).toList());
            before.addAll(uploaded);
            // Each database keeps exactly what the retention keeps of its own dumps alone.
            var expected = new ArrayList<>(before);
            expected.removeAll(gfsExpired(before, 2, 2));
            assertThat(keys.stream().filter(key -> key.startsWith(folder)).toList()).as(database)
                    .containsExactlyInAnyOrderElementsOf(expected)
                    .contains(uploaded.get(0), key(database, now.minus(Duration.ofDays(1))));
        }
        assertThat(run.output()).contains("backup: pruned " + key(PAVING, now.minus(Duration.ofDays(4))))
                .contains("backup: pruned " + key(CONCRETE, now.minus(Duration.ofDays(4))));
    }

    /** The keys the shipped retention.sh would delete of {@code keys}. */
    private static List<String> gfsExpired(List<String> keys, int daily, int months) throws Exception {
        var script = Files.writeString(Files.createTempFile(tmp, "retention", ".sh"), platform.backup.BackupScripts.load("retention.sh"));
        var input = Files.writeString(Files.createTempFile(tmp, "keys", ".txt"), String.join("\n", keys) + "\n");
        var outcome = Command.of(Map.of("PATH", "/usr/bin:/bin"), "bash", "-c",
                "source '" + script + "' && gfs_expired_keys " + daily + " " + months + " < '" + input + "'").run();
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        return outcome.output().lines().filter(line -> !line.isBlank()).toList();
    }

    /** The pg-backup CronJob's pod against the test's server (at {@code port}) and bucket. */
    private static JobPod backupPod(String bucket, int port) {
        return new JobPod(prod, NAMESPACE, "pg-backup", tmp.resolve("pod-" + ++pods))
                .env("dump", POSTGRES.jobEnv(PASSWORD, port))
                .env("upload", S3.jobEnv(bucket));
    }

    private static JobPod restoreCheckPod(String bucket) {
        return new JobPod(prod, NAMESPACE, "pg-restore-check", tmp.resolve("pod-" + ++pods))
                .env("fetch", S3.jobEnv(bucket))
                .env("restore", RESTORE.jobEnv(PASSWORD));
    }

    private static String bucket() {
        return S3.newBucket("backups-");
    }

    /** A real custom-format dump of {@code database}, made by the test. */
    private static byte[] dump(String database) throws Exception {
        return BowmarkDumps.dump(POSTGRES, database, tmp);
    }

    private static List<String> scratchDatabases() throws SQLException {
        return RESTORE.query("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'restore_check%'");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
