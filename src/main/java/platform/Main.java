package platform;

import com.pulumi.Pulumi;
import platform.config.ConfigKeys;
import platform.render.Benchmark;
import platform.render.RenderCommand;
import platform.render.architecture.ArchitectureCommand;
import platform.render.diff.DiffCommand;

import java.util.Arrays;

/**
 * One jar, two uses: started by the Pulumi language host (which sets {@code PULUMI_MONITOR}) it is the
 * Pulumi program; started by a person it is the offline tool: {@code render}, {@code diff},
 * {@code architecture}, {@code benchmark}. With nothing to do it prints its usage.
 */
public final class Main {
    static final String USAGE = """
            usage: ./platform COMMAND [options]        (each command: COMMAND --help)
              render [STACK]             the stack's whole desired state, offline, into build/render/STACK
              diff BASE [HEAD]           what changes between two git revisions (HEAD: the work tree), warnings first
              architecture               refresh docs/architecture/<stack>.md from fresh renders of every stack
              benchmark [--runs N]       render timing in one JVM and in fresh JVMs, beside an empty program's
            Pulumi runs the same jar as the program (Pulumi.yaml); `pulumi preview` and `pulumi up` need no command.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        Benchmark.reportCpuTimeAtExit();
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            Pulumi.run(ctx -> Platform.define(ctx, ConfigKeys.fromEngine()));
            return;
        }
        System.exit(run(args));
    }

    public static int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            System.out.print(USAGE);
            return 0;
        }
        var rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "render" -> RenderCommand.run(rest);
            case "diff" -> DiffCommand.run(rest);
            case "architecture" -> ArchitectureCommand.run(rest);
            case "benchmark" -> Benchmark.run(rest);
            default -> {
                System.err.print("unknown command " + args[0] + "\n" + USAGE);
                yield 64;
            }
        };
    }
}
