package platform.real;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import platform.Stacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cut-over's count helpers, scripts/count-rows.sh and scripts/compare-counts.sh, run for real:
 * PostgreSQL's side against a real server (an "old" and a "new" copy of a database), MongoDB's with
 * a stand-in mongosh (no MongoDB server is packaged where the tests run) that checks what it is asked.
 */
@RealServers
class CountScriptsTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = PostgresServer.production();
    @TempDir
    static Path tmp;

    static final Path SCRIPTS = Stacks.projectRoot().resolve("scripts");

    @BeforeAll
    static void anOldAndANewCopy() throws Exception {
        for (var database : new String[]{"old_copy", "new_copy"}) {
            POSTGRES.execute("postgres", "CREATE DATABASE " + database);
            POSTGRES.execute(database, "CREATE TABLE events (id serial PRIMARY KEY, title text)",
                    "CREATE SCHEMA ingest", "CREATE TABLE ingest.\"Raw Feed\" (line text)",
                    "INSERT INTO events (title) SELECT 'event ' || n FROM generate_series(1, 25) n",
                    "INSERT INTO ingest.\"Raw Feed\" VALUES ('a'), ('b')");
        }
    }

    static Command.Outcome counts(String database) {
        return Command.of(POSTGRES.clientEnv(), "bash", SCRIPTS.resolve("count-rows.sh").toString(), "postgres", "--",
                "psql", "-X", "-h", Loopback.HOST, "-U", PostgresServer.SUPERUSER, "-d", database).run();
    }

    static Command.Outcome compare(String old, String now) throws Exception {
        var oldFile = Files.writeString(tmp.resolve("old.txt"), old);
        var newFile = Files.writeString(tmp.resolve("new.txt"), now);
        return Command.of(Map.of("PATH", "/usr/bin:/bin"), "bash", SCRIPTS.resolve("compare-counts.sh").toString(),
                oldFile.toString(), newFile.toString()).run();
    }

    @Test
    void bothSidesPrintTheSameCountsAndTheComparisonPasses() throws Exception {
        var old = counts("old_copy");
        var now = counts("new_copy");
        assertThat(old.succeeded()).as(old.toString()).isTrue();
        assertThat(old.output()).isEqualTo("ingest.Raw Feed 2\npublic.events 25\n");
        var comparison = compare(old.output(), now.output());
        assertThat(comparison.succeeded()).as(comparison.toString()).isTrue();
        assertThat(comparison.output()).containsPattern("public\\.events\\s+25\\s+25\\s+same")
                .containsPattern("ingest\\.Raw Feed\\s+2\\s+2\\s+same")
                .contains("compare-counts: 2 tables or collections, the same on both sides");
    }

    @Test
    void aMissingRowOrTableFailsTheComparison() throws Exception {
        POSTGRES.execute("new_copy", "DELETE FROM events WHERE id = 7", "CREATE TABLE only_new (x int)", "DELETE FROM ingest.\"Raw Feed\" WHERE line = 'a'");
        try {
            var comparison = compare(counts("old_copy").output(), counts("new_copy").output());
            assertThat(comparison.succeeded()).isFalse();
            assertThat(comparison.output()).containsPattern("public\\.events\\s+25\\s+24\\s+DIFFERENT")
                    .containsPattern("public\\.only_new\\s+missing\\s+0\\s+DIFFERENT")
                    .containsPattern("ingest\\.Raw Feed\\s+2\\s+1\\s+DIFFERENT")
                    .contains("compare-counts: the two sides DIFFER");
        } finally {
            POSTGRES.execute("new_copy", "INSERT INTO events (id, title) VALUES (7, 'event 7')", "DROP TABLE only_new",
                    "INSERT INTO ingest.\"Raw Feed\" VALUES ('a')");
        }
    }

    @Test
    void mongoCountsAskForEveryDatabaseNamed() throws Exception {
        var bin = Files.createDirectories(tmp.resolve("bin"));
        var mongosh = Files.writeString(bin.resolve("mongosh"), """
                #!/bin/bash
                previous=""; for arg in "$@"; do [ "$previous" = --eval ] && eval="$arg"; previous="$arg"; done
                case "$eval" in 'const databases = ["mortimer","alfred"];'*countDocuments*) ;; *) echo "unexpected: $eval" >&2; exit 3;; esac
                printf 'mortimer.users 3\\nalfred.sessions 7\\n\\n'
                """);
        mongosh.toFile().setExecutable(true);
        var outcome = Command.of(Map.of("PATH", bin + ":/usr/bin:/bin"), "bash", SCRIPTS.resolve("count-rows.sh").toString(),
                "mongo", "mortimer", "alfred", "--", "mongosh", "-u", "root").run();
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.output()).isEqualTo("alfred.sessions 7\nmortimer.users 3\n");
        var usage = Command.of(Map.of("PATH", "/usr/bin:/bin"), "bash", SCRIPTS.resolve("count-rows.sh").toString(), "mongo", "--", "x").run();
        assertThat(usage.exitCode()).isEqualTo(2);
    }
}
