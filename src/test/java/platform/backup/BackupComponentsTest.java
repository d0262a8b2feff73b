package platform.backup;

import platform.Versions;
import platform.k8s.ContainerImage;
import platform.secrets.CredentialSource;
import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.data.MongoDb;
import platform.data.MongoDbArgs;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.k8s.AppNamespace;
import platform.providers.digitalocean.SpacesBucket;
import platform.providers.digitalocean.SpacesKey;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

class BackupComponentsTest {

    /** Any Postgres and any MongoDb get their backups and restore checks in one call each. */
    private static ProgramRun.Result attached() {
        return ProgramRun.run(ctx -> {
            var namespace = new AppNamespace("mortimer", "mortimer", false, null).ref();
            var target = new BackupTarget(BackupTarget.SECRET, "", ContainerImage.of(Versions.AWS_CLI));
            var postgres = new Postgres("postgres", PostgresArgs.builder(namespace, "mortimer").image(ContainerImage.of(Versions.POSTGRES))
                    .owner("srq_hpn").database("srq_hpn", "database").build(), null);
            var mongo = new MongoDb("mongodb", MongoDbArgs.of(namespace, "mortimer", ContainerImage.of(Versions.MONGO), "alfred", "mortimer",
                    "10Gi", Optional.of(platform.config.ClusterSettings.DIGITALOCEAN_RETAIN_CLASS), CredentialSource.generated(), CredentialSource.generated(), false), null);
            new PostgresBackup("pg-backup", PostgresBackup.Args.daily(postgres, target, "30 2 * * *", 14, "0 4 * * 0", 26), null);
            new MongoBackup("mongo-backup", new MongoBackup.Args(mongo, target, "0 3 * * *", "0 5 * * 0", 26, CredentialSource.generated()), null);
        }, "test", Map.of(), Set.of());
    }

    private static Map<String, Object> pod(RegisteredResource cronJob) {
        return map(cronJob.input("spec.jobTemplate.spec.template.spec").orElseThrow());
    }

    private static Map<String, Object> step(RegisteredResource cronJob, String list) {
        return map(list(pod(cronJob).get(list)).get(0));
    }

