package platform;

import com.pulumi.Pulumi;
import platform.config.ConfigKeys;
import platform.render.Benchmark;
import platform.render.RenderCommand;

import java.util.Arrays;

/**
 * One jar, three uses: with no arguments it is the Pulumi program the language host runs;
 * {@code render} writes a stack's desired state offline; {@code benchmark} times renders.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("render")) {
            System.exit(RenderCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            System.exit(Benchmark.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Pulumi.run(ctx -> Platform.define(ctx, ConfigKeys.fromEngine()));
    }
}
