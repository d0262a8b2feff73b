package platform.real;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import platform.Stacks;
import platform.data.Postgres;
import platform.render.ProgramRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * Project 88's point-in-time recovery as the prod stack renders it, run for real: a PostgreSQL
 * server started with the rendered command line (archive_mode, the rendered archive_command with
 * its script, archive_timeout, the rendered pg_hba.conf), the rendered wal-archive sidecar's loop
 * shipping the spool to an S3 API, the pg-basebackup job (pg_basebackup, upload, retention), then
 * the pg-pitr-check job: a mark on the live server, the newest base backup and the WAL fetched, a
 * scratch server of the production major replaying to the mark's time, the sanity query. The chain
 * archive → restore → replay, end to end, and its failure when a segment is missing.
 */
@RealServers
class PostgresPitrTest {
    static final String NAMESPACE = "project88";
    static final String OWNER = "project88_myappuser";
    static final String DATABASE = "project88_myappdb";
    static final String PASSWORD = UUID.randomUUID().toString();
    static final ProgramRun.Result PROD = Stacks.run("prod");
    /** Directories the server (run as nobody when the tests run as root) can use. */
    static final Path WORK = open(createTempDirectory());
    static final Path SPOOL = open(WORK.resolve("wal-spool"));

    @RegisterExtension
    static final PostgresServer LIVE = PostgresServer.production().withConfig(PostgresPitrTest::renderedServerConfig);
    @RegisterExtension
    static final S3Server S3 = new S3Server();

    static String bucket;
    static Process shipper;
    static int pods;

    /** The rendered server's {@code -c} settings, its /scripts (the db-init ConfigMap) and its spool moved into {@link #WORK}. */
    static Map<String, String> renderedServerConfig() {
        var scripts = open(Render.mount(Render.configMap(PROD, NAMESPACE, "db-init"), WORK.resolve("db-scripts")));
        var args = list(Render.container(PROD, "StatefulSet", NAMESPACE, "db").get("args")).stream().map(Object::toString).toList();
        assertThat(args.get(0)).isEqualTo("postgres");
        var settings = new LinkedHashMap<String, String>();
        for (int i = 1; i < args.size(); i += 2) {
            assertThat(args.get(i)).isEqualTo("-c");
            var setting = args.get(i + 1).replace("/scripts/", scripts + "/").replace(Postgres.WAL_SPOOL, SPOOL.toString());
            settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        assertThat(settings).containsKeys("archive_mode", "archive_command", "archive_timeout", "hba_file");
        return settings;
    }

    @BeforeAll
    static void aLiveDatabaseAndItsSidecarShipping() throws Exception {
        LIVE.execute("postgres", "CREATE ROLE " + OWNER + " SUPERUSER LOGIN REPLICATION PASSWORD '" + PASSWORD + "'",
                "CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        try (var owner = LIVE.connect(OWNER, PASSWORD, DATABASE)) {
            owner.createStatement().execute("CREATE TABLE races (id serial PRIMARY KEY, name text NOT NULL)");
            owner.createStatement().execute("INSERT INTO races (name) VALUES ('spring 5k'), ('summer 10k')");
        }
        bucket = S3.newBucket("pitr-");
        shipper = startSidecar();
    }

    @AfterAll
    static void stopTheSidecar() {
        if (shipper != null) {
            shipper.destroy();
        }
    }

    /** The rendered wal-archive container's command and environment, its loop every second. */
    static Process startSidecar() throws IOException {
        var statefulSet = Stacks.object(PROD, "StatefulSet", NAMESPACE, "db");
        var containers = list(statefulSet.input("spec.template.spec.containers").orElseThrow());
        var sidecar = map(containers.get(1));
        assertThat(sidecar.get("name")).isEqualTo("wal-archive");
        var scripts = Render.mount(Render.configMap(PROD, NAMESPACE, "pg-pitr-scripts"), WORK.resolve("pitr-scripts"));
        var env = S3.jobEnv(bucket).apply(PodEnv.of(PROD, NAMESPACE, sidecar))
                .replace("SPOOL", SPOOL.toString()).replace("INTERVAL", "1").replace("HEARTBEAT", WORK.resolve("alive").toString())
                .add("SCRIPTS_DIR", scripts.toString()).resolve();
        var command = list(sidecar.get("command")).stream().map(Object::toString)
                .map(arg -> arg.replace("/pitr-scripts/", scripts + "/")).toList();
        return new Command(command, env, WORK, Command.DEFAULT_TIMEOUT).start(Command.log("wal-archive"));
    }

    @Test
    void aBaseBackupThenWalReplayedToAFreshMarkInAScratchServer() throws Exception {
        var backup = job("pg-basebackup").run();
        assertThat(backup.succeeded()).as(backup.output()).isTrue();
        assertThat(backup.output()).containsPattern("pg-basebackup: base backup \\d{8}T\\d{6}Z taken .* first WAL segment [0-9A-F]{24}")
                .containsPattern("pg-basebackup: uploaded base backup \\d{8}T\\d{6}Z to s3://" + bucket + "/pg-base/db/")
                .doesNotContain("pruned");
        var keys = S3.keys(bucket);
        assertThat(keys).anyMatch(key -> key.matches("pg-base/db/\\d{8}T\\d{6}Z/base\\.tar\\.gz"))
                .anyMatch(key -> key.matches("pg-base/db/\\d{8}T\\d{6}Z/pg_wal\\.tar\\.gz"))
                .anyMatch(key -> key.matches("pg-base/db/\\d{8}T\\d{6}Z/complete-[0-9A-F]{24}"));

        // Written after the base backup: only the archived WAL carries it to the scratch server.
        LIVE.execute(DATABASE, "INSERT INTO races (name) VALUES ('autumn marathon')");

        var check = job("pg-pitr-check").run();

        assertThat(check.succeeded()).as(check.output()).isTrue();
        assertThat(check.ran()).containsExactly("mark", "fetch", "replay");
        assertThat(check.output()).containsPattern("restore-check: marked \\S+ \\S+ on 127.0.0.1 \\(transactions \\d+ before, \\d+ after\\)")
                .contains("restore-check: fetched base backup")
                .containsPattern("restore-check: replayed WAL to .*: transaction \\d+ is there, \\d+ is not")
                .contains("restore-check: " + DATABASE + " replayed; sanity query returned 1")
                .contains("restore-check: OK");
        assertThat(S3.keys(bucket)).anyMatch(key -> key.matches("pg-wal/db/[0-9A-F]{24}\\.gz"));
        // The spool is emptied as the sidecar ships it.
        awaitEmptySpool();
    }

    @Test
    void aMissingSegmentBreaksTheChainAndTheCheckFails() throws Exception {
        var backup = job("pg-basebackup").run();
        assertThat(backup.succeeded()).as(backup.output()).isTrue();
        LIVE.execute(DATABASE, "INSERT INTO races (name) VALUES ('winter relay')");
        try (var connection = LIVE.superuser("postgres"); var result = connection.createStatement().executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
            result.next();
            var lost = "pg-wal/db/" + result.getString(1) + ".gz";
            var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!S3.keys(bucket).contains(lost) && System.nanoTime() < deadline) {
                Loopback.sleep(200);
            }
            assertThat(S3.keys(bucket)).contains(lost);
            S3.blobs().removeBlob(bucket, lost);
        }

        var check = job("pg-pitr-check").run();

        assertThat(check.succeeded()).isFalse();
        assertThat(check.ran()).containsExactly("mark", "fetch", "replay");
        assertThat(check.last().outcome().output()).contains("restore-check: FAILED: the scratch server did not replay to")
                .contains("recovery ended before configured recovery target was reached");
    }

