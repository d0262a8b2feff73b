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
 * wrong (every problem on stderr, the output directory untouched), 64 for a bad command line.
 */
public final class RenderCommand {
    static final int OK = 0;
    static final int FAILED = 2;
    static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            usage: render [STACK] [--stack NAME] [--out DIR] [--config KEY=VALUE]... [--secret KEY=VALUE]...
              STACK / --stack   the stack to render (reads Pulumi.<stack>.yaml); default dev
              --out DIR         where to write; default build/render/<stack>; replaced whole on success
              --config K=V      set config like `pulumi config set --path K V` (K: name or provider:name)
              --secret K=V      set a secret like `pulumi config set --secret K V`
            """;

    private RenderCommand() {
    }

    public static int run(String[] args) {
        return run(args, Path.of("").toAbsolutePath(), System.out, System.err);
    }

    static int run(String[] args, Path projectDir, PrintStream out, PrintStream err) {
        String stack = null;
        Path outDir = null;
        var overrides = new ArrayList<String[]>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            var needsValue = List.of("--stack", "--out", "--config", "--secret").contains(arg);
            if (needsValue && i + 1 >= args.length) {
                err.print(arg + " needs a value\n" + USAGE_TEXT);
                return USAGE;
            }
            switch (arg) {
                case "--stack" -> stack = args[++i];
                case "--out" -> outDir = Path.of(args[++i]);
                case "--config", "--secret" -> {
                    var pair = args[++i];
                    var eq = pair.indexOf('=');
                    if (eq <= 0) {
                        err.print(arg + " takes KEY=VALUE, got " + pair + "\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    overrides.add(new String[]{arg, pair.substring(0, eq), pair.substring(eq + 1)});
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
        outDir = outDir == null ? projectDir.resolve("build/render/" + stack) : projectDir.resolve(outDir);

        var stackPath = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(stackPath)) {
            err.println("render of stack " + stack + " failed: no stack file " + stackPath.getFileName() + " in " + projectDir);
            return FAILED;
        }
        StackFile config;
        try {
            config = StackFile.load(stackPath);
            for (var override : overrides) {
                if (override[0].equals("--secret")) {
                    config.setSecret(override[1], override[2]);
                } else {
                    config.set(override[1], override[2]);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            err.println("render of stack " + stack + " failed: " + unreadable.getMessage());
            return FAILED;
        }
        for (var key : SecretKeys.REQUIRED) {
            if (!config.has(StackConfig.fullKey(key))) {
                // Encrypted or unset secrets cannot be read offline; a secret placeholder stands in.
                config.setSecret(StackConfig.fullKey(key), "offline-placeholder");
            }
        }

        var result = ProgramRun.platform(stack, config.engineConfig(), config.secretKeys());
        if (!result.succeeded()) {
            err.println("render of stack " + stack + " failed:");
            result.problems().forEach(problem -> err.println("  - " + problem));
            return FAILED;
        }
        try {
            Render.write(outDir, stack, result);
        } catch (IOException e) {
            err.println("render of stack " + stack + " failed writing " + outDir + ": " + e.getMessage());
            return FAILED;
        }
        out.print(Summary.of(stack, result.resources()));
        out.println("\nwritten to " + projectDir.relativize(outDir));
        return OK;
    }
}
