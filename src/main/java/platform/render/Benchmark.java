package platform.render;


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

    /** Set for a fresh JVM the benchmark starts: the file where it writes its CPU time (ns) when it exits. */
    static final String CPU_TIME_FILE = "PLATFORM_BENCHMARK_CPU_TIME_FILE";

    private Benchmark() {
    }

    /**
     * CPU time is what a busy machine does not distort (wall time on a shared 2-core machine can be several
     * times the work): a JVM the benchmark starts reports its own on exit.
     */
    public static void reportCpuTimeAtExit() {
        var file = System.getenv(CPU_TIME_FILE);
        if (file == null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                try {
                    Files.writeString(Path.of(file), Long.toString(os.getProcessCpuTime()));
                } catch (IOException ignored) {
                    // the benchmark then shows no CPU time for this run
                }
            }
        }));
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
            header(out, "fresh JVM per run, as `./platform render STACK` (what a user waits for), wall time");
            var cpuRows = new ArrayList<CpuRow>();
            for (var stack : stacks) {
                if (fresh == 0) {
                    break;
                }
                var out1 = scratch.resolve("fresh-" + stack);
                var programCpu = new ArrayList<Double>();
                var emptyCpu = new ArrayList<Double>();
                var program = freshTimes(project, fresh, List.of("render", stack, "--out", out1.toString()), scratch, programCpu);
                var empty = freshTimes(project, fresh, List.of("benchmark", "--empty-program", stack), scratch, emptyCpu);
                row(out, stack, fresh, program, empty);
                cpuRows.add(new CpuRow(stack, programCpu, emptyCpu));
            }
            if (!cpuRows.isEmpty()) {
                header(out, "the same fresh JVMs, CPU time (user + system; not stretched by other load on the machine)");
                for (var row : cpuRows) {
                    Collections.sort(row.program());
                    Collections.sort(row.empty());
                    if (!row.program().isEmpty() && !row.empty().isEmpty()) {
                        row(out, row.stack(), fresh, row.program(), row.empty());
                    }
                }
            }
            out.printf("%d CPUs, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            OutputDir.deleteTree(scratch);
            return 0;
        } catch (IOException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            return 2;
        }
    }

    /** The CPU times (ms) of one stack's fresh JVMs: its renders and the empty program's. */
    private record CpuRow(String stack, List<Double> program, List<Double> empty) {
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
        return StackFile.offline(project.stackFile(stack));
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
    private static List<Double> freshTimes(Project project, int runs, List<String> args, Path scratch, List<Double> cpu) throws IOException {
        var command = new ArrayList<String>();
        command.add(project.dir().resolve("platform").toString());
        command.addAll(args);
        var times = new ArrayList<Double>();
        for (int i = 0; i <= runs; i++) {
            var cpuFile = scratch.resolve("cpu-" + i);
            Files.deleteIfExists(cpuFile);
            var start = System.nanoTime();
            var builder = new ProcessBuilder(command).directory(project.dir().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put(CPU_TIME_FILE, cpuFile.toString());
            var process = builder.start();
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
                if (Files.isRegularFile(cpuFile)) {
                    cpu.add(Long.parseLong(Files.readString(cpuFile).trim()) / 1e6);
                }
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
            var result = platform ? ProgramRun.platform(stack, config)
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
