package platform.render;

import platform.config.SecretKeys;
import platform.config.StackConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code benchmark [--runs N] [STACK...]}: renders each stack N times (after one warm-up) and an
 * empty Pulumi program the same way in the same JVM, and prints min and median wall time of both,
 * so that the program's own cost shows as a ratio over the mock engine's fixed cost.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static int run(String[] args) {
        var runs = 5;
        var stacks = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                stacks.add(args[i]);
            }
        }
        if (stacks.isEmpty()) {
            stacks.addAll(List.of("dev", "prod"));
        }
        var projectDir = Path.of("").toAbsolutePath();
        System.out.printf("%-8s %6s %10s %10s %12s %12s %7s%n",
                "stack", "runs", "min ms", "median ms", "empty min", "empty med", "ratio");
        try {
            var scratch = Files.createTempDirectory("platform-benchmark");
            for (var stack : stacks) {
                var config = StackFile.load(projectDir.resolve("Pulumi." + stack + ".yaml"));
                for (var key : SecretKeys.ALL) {
                    if (!config.has(StackConfig.fullKey(key))) {
                        config.setSecret(StackConfig.fullKey(key), "benchmark-placeholder");
                    }
                }
                var program = time(true, stack, config, runs, scratch.resolve(stack));
                var empty = time(false, stack, config, runs, scratch.resolve(stack + "-empty"));
                System.out.printf("%-8s %6d %10.0f %10.0f %12.0f %12.0f %6.1fx%n", stack, runs,
                        program.get(0), median(program), empty.get(0), median(empty), median(program) / median(empty));
            }
            OutputDir.deleteTree(scratch);
            return 0;
        } catch (IOException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            return 2;
        }
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
