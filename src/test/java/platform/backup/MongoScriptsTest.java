package platform.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real MongoDB dump and restore-check scripts in bash, with stand-ins for mongodump,
 * mongorestore and mongosh that record their arguments, and the jobs' /backup and /restore
 * directories moved into a temporary directory ({@code BACKUP_DIR}, {@code RESTORE_DIR}).
 */
class MongoScriptsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String output, String calls) {
    }

    /** A stand-in tool: records its arguments, then runs {@code body}. */
    private void tool(String name, String body) throws IOException {
        var file = dir.resolve("bin").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/bash\necho \"" + name + " $*\" >> " + dir.resolve("calls") + "\n" + body + "\n");
        file.toFile().setExecutable(true);
    }

    private Run run(String script, Map<String, String> env) throws IOException, InterruptedException {
        var file = dir.resolve(script);
        Files.writeString(file, BackupScripts.load(script));
        var process = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        process.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        process.environment().putAll(Map.of("MONGO_HOST", "mongodb", "MONGO_PORT", "27017", "MONGO_ROOT_PASSWORD", "root-pw",
                "BACKUP_DIR", dir.resolve("backup").toString(), "RESTORE_DIR", dir.resolve("restore").toString()));
        process.environment().putAll(env);
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
        var calls = Files.exists(dir.resolve("calls")) ? Files.readString(dir.resolve("calls")) : "";
        return new Run(started.exitValue(), output, calls);
    }

    /** mongodump writes the archive it is given, failing for the database named in FAIL_DB. */
    private void mongodump() throws IOException {
        tool("mongodump", """
                for arg in "$@"; do case "$arg" in --archive=*) archive="${arg#--archive=}";; esac; done
                db=$(printf '%s\\n' "$@" | grep -A1 -x -- --db | tail -n 1)
                [ "$db" = "${FAIL_DB:-}" ] && exit 2
                echo dump > "$archive"
                """);
    }

    @Test
    void everyDatabaseIsDumpedWithItsUsersAndRolesIntoItsOwnDirectory() throws Exception {
        mongodump();
        var run = run("mongo-dump.sh", Map.of("MONGO_DATABASES", "mortimer alfred"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.calls()).contains("--db mortimer --dumpDbUsersAndRoles --gzip --archive=")
                .contains("--db alfred --dumpDbUsersAndRoles --gzip --archive=").contains("--authenticationDatabase admin");
        for (var db : new String[]{"mortimer", "alfred"}) {
            try (var files = Files.list(dir.resolve("backup").resolve(db))) {
                assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().matches("\\d{8}T\\d{6}Z\\.archive\\.gz");
            }
        }
        assertThat(run.output()).contains("mongo-backup: dumps of mortimer alfred written at").doesNotContain("root-pw");
    }

    @Test
    void aFailedDumpFailsTheJobNamingTheDatabase() throws Exception {
        mongodump();
        var run = run("mongo-dump.sh", Map.of("MONGO_DATABASES", "mortimer alfred", "FAIL_DB", "alfred"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("mongo-backup: FAILED to dump alfred");
    }

    /** mongosh answers a collection count from COUNT_<scratch database>; mongorestore succeeds. */
    private void restoreTools() throws IOException {
        tool("mongorestore", "exit 0");
        tool("mongosh", """
                eval=$(printf '%s\\n' "$@" | grep -A1 -x -- --eval | tail -n 1)
                case "$eval" in
                  *getCollectionNames*) db=$(printf '%s' "$eval" | sed -E 's/.*getSiblingDB\\("([^"]+)"\\).*/\\1/'); var="COUNT_$db"; echo "${!var:-0}";;
                esac
                """);
    }

    @Test
    void theRestoreCheckRestoresEachDatabaseIntoAScratchOneWithoutItsUsersAndDropsIt() throws Exception {
        restoreTools();
        var run = run("mongo-restore-check.sh", Map.of("MONGO_DATABASES", "mortimer alfred", "MONGO_APP_DATABASE", "mortimer",
                "COUNT_restore_check_mortimer", "4", "COUNT_restore_check_alfred", "0"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("restore-check: mortimer restored with 4 collections")
                .contains("restore-check: alfred restored with 0 collections").contains("restore-check: OK");
        assertThat(run.calls()).contains("--archive=" + dir + "/restore/mortimer.archive.gz --nsFrom mortimer.* --nsTo restore_check_mortimer.* --drop")
                .contains("--nsFrom alfred.* --nsTo restore_check_alfred.*")
                .contains("db.getSiblingDB(\"restore_check_mortimer\").dropDatabase()")
                .contains("db.getSiblingDB(\"restore_check_alfred\").dropDatabase()")
                .doesNotContain("--restoreDbUsersAndRoles");
    }

    @Test
    void anAppDatabaseWithoutCollectionsFailsTheRestoreCheck() throws Exception {
        restoreTools();
        var run = run("mongo-restore-check.sh", Map.of("MONGO_DATABASES", "mortimer alfred", "MONGO_APP_DATABASE", "mortimer",
                "COUNT_restore_check_mortimer", "0"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("restore-check: FAILED: the restored mortimer has '0' collections");
        assertThat(run.calls()).contains("db.getSiblingDB(\"restore_check_mortimer\").dropDatabase()");
    }

    @Test
    void aCountThatIsNoNumberFailsTheRestoreCheck() throws Exception {
        restoreTools();
        var run = run("mongo-restore-check.sh", Map.of("MONGO_DATABASES", "alfred", "MONGO_APP_DATABASE", "mortimer",
                "COUNT_restore_check_alfred", "MongoServerError"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("restore-check: FAILED: the restored alfred has 'MongoServerError' collections");
    }
}
