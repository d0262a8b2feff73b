package platform.backup;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.k8s.CronJobs;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * Restore into the live database, per datastore kind: every datastore with backups has a Job
 * template (a suspended CronJob that never fires) whose fetch step downloads the dump named by
 * DUMP or the newest, and whose restore step refuses data unless FORCE=yes; the datastore admits it.
 */
class RestoreTemplatesTest {
    static final ProgramRun.Result PROD = Stacks.run("prod");

    /** Every datastore of the prod stack that has backups: namespace, job, datastore, restore script, databases. */
    record Store(String namespace, String job, String datastore, String script, String databases) {
    }

    static final List<Store> STORES = List.of(
            new Store("bowmark", "pg-restore", "postgres", "pg-restore.sh", "bowmark_reports_paving bowmark_reports_concrete"),
            new Store("srq-hpn", "pg-restore", "postgres", "pg-restore.sh", "srq_hpn"),
            new Store("project88", "pg-restore", "db", "pg-restore.sh", "project88_myappdb"),
            new Store("mortimer", "mongo-restore", "mongodb", "mongo-restore.sh", "mortimer alfred"));

    static Map<String, Object> container(RegisteredResource cronJob, String list) {
        return map(list(map(cronJob.input("spec.jobTemplate.spec.template.spec").orElseThrow()).get(list)).get(0));
    }

    @Test
    void everyBackedUpDatastoreHasARestoreTemplateThatNeverRunsByItself() {
        for (var store : STORES) {
            var template = Stacks.object(PROD, "CronJob", store.namespace(), store.job());
            assertThat(template.input("spec.suspend")).as(store.toString()).contains(true);
            assertThat(template.input("spec.schedule")).contains(CronJobs.NEVER);
            assertThat(template.input("spec.jobTemplate.spec.backoffLimit")).contains(0L);

            var fetch = container(template, "initContainers");
            var restore = container(template, "containers");
            assertThat(fetch.get("command")).isEqualTo(List.of("bash", "/scripts/fetch-dump.sh"));
            assertThat(restore.get("command")).isEqualTo(List.of("bash", "/scripts/" + store.script()));
            for (var step : List.of(fetch, restore)) {
                // The parameters with their safe values, so `kubectl set env` replaces them (README).
                assertThat(list(step.get("env"))).contains(Map.of("name", "DUMP", "value", "newest"), Map.of("name", "FORCE", "value", "no"));
            }
            assertThat(list(fetch.get("env"))).contains(Map.of("name", "NAMES", "value", store.databases()));
            assertThat(fetch.get("env").toString()).contains("name=BUCKET, valueFrom={secretKeyRef={key=name, name=backup-bucket}}");

            var admitted = Stacks.object(PROD, "NetworkPolicy", store.namespace(), store.datastore() + "-from-" + store.job());
            assertThat(admitted.input("spec.ingress").orElseThrow().toString()).contains("app.kubernetes.io/name=" + store.job());
            var scripts = Stacks.object(PROD, "ConfigMap", store.namespace(), store.job().replace("-restore", "-backup-scripts"));
            assertThat(map(scripts.inputs().get("data"))).containsKeys("fetch-dump.sh", "restore-guard.sh", store.script());
        }
    }

    @Test
    void mortimersArchivesAreFetchedWithTheirEncryptionKey() {
        var fetch = container(Stacks.object(PROD, "CronJob", "mortimer", "mongo-restore"), "initContainers");
        assertThat(fetch.get("env").toString()).contains("name=ENCRYPTION_KEY, valueFrom={secretKeyRef={key=key, name=mongodb-backup-key}}")
                .contains("name=EXTENSION, value=archive.gz");
    }

    @Test
    void theRestoreScriptsRefuseDataReplaceInOneGoAndLogWhatTheyRestored() {
        // The refusal is shared (restore-guard.sh); each kind's script calls it before restoring anything.
        assertThat(BackupScripts.load("restore-guard.sh")).contains("restore: REFUSED").contains("FORCE=yes");
        assertThat(BackupScripts.load("pg-restore.sh")).contains("pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction")
                .contains("source \"${SCRIPTS_DIR:-/scripts}/restore-guard.sh\"").contains("refuse_data rows");
        assertThat(BackupScripts.load("mongo-restore.sh")).contains("--drop").contains("--restoreDbUsersAndRoles")
                .contains("source \"${SCRIPTS_DIR:-/scripts}/restore-guard.sh\"").contains("refuse_data documents");
    }
}
