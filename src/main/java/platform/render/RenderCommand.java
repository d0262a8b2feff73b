package platform.render;

import platform.config.SecretKeys;
import platform.config.StackConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code render [STACK] [--stack NAME] [--out DIR] [--config KEY=VALUE]... [--secret KEY=VALUE]...}:
 * the stack's whole desired state, offline. Exit 0 on success, 2 when config or the program is
 * wrong or the output directory may not be replaced (every problem on stderr, the directory
 * untouched), 64 for a bad command line. Nothing it prints shows a secret value.
 */
public final class RenderCommand {
    static final int OK = 0;
    static final int FAILED = 2;
    static final int USAGE = 64;

    static final String USAGE_TEXT = """
            usage: ./platform render [STACK] [--stack NAME] [--out DIR] [--config KEY=VALUE]... [--secret KEY=VALUE]...
              STACK / --stack   the stack to render (reads Pulumi.<stack>.yaml); default dev
              --out DIR         where to write (relative to where you stand); default build/render/<stack> in the project.
                                Replaced whole on success, but only if it is new, empty, or written by an earlier render.
              --config K=V      set plain config like `pulumi config set --path K V` (K: name or provider:name)
              --secret K=V      set a secret like `pulumi config set --secret K V` (only the program's secret keys)
            Writes 1-manifest/, resources.json, outputs.json, summary.txt, summary.json (cost, capacity), architecture.md.
            Exit 0 rendered; 2 config, program, capacity or output-directory problem (all listed, nothing written); 64 usage.
            """;

    private RenderCommand() {
    }

    public static int run(String[] args) {
        return run(args, Project.current(), System.out, System.err);
    }

    static int run(String[] args, Project project, PrintStream out, PrintStream err) {
        String stack = null;
        String outArg = null;
        var overrides = new ArrayList<ConfigOverrides.Override>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            var needsValue = List.of("--stack", "--out", "--config", "--secret").contains(arg);
            if (needsValue && i + 1 >= args.length) {
                err.print(arg + " needs a value\n" + USAGE_TEXT);
                return USAGE;
            }
            switch (arg) {
                case "--stack" -> stack = args[++i];
                case "--out" -> outArg = args[++i];
                case "--config", "--secret" -> {
                    var pair = args[++i];
                    var eq = pair.indexOf('=');
                    if (eq <= 0) {
                        // A mistyped --secret may be the bare value: never repeat it.
                        err.print(arg + " takes KEY=VALUE" + (arg.equals("--config") ? ", got " + pair : "") + "\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    overrides.add(new ConfigOverrides.Override(arg.equals("--secret"), pair.substring(0, eq), pair.substring(eq + 1)));
                }
                case "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                default -> {
                    if (arg.startsWith("-") || stack != null) {
                        err.print("unexpected argument " + arg + "\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    stack = arg;
                }
            }
        }
        stack = stack == null ? "dev" : stack;
        var scrubber = new SecretScrubber(overrides.stream().filter(ConfigOverrides.Override::secret).map(ConfigOverrides.Override::value).toList());
        var failed = "render of stack " + stack + " failed";

        var outDir = outArg == null ? project.dir().resolve("build/render/" + stack) : project.workingDir().resolve(outArg).normalize();
        var shown = outArg != null ? outArg : shown(project, outDir);
        try {
            var refusal = OutputDir.refusal(outDir, shown);
            if (refusal.isPresent()) {
                err.println(failed + ": will not replace " + refusal.get());
                return FAILED;
            }
        } catch (IOException unreadable) {
            err.println(failed + ": cannot read " + shown + ": " + unreadable.getMessage());
            return FAILED;
        }

        var stackPath = project.stackFile(stack);
        if (!Files.isRegularFile(stackPath)) {
            err.println(failed + ": no stack file " + stackPath.getFileName() + " in " + project.dir());
            return FAILED;
        }
        var problems = ConfigOverrides.problems(overrides);
        if (!problems.isEmpty()) {
            err.println(failed + ":");
            for (var problem : problems) {
                err.println("  - " + scrubber.scrub(problem));
            }
            return FAILED;
        }
        StackFile config;
        try {
            config = StackFile.load(stackPath);
            for (var override : overrides) {
                if (override.secret()) {
                    config.setSecret(override.key(), override.value());
                } else {
                    config.set(override.key(), override.value());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            err.println(scrubber.scrub(failed + ": " + unreadable.getMessage()));
            return FAILED;
        }
        var secretRoots = SecretKeys.ALL.stream().map(StackConfig::fullKey).toList();
        var known = new ArrayList<>(config.valuesOf(secretRoots));
        config.valuesOf(StackConfig.PROVIDER_SECRETS).forEach(known::add);
        overrides.stream().filter(ConfigOverrides.Override::secret).forEach(o -> known.add(o.value()));
        known.add(StackFile.PLACEHOLDER);
        scrubber = new SecretScrubber(known);
        config.withSecretPlaceholders();

        var result = ProgramRun.platform(stack, config);
        if (!result.succeeded()) {
            err.println(failed + ":");
            for (var problem : result.problems()) {
                err.println("  - " + scrubber.scrub(problem));
            }
            return FAILED;
        }
        var report = RenderReport.of(stack, result);
        if (!report.failures().isEmpty()) {
            err.println(failed + " (capacity):");
            for (var failure : report.failures()) {
                err.println("  - " + scrubber.scrub(failure));
            }
            return FAILED;
        }
        try {
            Render.write(outDir, stack, result, report);
        } catch (IOException e) {
            err.println(scrubber.scrub(failed + " writing " + shown + ": " + e.getMessage()));
            return FAILED;
        }
        out.print(scrubber.scrub(report.text()));
        out.println("\nwritten to " + shown);
        return OK;
    }

    /** The default output directory as the user would type it from where they stand. */
    private static String shown(Project project, Path outDir) {
        return outDir.startsWith(project.workingDir()) ? project.workingDir().relativize(outDir).toString() : outDir.toString();
    }
}