    static void awaitEmptySpool() throws IOException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(SPOOL)) {
                if (files.noneMatch(file -> !file.getFileName().toString().startsWith("."))) {
                    return;
                }
            }
            Loopback.sleep(200);
        }
        throw new AssertionError("the sidecar left files in the spool");
    }

    /** A rendered PITR job against the live server, the bucket, and (for the replay) this server's own binaries. */
    static JobPod job(String cronJob) throws IOException, SQLException {
        var serverTools = serverToolsAsNobody();
        return new JobPod(PROD, NAMESPACE, cronJob, open(WORK.resolve("pod-" + ++pods)))
                .env("basebackup", LIVE.jobEnv(PASSWORD))
                .env("mark", LIVE.jobEnv(PASSWORD))
                .env("upload", S3.jobEnv(bucket))
                .env("fetch", env -> S3.jobEnv(bucket).apply(env).replace("WAIT_SECONDS", "60"))
                .env("replay", env -> env.add("PATH", serverTools + ":" + LIVE.clientBin() + ":/usr/bin:/bin").add("LANG", "C.UTF-8")
                        .add("REPLAY_TIMEOUT", "120"));
    }

    /**
     * pg_ctl of the live server's build. PostgreSQL refuses to run as root; when the tests do, this
     * harness (not the shipped script) runs the scratch server as nobody, as zonky runs the live one.
     */
    static Path serverToolsAsNobody() throws IOException, SQLException {
        var real = LIVE.serverBin();
        var wrapper = """
                #!/bin/sh
                if [ "$(id -u)" != 0 ]; then exec "%1$s/pg_ctl" "$@"; fi
                previous=""; for argument in "$@"; do
                  case "$previous" in -D) chown -R nobody "$argument";; -l) touch "$argument"; chown nobody "$argument";; esac
                  previous="$argument"
                done
                chmod 1777 "${TMPDIR:-/tmp}"
                exec setpriv --reuid=nobody --regid=nogroup --clear-groups "%1$s/pg_ctl" "$@"
                """.formatted(real);
        return Render.mount(Map.of("pg_ctl", wrapper), WORK.resolve("server-bin"));
    }

    static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("pitr-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Readable and writable by the server's user whoever runs the tests. */
    static Path open(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
