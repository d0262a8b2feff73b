package platform.real;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import platform.Programs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Redis server (Debian's redis-server) per test class, started with a rendered container's
 * command and arguments, in an empty directory standing for its working directory (the image's
 * /data); the test adds only a free port and the loopback address.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<List<String>> rendered;
    private Process process;
    private int port;
    private Path dataDir;

    /** {@code rendered}: the container's command and arguments, {@code $(VAR)} expanded as the kubelet does. */
    public RedisServer(Supplier<List<String>> rendered) {
        this.rendered = rendered;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        var argv = new ArrayList<>(rendered.get());
        var program = Programs.require(argv.get(0));
        argv.set(0, program.toString());
        port = Loopback.freePort();
        argv.addAll(List.of("--port", Integer.toString(port), "--bind", Loopback.HOST));
        dataDir = Files.createTempDirectory("redis-data");
        var log = Command.log("redis-" + context.getRequiredTestClass().getSimpleName());
        process = new Command(argv, Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"), dataDir, Command.DEFAULT_TIMEOUT).start(log);
        if (!Loopback.awaitListening(port, Duration.ofSeconds(30), process)) {
            throw new IllegalStateException("redis-server did not start; see " + log);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public int port() {
        return port;
    }

    /** The server's working directory, where Redis would write dump.rdb or its append-only files. */
    public Path dataDir() {
        return dataDir;
    }

    public Process process() {
        return process;
    }

    public Resp connect() throws java.io.IOException {
        return new Resp(port);
    }
}