    @Test
    void prodHasAVersionedBucketPerSystemWithALifecycleBackstopAndAKeyScopedToIt() {
        var prod = Stacks.run("prod");
        var bucket = Stacks.only(prod, SpacesBucket.TYPE, "backups-bowmark");
        var key = Stacks.only(prod, SpacesKey.TYPE, "backups-bowmark-key");

        assertThat(bucket.inputs()).containsEntry("name", "platform-prod-backups-bowmark").containsEntry("region", "tor1")
                .containsEntry("acl", "private").containsEntry("forceDestroy", false);
        assertThat(bucket.input("versioning.enabled")).contains(true);
        var rules = list(bucket.inputs().get("lifecycleRules")).stream().map(Stacks::map).toList();
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule).containsEntry("prefix", "pg-backups/").containsEntry("enabled", true);
            assertThat(map(rule.get("expiration"))).containsEntry("days", 35L);
        });
        assertThat(list(key.inputs().get("grants"))).containsExactly(Map.of("bucket", "platform-prod-backups-bowmark", "permission", "readwrite"));
        assertThat(bucket.options().protect()).isTrue();
        assertThat(key.options().protect()).isTrue();
        assertThat(Stacks.only(Stacks.run("dev"), SpacesBucket.TYPE, "backups-bowmark").options().protect()).isFalse();
    }

    @Test
    void postgresBackupDumpsEveryDatabaseThenUploadsAndPrunes() {
        var result = attached();
        var backup = Stacks.object(result, "CronJob", "mortimer", "pg-backup");
        var dump = step(backup, "initContainers");
        var upload = step(backup, "containers");

        assertThat(backup.input("spec.schedule")).contains("30 2 * * *");
        assertThat(backup.input("spec.concurrencyPolicy")).contains("Forbid");
        assertThat(dump.get("image")).isEqualTo(platform.Versions.POSTGRES);
        assertThat(dump.get("command")).isEqualTo(List.of("bash", "/scripts/pg-dump.sh"));
        assertThat(dump.get("env").toString()).contains("name=DATABASES, value=srq_hpn").contains("key=password");
        assertThat(upload.get("command")).isEqualTo(List.of("bash", "/scripts/upload.sh"));
        assertThat(upload.get("env").toString()).contains("name=RETENTION, value=days:14").contains("name=PREFIX, value=pg-backups/")
                .contains("name=AWS_SECRET_ACCESS_KEY, valueFrom={secretKeyRef={key=secret, name=backup-bucket}}");
        var scripts = map(Stacks.object(result, "ConfigMap", "mortimer", "pg-backup-scripts").inputs().get("data"));
        assertThat(scripts.get("pg-dump.sh").toString()).contains("pg_dump -Fc").contains("pg_dumpall --globals-only");
        assertThat(Stacks.object(result, "NetworkPolicy", "mortimer", "postgres-from-pg-backup")).isNotNull();
    }

    @Test
    void mongoBackupIsEncryptedAtRestAndKeepsSevenNightlyAndTwelveMonthly() {
        var result = attached();
        var backup = Stacks.object(result, "CronJob", "mortimer", "mongo-backup");
        var upload = step(backup, "containers");

        assertThat(backup.input("spec.schedule")).contains("0 3 * * *");
        assertThat(upload.get("env").toString()).contains("name=RETENTION, value=gfs:7:12")
                .contains("name=ENCRYPTION_KEY, valueFrom={secretKeyRef={key=key, name=mongodb-backup-key}}");
        assertThat(BackupScripts.load("s3.sh")).contains("--sse-c AES256 --sse-c-key \"$ENCRYPTION_KEY\"");
        assertThat(BackupScripts.load("upload.sh")).contains("source \"${SCRIPTS_DIR:-/scripts}/s3.sh\"").contains("\"${sse[@]}\"");
        assertThat(BackupScripts.load("mongo-dump.sh")).contains("--gzip --archive=");
        var key = result.ofType("random:index/randomPassword:RandomPassword").stream()
                .filter(password -> password.name().equals("mongo-backup-encryption-key")).findFirst().orElseThrow();
        assertThat(key.inputs()).containsEntry("length", 32L).containsEntry("special", false);
    }

    @Test
    void eachBackedUpDatastoreHasARestoreCheck() {
        var result = attached();
        var pgCheck = Stacks.object(result, "CronJob", "mortimer", "pg-restore-check");
        var mongoCheck = Stacks.object(result, "CronJob", "mortimer", "mongo-restore-check");

        assertThat(pgCheck.input("spec.schedule")).contains("0 4 * * 0");
        assertThat(step(pgCheck, "initContainers").get("env").toString()).contains("name=MAX_AGE_HOURS, value=26");
        assertThat(step(pgCheck, "containers").get("env").toString()).contains("information_schema.tables");
        assertThat(BackupScripts.load("pg-restore-check.sh")).contains("createdb").contains("pg_restore").contains("dropdb");
        assertThat(step(mongoCheck, "containers").get("command")).isEqualTo(List.of("bash", "/scripts/mongo-restore-check.sh"));
        assertThat(BackupScripts.load("mongo-restore-check.sh")).contains("--nsTo").contains("dropDatabase");
        assertThat(BackupScripts.load("fetch-newest.sh")).contains("older than $MAX_AGE_HOURS hours").contains("no dump of");
    }

    @Test
    void aMongoDbWhoseAppUserHasRolesOnASecondDatabaseGetsBothDumpedAndChecked() {
        var result = ProgramRun.run(ctx -> {
            var namespace = new AppNamespace("lab", "lab", false, null).ref();
            var target = new BackupTarget(BackupTarget.SECRET, "", ContainerImage.of(Versions.AWS_CLI));
            var mongo = new MongoDb("mongodb", MongoDbArgs.of(namespace, "lab", ContainerImage.of(Versions.MONGO), "mortimer", "mortimer_app",
                    "10Gi", Optional.empty(), CredentialSource.generated(), CredentialSource.generated(), false)
                    .withExtraRoles(List.of(new MongoDbArgs.Role("read", "alfred"))), null);
            new MongoBackup("mongo-backup", new MongoBackup.Args(mongo, target, "0 3 * * *", "0 5 * * 0", 26, CredentialSource.generated()), null);
        }, "test", Map.of(), Set.of());
        var dump = step(Stacks.object(result, "CronJob", "lab", "mongo-backup"), "initContainers");
        var check = Stacks.object(result, "CronJob", "lab", "mongo-restore-check");

        assertThat(dump.get("env").toString()).contains("name=MONGO_DATABASES, value=mortimer alfred")
                .contains("name=MONGO_APP_DATABASE, value=mortimer");
        assertThat(step(check, "initContainers").get("env").toString()).contains("name=NAMES, value=mortimer alfred");
        assertThat(step(check, "containers").get("env").toString()).contains("name=MONGO_DATABASES, value=mortimer alfred");
        assertThat(BackupScripts.load("mongo-dump.sh")).contains("--dumpDbUsersAndRoles");
    }

    @Test
    void backupJobsMeetTheBaseline() {
        assertThat(Baseline.violations(attached().resources(), false)).isEmpty();
    }
}
