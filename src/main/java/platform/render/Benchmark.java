package platform.render;

import platform.config.SecretKeys;
import platform.config.StackConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code benchmark [--runs N] [--fresh N] [STACK...]}: times renders two ways. In one JVM: each stack
 * N times after a warm-up, beside an empty Pulumi program on the same mock engine, so the program's
 * own cost shows as a ratio. In fresh JVMs: what a user waits for, {@code ./platform render STACK}
 * started anew each time through the wrapper (its JVM options and class-data archive included),
 * beside {@code ./platform benchmark --empty-program STACK}, a fresh JVM that runs an empty program.
 */
public final class Benchmark {
    static final String USAGE = """
            usage: ./platform benchmark [--runs N] [--fresh N] [STACK...]
              --runs N    renders per stack in this JVM after a warm-up (default 5; 0 skips)
              --fresh N   renders per stack in a fresh JVM each, through ./platform (default 5; 0 skips)
              STACK...    default dev prod
            Prints min and median wall time beside an empty Pulumi program's, and the ratio of the medians.
            """;

    private Benchmark() {
    }

    public static int run(String[] args) {
        var runs = 5;
        var fresh = 5;
        var stacks = new ArrayList<String>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return 0;
                    }
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--fresh" -> fresh = Integer.parseInt(args[++i]);
                    case "--empty-program" -> {
                        return emptyProgram(args[++i]);
                    }
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        stacks.add(args[i]);
                    }
                }
            }
        } catch (RuntimeException badArguments) {
            System.err.print((badArguments.getMessage() == null ? "bad arguments" : badArguments.getMessage()) + "\n" + USAGE);
            return 64;
        }
        if (stacks.isEmpty()) {
            stacks.addAll(List.of("dev", "prod"));
        }
        var project = Project.current();
        var out = System.out;
        try {
            var scratch = Files.createTempDirectory("platform-benchmark");
            header(out, "in one JVM (after a warm-up)");
            for (var stack : stacks) {
                if (runs == 0) {
                    break;
                }
                var config = config(project, stack);
                var program = time(true, stack, config, runs, scratch.resolve(stack));
                var empty = time(false, stack, config, runs, scratch.resolve(stack + "-empty"));
                row(out, stack, runs, program, empty);
            }
            header(out, "fresh JVM per run, as `./platform render STACK` (what a user waits for)");
            for (var stack : stacks) {
                if (fresh == 0) {
                    break;
                }
                var out1 = scratch.resolve("fresh-" + stack);
                var program = freshTimes(project, fresh, List.of("render", stack, "--out", out1.toString()));
                var empty = freshTimes(project, fresh, List.of("benchmark", "--empty-program", stack));
                row(out, stack, fresh, program, empty);
            }
            OutputDir.deleteTree(scratch);
            return 0;
        } catch (IOException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            return 2;
        }
    }

    private static void header(PrintStream out, String title) {
        out.println(title + ":");
        out.printf("  %-8s %5s %9s %10s %10s %10s %7s%n", "stack", "runs", "min ms", "median ms", "empty min", "empty med", "ratio");
    }

    private static void row(PrintStream out, String stack, int runs, List<Double> program, List<Double> empty) {
        out.printf("  %-8s %5d %9.0f %10.0f %10.0f %10.0f %6.1fx%n", stack, runs, program.get(0), median(program), empty.get(0),
                median(empty), median(program) / median(empty));
    }

    private static StackFile config(Project project, String stack) throws IOException {
        var config = StackFile.load(project.stackFile(stack));
        for (var key : SecretKeys.ALL) {
            if (!config.has(StackConfig.fullKey(key))) {
                config.setSecret(StackConfig.fullKey(key), RenderCommand.PLACEHOLDER);
            }
        }
        return config;
    }

    /** A fresh JVM's floor: the mock engine running a program that registers nothing, on the stack's config. */
    private static int emptyProgram(String stack) {
        try {
            var config = config(Project.current(), stack);
            var result = ProgramRun.run(ctx -> { }, stack, config.engineConfig(), config.secretKeys());
            return result.succeeded() ? 0 : 2;
        } catch (IOException e) {
            System.err.println("empty program failed: " + e.getMessage());
            return 2;
        }
    }

    /** Sorted wall times of {@code runs} fresh {@code ./platform} processes (after one untimed start). */
    private static List<Double> freshTimes(Project project, int runs, List<String> args) throws IOException {
        var command = new ArrayList<String>();
        command.add(project.dir().resolve("platform").toString());
        command.addAll(args);
        var times = new ArrayList<Double>();
        for (int i = 0; i <= runs; i++) {
            var start = System.nanoTime();
            var process = new ProcessBuilder(command).directory(project.dir().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                if (process.waitFor() != 0) {
                    throw new IOException(String.join(" ", command) + " failed");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", interrupted);
            }
            if (i > 0) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(times);
        return times;
    }

    /** Sorted wall times in milliseconds of {@code runs} renders (the platform, or an empty program), after one untimed warm-up. */
    private static List<Double> time(boolean platform, String stack, StackFile config, int runs, Path out)
            throws IOException {
        var times = new ArrayList<Double>();
        for (int i = 0; i <= runs; i++) {
            var start = System.nanoTime();
            var result = platform ? ProgramRun.platform(stack, config.engineConfig(), config.secretKeys())
                    : ProgramRun.run(ctx -> { }, stack, config.engineConfig(), config.secretKeys());
            if (!result.succeeded()) {
                throw new IOException("stack " + stack + " does not render: " + result.problems());
            }
            Render.write(out, stack, result);
            if (i > 0) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(times);
        return times;
    }

    private static double median(List<Double> sorted) {
        var n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
