package platform.backup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped mongo-restore.sh (restore into the live database), run in bash with stand-ins for
 * mongosh and mongorestore: no MongoDB server is packaged where the tests run (Debian has none, Maven
 * Central serves none). mongosh answers the counting script for the database it is asked about from
 * {@code BEFORE_<db>} (before a restore) or {@code AFTER_<db>} (once mongorestore ran); mongorestore
 * records its arguments and fails for {@code FAIL_DB}.
 */
class MongoRestoreScriptTest {
    @TempDir
    Path dir;

    record Run(int exit, String output, String calls) {
    }

    @BeforeEach
    void standIns() throws IOException {
        tool("mongosh", """
                eval=""; previous=""
                for arg in "$@"; do [ "$previous" = --eval ] && eval="$arg"; previous="$arg"; done
                db=$(printf '%s' "$eval" | sed -nE 's/^const databases = \\["([^"]+)"\\];.*/\\1/p')
                [ -n "$db" ] || exit 3
                case "$eval" in *countDocuments*) ;; *) exit 4;; esac
                if [ -f "$STATE/restored-$db" ]; then var="AFTER_$db"; else var="BEFORE_$db"; fi
                printf '%b' "${!var:-}"
                """);
        tool("mongorestore", """
                archive=$(printf '%s\\n' "$@" | sed -n 's/^--archive=//p')
                [ -s "$archive" ] || exit 5
                db=$(printf '%s\\n' "$@" | grep -A1 -x -e --db -e --nsInclude | tail -n 1 | sed 's/\\.\\*$//')
                [ "$db" = "${FAIL_DB:-}" ] && exit 2
                touch "$STATE/restored-$db"
                """);
        Files.createDirectories(dir.resolve("restore"));
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/mongo-counts.js"), BackupScripts.load("mongo-counts.js"));
        Files.writeString(dir.resolve("scripts/restore-guard.sh"), BackupScripts.load("restore-guard.sh"));
        Files.writeString(dir.resolve("restore/plan"), """
                mortimer mongo-backups/mortimer/20261124T030000Z.archive.gz 2048
                alfred mongo-backups/alfred/20261124T030000Z.archive.gz 512
                """);
        Files.writeString(dir.resolve("restore/mortimer.archive.gz"), "archive");
        Files.writeString(dir.resolve("restore/alfred.archive.gz"), "archive");
    }

    private void tool(String name, String body) throws IOException {
        var file = dir.resolve("bin").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/bash\necho \"" + name + " $*\" >> " + dir.resolve("calls") + "\n" + body + "\n");
        file.toFile().setExecutable(true);
    }

    private Run run(Map<String, String> env) throws IOException, InterruptedException {
        var file = dir.resolve("mongo-restore.sh");
        Files.writeString(file, BackupScripts.load("mongo-restore.sh"));
        var process = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        var all = new HashMap<String, String>(Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin", "MONGO_HOST", "mongodb",
                "MONGO_PORT", "27017", "MONGO_ROOT_PASSWORD", "root-pw", "MONGO_APP_DATABASE", "mortimer",
                "RESTORE_DIR", dir.resolve("restore").toString(), "SCRIPTS_DIR", dir.resolve("scripts").toString(),
                "STATE", dir.resolve("state").toString(), "AFTER_mortimer", "mortimer.experiments 2\\nmortimer.users 3\\n",
                "AFTER_alfred", "alfred.sessions 7\\n"));
        all.putAll(env);
        process.environment().clear();
        process.environment().putAll(all);
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
        var calls = Files.exists(dir.resolve("calls")) ? Files.readString(dir.resolve("calls")) : "";
        return new Run(started.exitValue(), output, calls);
    }

    @Test
    void emptyDatabasesAreRestoredTheAppOneWithoutTheArchivesUsersAndTheCountsLogged() throws Exception {
        var run = run(Map.of("BEFORE_mortimer", "mortimer.users 0\\n"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("restore: restoring mongo-backups/mortimer/20261124T030000Z.archive.gz (2048 bytes) into mortimer")
                .contains("restore: restored mongo-backups/mortimer/20261124T030000Z.archive.gz into mortimer: 2 collections, 5 documents:")
                .contains("restore:   mortimer.users 3")
                .contains("restore: restored mongo-backups/alfred/20261124T030000Z.archive.gz into alfred: 1 collections, 7 documents:")
                .contains("restore: OK").doesNotContain("root-pw");
        assertThat(run.calls()).contains("--archive=" + dir.resolve("restore/mortimer.archive.gz") + " --nsInclude mortimer.* --drop")
                .contains("--archive=" + dir.resolve("restore/alfred.archive.gz") + " --db alfred --restoreDbUsersAndRoles --drop")
                .doesNotContain("--nsInclude mortimer.* --restoreDbUsersAndRoles");
    }

    @Test
    void aDatabaseHoldingDocumentsIsRefusedAndNothingIsRestored() throws Exception {
        var run = run(Map.of("BEFORE_mortimer", "mortimer.experiments 0\\nmortimer.users 12\\n"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("restore: database mortimer holds documents:").contains("restore:   mortimer.users 12")
                .doesNotContain("mortimer.experiments 0")
                .contains("restore: REFUSED: not replacing the data of mortimer; to replace it, run the job again with FORCE=yes");
        assertThat(run.calls()).doesNotContain("mongorestore");
    }

    @Test
    void withForceTheDataIsReplaced() throws Exception {
        var run = run(Map.of("BEFORE_mortimer", "mortimer.users 12\\n", "BEFORE_alfred", "alfred.sessions 1\\n", "FORCE", "yes"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("restore: database mortimer holds documents:").doesNotContain("REFUSED").contains("restore: OK");
        assertThat(run.calls()).contains("--nsInclude mortimer.* --drop").contains("--db alfred --restoreDbUsersAndRoles --drop");
    }

    @Test
    void aFailedRestoreABadForceAndNoPlanFailTheJob() throws Exception {
        var failed = run(Map.of("FAIL_DB", "alfred"));
        assertThat(failed.exit()).isNotZero();
        assertThat(failed.output()).contains("restore: FAILED to restore mongo-backups/alfred/20261124T030000Z.archive.gz into alfred")
                .doesNotContain("restore: OK");

        var force = run(Map.of("FORCE", "maybe"));
        assertThat(force.exit()).isNotZero();
        assertThat(force.output()).contains("restore: FAILED: FORCE must be yes or no, got 'maybe'");

        Files.writeString(dir.resolve("restore/plan"), "");
        var empty = run(Map.of());
        assertThat(empty.exit()).isNotZero();
        assertThat(empty.output()).contains("restore: FAILED: nothing to restore");
    }
}
