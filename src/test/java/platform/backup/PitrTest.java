package platform.backup;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.config.StackConfig;
import platform.data.Postgres;
import platform.render.ProgramRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * The point-in-time recovery pieces in the render (Project 88's prod stack), their config, and the
 * WAL retention (retention.sh pitr_expired_keys) run in bash: never a base backup or a segment a kept
 * restore point needs.
 */
class PitrTest {
    static final ProgramRun.Result PROD = Stacks.run("prod");
    static final String BASE = "pg-base/db/";
    static final String WAL = "pg-wal/db/";

    @Test
    void projectEightyEightsDatabaseArchivesWalContinuouslyThroughItsSidecar() {
        var db = Stacks.object(PROD, "StatefulSet", "project88", "db");
        var containers = list(db.input("spec.template.spec.containers").orElseThrow());
        var postgres = map(containers.get(0));
        assertThat(postgres.get("args")).isEqualTo(List.of("postgres", "-c", "archive_mode=on",
                "-c", "archive_command=sh /scripts/wal-archive.sh %p %f " + Postgres.WAL_SPOOL,
                "-c", "archive_timeout=60", "-c", "hba_file=/scripts/pg_hba.conf"));
        var sidecar = map(containers.get(1));
        assertThat(sidecar.get("name")).isEqualTo("wal-archive");
        assertThat(sidecar.get("image").toString()).startsWith("amazon/aws-cli:");
        assertThat(list(sidecar.get("env"))).contains(Map.of("name", "PREFIX", "value", "pg-wal/db/"),
                Map.of("name", "SPOOL", "value", Postgres.WAL_SPOOL));
        assertThat(sidecar).containsKeys("readinessProbe", "livenessProbe", "resources");
        assertThat(sidecar.get("volumeMounts").toString()).contains("mountPath=/var/lib/postgresql/data, name=db-data");
        var init = map(Stacks.object(PROD, "ConfigMap", "project88", "db-init").inputs().get("data"));
        assertThat(init.get("pg_hba.conf").toString()).contains("host replication project88_myappuser all scram-sha-256")
                .contains("host all all all scram-sha-256");
        assertThat(init.get("wal-archive.sh").toString()).contains("gzip -c").contains("mv -f");
        // Other systems' databases are unchanged: no archiving where it was not asked for.
        var bowmark = Stacks.container(Stacks.object(PROD, "StatefulSet", "bowmark", "postgres"));
        assertThat(bowmark.get("args")).isEqualTo(List.of("postgres"));
    }

    @Test
    void nightlyBaseBackupsAndAWeeklyReplayCheck() {
        var base = Stacks.object(PROD, "CronJob", "project88", "pg-basebackup");
        assertThat(base.input("spec.schedule")).contains("0 6 * * *");
        var check = Stacks.object(PROD, "CronJob", "project88", "pg-pitr-check");
        assertThat(check.input("spec.schedule")).contains("0 10 * * 1");
        var pod = map(check.input("spec.jobTemplate.spec.template.spec").orElseThrow());
        var steps = new ArrayList<Object>(list(pod.get("initContainers")));
        steps.addAll(list(pod.get("containers")));
        assertThat(steps).extracting(step -> map(step).get("name")).containsExactly("mark", "fetch", "replay");
        assertThat(map(steps.get(2)).get("image").toString()).startsWith("postgres:16.15-alpine");
        var upload = map(list(map(base.input("spec.jobTemplate.spec.template.spec").orElseThrow()).get("containers")).get(0));
        assertThat(list(upload.get("env"))).contains(Map.of("name", "KEEP_DAYS", "value", "7"),
                Map.of("name", "BASE_PREFIX", "value", BASE), Map.of("name", "WAL_PREFIX", "value", WAL));
        for (var job : List.of("pg-basebackup", "pg-pitr-check")) {
            assertThat(Stacks.object(PROD, "NetworkPolicy", "project88", "db-from-" + job).input("spec.ingress").orElseThrow().toString())
                    .contains("app.kubernetes.io/name=" + job).contains("port=5432");
        }
    }

    @Test
    void theBucketsLifecycleNeverExpiresTheArchiveBeforeTheWindow() {
        var bucket = Stacks.only(PROD, platform.providers.digitalocean.SpacesBucket.TYPE, "backups-project88");
        assertThat(bucket.inputs().toString()).contains("prefix=pg-wal/").contains("prefix=pg-base/");
        var tooShort = Stacks.run("prod", "platform:backups.lifecycle[2].expireDays=10");
        assertThat(tooShort.exitCode()).isNotZero();
        assertThat(tooShort.problems().toString()).contains(StackConfig.fullKey("backups.lifecycle[2].expireDays"))
                .contains("at least 15 for pg-wal/");
        var ephemeral = Stacks.run("dev", "platform:project88.backup.pointInTimeRecovery.enabled=true");
        assertThat(ephemeral.problems().toString()).contains("platform:project88.backup.pointInTimeRecovery.enabled")
                .contains("the database's data is ephemeral");
        // The dev stack's throwaway database archives nothing.
        var dev = Stacks.run("dev");
        assertThat(Stacks.where(dev, r -> r.isKubernetesObject() && r.kind().equals("CronJob") && r.metadataName().startsWith("pg-pitr"))).isEmpty();
    }

    private static List<String> expired(String cutoff, List<String> keys) throws Exception {
        var dir = Files.createTempDirectory("pitr-retention");
        var script = Files.writeString(dir.resolve("retention.sh"), BackupScripts.load("retention.sh"));
        var input = Files.writeString(dir.resolve("keys"), String.join("\n", keys) + "\n");
        var process = new ProcessBuilder("bash", "-c", "source '" + script + "' && pitr_expired_keys " + cutoff + " " + BASE + " " + WAL
                + " < '" + input + "'").redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static List<String> base(String stamp, String start, boolean complete) {
        var keys = new ArrayList<>(List.of(BASE + stamp + "/base.tar.gz", BASE + stamp + "/pg_wal.tar.gz", BASE + stamp + "/backup_manifest"));
        if (complete) {
            keys.add(BASE + stamp + "/complete-" + start);
        }
        return keys;
    }

    private static String segment(int timeline, long number) {
        return String.format("%08X%08X%08X", timeline, number / 256, number % 256);
    }

    @Test
    void theWindowKeepsItsBaseBackupsTheNewestBeforeItAndTheWalFromTheOldestOn() throws Exception {
        var keys = new ArrayList<String>();
        keys.addAll(base("20261110T060000Z", segment(1, 0x10), true));  // before the newest before the window: goes
        keys.addAll(base("20261114T060000Z", segment(1, 0x20), true));  // the newest before the window: kept
        keys.addAll(base("20261116T060000Z", segment(1, 0x30), false)); // incomplete, newer than the oldest kept: kept
        keys.addAll(base("20261118T060000Z", segment(1, 0x140), true)); // in the window
        for (long n = 0x0E; n <= 0x150; n += 2) {
            keys.add(WAL + segment(1, n) + ".gz");
        }
        keys.add(WAL + segment(1, 0x12) + ".00000028.backup.gz");
        keys.add(WAL + segment(1, 0x22) + ".00000028.backup.gz");
        keys.add(WAL + "00000002.history.gz");
        keys.add(WAL + segment(2, 0x01) + ".gz"); // an old timeline's file before the oldest kept base backup's: no one needs it

        var expired = expired("20261115T000000Z", keys);

        assertThat(expired).containsAll(base("20261110T060000Z", segment(1, 0x10), true))
                .doesNotContainAnyElementsOf(base("20261114T060000Z", segment(1, 0x20), true))
                .doesNotContainAnyElementsOf(base("20261116T060000Z", "", false))
                .doesNotContainAnyElementsOf(base("20261118T060000Z", segment(1, 0x140), true))
                .contains(WAL + segment(1, 0x0E) + ".gz", WAL + segment(1, 0x1E) + ".gz", WAL + segment(1, 0x12) + ".00000028.backup.gz",
                        WAL + segment(2, 0x01) + ".gz")
                .doesNotContain(WAL + segment(1, 0x20) + ".gz", WAL + segment(1, 0x22) + ".00000028.backup.gz",
                        WAL + segment(1, 0x150) + ".gz", WAL + "00000002.history.gz");
        for (var key : keys) {
            if (key.startsWith(WAL) && key.length() == WAL.length() + 27) {
                var number = Long.parseLong(key.substring(WAL.length() + 8, WAL.length() + 24), 16);
                assertThat(expired.contains(key)).as(key).isEqualTo(number < 0x20);
            }
        }
    }

    @Test
    void withoutACompleteBaseBackupNothingIsPruned() throws Exception {
        var keys = new ArrayList<String>(base("20260101T060000Z", segment(1, 3), false));
        keys.add(WAL + segment(1, 1) + ".gz");
        keys.add(WAL + segment(1, 2) + ".gz");
        assertThat(expired("20261115T000000Z", keys)).isEmpty();
        assertThat(expired("20261115T000000Z", List.of())).isEmpty();
    }

    @Test
    void aWindowWithOnlyRecentBaseBackupsKeepsThemAllAndTheirWal() throws Exception {
        var keys = new ArrayList<String>();
        keys.addAll(base("20261120T060000Z", segment(1, 0x40), true));
        keys.addAll(base("20261121T060000Z", segment(1, 0x50), true));
        keys.add(WAL + segment(1, 0x3F) + ".gz");
        keys.add(WAL + segment(1, 0x40) + ".gz");
        keys.add(WAL + segment(1, 0x51) + ".gz");
        assertThat(expired("20261115T000000Z", keys)).containsExactly(WAL + segment(1, 0x3F) + ".gz");
    }
}
