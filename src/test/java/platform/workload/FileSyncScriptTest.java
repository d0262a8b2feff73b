package platform.workload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import platform.Programs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sidecar's real {@code file-sync.sh} in bash on files in a temporary directory: an
 * unreadable source, corrupt, truncated, empty and WAL-mode databases, the atomic swap, the sync
 * time's format, freshness and the refresh loop. SQLite files are made and checked with python3's
 * sqlite3, as in the app image; without it the class is skipped by hand and fails under CI=true.
 */
class FileSyncScriptTest {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static Path python;

    private Path dir;
    private Path source;
    private Path target;
    private Path stamp;
    private Path heartbeat;
    private Path bin;

    private record Run(int exitCode, String output) {
    }

    @BeforeAll
    static void findPython() throws Exception {
        for (var candidate : Programs.all("python3", Path.of("/usr/bin"))) {
            if (exitCode(List.of(candidate.toString(), "-c", "import sqlite3")) == 0) {
                python = candidate;
                return;
            }
        }
        Programs.unavailable("FileSyncScriptTest needs python3 with its sqlite3 module (Debian: apt-get install python3)");
    }

    private static int exitCode(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @BeforeEach
    void files() throws IOException {
        dir = Files.createTempDirectory("file-sync");
        Files.createDirectories(dir.resolve("nfs"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("tmp"));
        bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("python3"), python);
        source = dir.resolve("nfs/marc.sqlite");
        target = dir.resolve("data/marc.sqlite");
        stamp = dir.resolve("data/last_sync.txt");
        heartbeat = dir.resolve("tmp/file-sync.heartbeat");
    }

    @AfterEach
    void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                path.toFile().setWritable(true);
                path.toFile().delete();
            });
        }
    }

    private Map<String, String> env(int maxAgeSeconds) {
        var env = new HashMap<String, String>();
        env.put("SOURCE", source.toString());
        env.put("TARGET", target.toString());
        env.put("STAMP", stamp.toString());
        env.put("INTERVAL_SECONDS", "1");
        env.put("MAX_AGE_SECONDS", Integer.toString(maxAgeSeconds));
        env.put("TIMEOUT_SECONDS", "20");
        env.put("CHECK", "sqlite");
        env.put("HEARTBEAT", heartbeat.toString());
        // A zone far from UTC: the sync time must still be UTC.
        env.put("TZ", "America/New_York");
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        return env;
    }

    private ProcessBuilder script(String mode, Map<String, String> env) throws IOException {
        var script = dir.resolve("file-sync.sh");
        if (!Files.exists(script)) {
            Files.writeString(script, FileSync.load());
        }
        var builder = new ProcessBuilder("bash", script.toString(), mode).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder;
    }

    private Run run(String mode) throws Exception {
        return run(mode, env(3600));
    }

    private Run run(String mode, Map<String, String> env) throws Exception {
        var process = script(mode, env).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** An SQLite database of {@code rows} isolates, made by python3's sqlite3; {@code wal}: left in WAL mode. */
    private void database(Path file, int rows, boolean wal) throws Exception {
        Files.deleteIfExists(file);
        var code = exitCode(List.of(python.toString(), "-c", """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                if sys.argv[3] == "wal":
                    db.execute("PRAGMA journal_mode=wal")
                db.execute("CREATE TABLE isolates (id INTEGER PRIMARY KEY, name TEXT)")
                db.executemany("INSERT INTO isolates (name) VALUES (?)", [("isolate-%06d-%s" % (i, "x" * 80),) for i in range(int(sys.argv[2]))])
                db.commit()
                db.close()
                """, file.toString(), Integer.toString(rows), wal ? "wal" : "rollback"));
        assertThat(code).isZero();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.contains(".tmp.")).toList();
        }
    }

    @Test
    void theFirstCopyWritesTheDatabaseAndItsUtcSyncTimeInTheSeedsFormat() throws Exception {
        database(source, 10, false);

        var run = run("once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.mismatch(source, target)).isEqualTo(-1L);
        var text = Files.readString(stamp).strip();
        assertThat(text).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}");
        var synced = LocalDateTime.parse(text, STAMP).toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(synced, Instant.now()).abs()).isLessThan(Duration.ofSeconds(30));
        assertThat(run.output()).contains("INFO copied " + source + " to " + target);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anUnreadableSourceFailsTheFirstCopySoTheAppDoesNotStart() throws Exception {
        var missing = run("once");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("ERROR source " + source + " is not readable")
                .contains("no first copy: the app does not start");
        assertThat(target).doesNotExist();
        assertThat(stamp).doesNotExist();

        database(source, 10, false);
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(source)) { // root reads anything: the permission case only shows for other users
            var forbidden = run("once");
            assertThat(forbidden.exitCode()).isEqualTo(1);
            assertThat(forbidden.output()).contains("is not readable");
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void aCorruptFileIsRejectedAndThePreviousCopyAndSyncTimeStay() throws Exception {
        database(source, 10, false);
        assertThat(run("once").exitCode()).isZero();
        var copy = Files.readAllBytes(target);
        Files.setPosixFilePermissions(stamp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(stamp, "2020/01/01 00:00:00\n");

        var garbage = new byte[16384];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(source, garbage);
        var run = run("once");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("ERROR the copy of " + source + " was rejected: not a readable SQLite database (file is not a database)");
        assertThat(Files.readAllBytes(target)).isEqualTo(copy);
        assertThat(Files.readString(stamp)).isEqualTo("2020/01/01 00:00:00\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDatabaseCopiedHalfWayIsRejected() throws Exception {
        database(source, 3000, false);
        var whole = Files.readAllBytes(source);
        assertThat(whole.length).isGreaterThan(100_000);
        Files.write(source, java.util.Arrays.copyOf(whole, whole.length / 2));

        var run = run("once");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsAnyOf("integrity check failed", "database disk image is malformed");
        assertThat(target).doesNotExist();
    }

    @Test
    void anEmptyFileAndADatabaseInWalModeAreRejected() throws Exception {
        Files.write(source, new byte[0]);
        var empty = run("once");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.output()).contains("an SQLite database without tables");

        database(source, 10, true);
        var wal = run("once");
        assertThat(wal.exitCode()).isEqualTo(1);
        assertThat(wal.output()).contains("WAL mode");
        assertThat(target).doesNotExist();
    }

    @Test
    void aNewCopyReplacesTheOldFileByRenameNeverByWritingIntoIt() throws Exception {
        database(source, 10, false);
        assertThat(run("once").exitCode()).isZero();
        var old = Files.readAllBytes(target);
        // A second name for the old file: a copy written into it in place would change what this name reads.
        var reader = dir.resolve("data-reader-view");
        Files.createLink(reader, target);

        database(source, 500, false);
        var run = run("once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readAllBytes(reader)).isEqualTo(old);
        assertThat(Files.mismatch(source, target)).isEqualTo(-1L);
        assertThat(Files.getAttribute(target, "unix:ino")).isNotEqualTo(Files.getAttribute(reader, "unix:ino"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void thePodIsReadyOnlyWhileItsCopyIsYoungerThanTheMaximumAge() throws Exception {
        assertThat(run("fresh").output()).contains("no valid sync time in " + stamp);
        var now = LocalDateTime.now(ZoneOffset.UTC);

        Files.writeString(stamp, STAMP.format(now.minusMinutes(5)) + "\n");
        assertThat(run("fresh", env(1800)).exitCode()).isZero();

        Files.writeString(stamp, STAMP.format(now.minusMinutes(45)) + "\n");
        var stale = run("fresh", env(1800));
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.output()).containsPattern("the copy is 27\\d\\ds old, more than 1800s: refreshes are failing");

        Files.writeString(stamp, "yesterday\n");
        assertThat(run("fresh").exitCode()).isEqualTo(1);
    }

    @Test
    void theSidecarIsAliveWhileItsLoopGoesRound() throws Exception {
        assertThat(run("alive").exitCode()).isEqualTo(1);
        Files.writeString(heartbeat, "");
        assertThat(run("alive").exitCode()).isZero();
        Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        assertThat(run("alive").exitCode()).isEqualTo(1);
    }

    @Test
    void theLoopLogsAFailedRefreshKeepsServingTheCopyAndTakesTheNextGoodOne() throws Exception {
        database(source, 10, false);
        assertThat(run("once").exitCode()).isZero();
        var first = Files.readAllBytes(target);
        var firstStamp = Files.readString(stamp);
        var logFile = dir.resolve("loop.log");
        var loop = script("loop", env(3600)).redirectOutput(logFile.toFile()).start();
        try {
            Files.write(source, "not a database".getBytes(StandardCharsets.UTF_8));
            assertThat(await(() -> Files.readString(logFile).contains("refresh failed"))).as(read(logFile)).isTrue();
            assertThat(Files.readAllBytes(target)).isEqualTo(first);
            assertThat(Files.readString(stamp)).isEqualTo(firstStamp);
            assertThat(read(logFile)).contains("refresh failed; still serving the copy of " + firstStamp.strip())
                    .contains("leaves the load balancer once that copy is more than 3600s old");
            assertThat(heartbeat).exists();

            database(source, 200, false);
            assertThat(await(() -> Files.mismatch(source, target) == -1L)).as(read(logFile)).isTrue();
        } finally {
            loop.destroy();
        }
        assertThat(loop.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.exitValue()).as("the loop's exit on SIGTERM; its log:%n%s", read(logFile)).isZero();
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static boolean await(Condition condition) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String read(Path file) throws IOException {
        return Optional.of(file).filter(Files::exists).map(path -> {
            try {
                return Files.readString(path);
            } catch (IOException e) {
                return "";
            }
        }).orElse("");
    }

    @Test
    void theScriptIsValidBashAndRefusesAnUnknownMode() throws Exception {
        var run = run("sometimes");
        assertThat(exitCode(List.of("bash", "-n", dir.resolve("file-sync.sh").toString()))).isZero();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("usage: file-sync.sh once|loop|fresh|alive");
    }
}
