package platform.real;

import platform.Stacks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run to its end (or started and left running) in a clean environment (only what the test
 * passes, so nothing of the developer's shell, such as AWS credentials, leaks in), with stdout and
 * stderr together.
 */
public record Command(List<String> argv, Map<String, String> env, Path workDir, Duration timeout) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public static Command of(Map<String, String> env, String... argv) {
        return new Command(List.of(argv), env, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_TIMEOUT);
    }

    public Command in(Path dir) {
        return new Command(argv, env, dir, timeout);
    }

    /** What a run printed and how it ended. */
    public record Outcome(int exitCode, String output, Duration elapsed) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + elapsed.toMillis() + " ms:\n" + output;
        }
    }

    public Outcome run() {
        var start = System.nanoTime();
        try {
            var process = builder().start();
            var output = new StringBuilder();
            var reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("[reading output failed: ").append(e.getMessage()).append(']');
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                reader.join(5_000);
                throw new AssertionError(argv + " did not finish within " + timeout + ":\n" + output);
            }
            reader.join();
            return new Outcome(process.exitValue(), output.toString(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The program started and left running (a server, a sidecar), its output appended to {@code log}; the caller stops it. */
    public Process start(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        return builder().redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Where a real-server test's server or sidecar writes its output: {@code target/real-servers/<name>.log}. */
    public static Path log(String name) {
        return Stacks.projectRoot().resolve("target/real-servers/" + name + ".log");
    }

    private ProcessBuilder builder() {
        var program = new ArrayList<>(argv);
        program.set(0, onPath(argv.get(0)));
        var builder = new ProcessBuilder(program).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    /** A bare program name found on the command's own PATH (Java would search the JVM's). */
    private String onPath(String program) {
        if (program.contains("/")) {
            return program;
        }
        for (var dir : env.getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            var candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }

    /** {@code base} plus {@code extra}, later keys winning: environments built up in steps. */
    public static Map<String, String> merge(Map<String, String> base, Map<String, String> extra) {
        var merged = new LinkedHashMap<>(base);
        merged.putAll(extra);
        return merged;
    }
}
