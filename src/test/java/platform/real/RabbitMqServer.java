package platform.real;

import com.google.gson.Gson;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import platform.Programs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A RabbitMQ broker (Debian's rabbitmq-server) per test class, started with the rendered broker
 * configuration, plugins and definitions file, as the container starts: the definitions are
 * imported by the broker itself at boot. Only what the machine decides is changed in the rendered
 * configuration: the ports (free ones, loopback only) and where the definitions file lies. Its
 * own epmd on a free port, so nothing else on the machine is touched; both stopped after the class.
 */
public final class RabbitMqServer implements BeforeAllCallback, AfterAllCallback {
    /** The rendered files: rabbitmq.conf and enabled_plugins from the ConfigMap, definitions.json from the Secret. */
    public record Rendered(String brokerConfig, String enabledPlugins, String definitions) {
    }

    private static final Path DEBIAN_SCRIPTS = Path.of("/usr/lib/rabbitmq/bin");

    private final Supplier<Rendered> rendered;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path ctl;
    private Process epmd;
    private Process broker;
    private int amqpPort;
    private int managementPort;
    private Path log;

    public RabbitMqServer(Supplier<Rendered> rendered) {
        this.rendered = rendered;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // Debian's /usr/sbin wrappers switch to the rabbitmq user; the scripts behind them run as the caller.
        var server = Programs.require("rabbitmq-server", DEBIAN_SCRIPTS);
        ctl = Programs.require("rabbitmqctl", DEBIAN_SCRIPTS);
        var epmdProgram = Programs.require("epmd");
        var files = rendered.get();
        var dir = Files.createTempDirectory("rabbitmq");
        amqpPort = Loopback.freePort();
        managementPort = Loopback.freePort();
        var epmdPort = Loopback.freePort();
        var definitions = Files.createDirectories(dir.resolve("definitions")).resolve("definitions.json");
        Files.writeString(definitions, files.definitions());
        var config = dir.resolve("rabbitmq.conf");
        Files.writeString(config, onThisMachine(files.brokerConfig(), definitions));
        var plugins = dir.resolve("enabled_plugins");
        Files.writeString(plugins, files.enabledPlugins());
        log = Command.log("rabbitmq-" + context.getRequiredTestClass().getSimpleName());

        env.put("PATH", server.getParent() + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        env.put("LANG", "C.UTF-8");
        env.put("ERL_EPMD_ADDRESS", Loopback.HOST);
        env.put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        env.put("RABBITMQ_NODENAME", "rabbit-test-" + amqpPort + "@localhost");
        env.put("RABBITMQ_DIST_PORT", Integer.toString(Loopback.freePort()));
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        env.put("RABBITMQ_CONFIG_FILE", config.toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());

        epmd = Command.of(env, epmdProgram.toString(), "-address", Loopback.HOST, "-port", Integer.toString(epmdPort)).in(dir).start(log);
        broker = Command.of(env, server.toString()).in(dir).start(log);
        awaitDefinitionsImported();
    }

    /** The rendered configuration with this machine's ports (loopback only) and definitions path; each rewritten key must be there. */
    private String onThisMachine(String brokerConfig, Path definitions) {
        var replacements = new LinkedHashMap<String, String>();
        replacements.put("definitions.local.path", "definitions.local.path = " + definitions);
        replacements.put("listeners.tcp.default", "listeners.tcp.local = " + Loopback.HOST + ":" + amqpPort);
        replacements.put("management.tcp.port", "management.tcp.port = " + managementPort + "\nmanagement.tcp.ip = " + Loopback.HOST);
        var out = new StringBuilder();
        for (var line : brokerConfig.split("\n")) {
            var key = line.split("=")[0].strip();
            out.append(replacements.containsKey(key) ? replacements.remove(key) : line).append('\n');
        }
        if (!replacements.isEmpty()) {
            throw new AssertionError("the rendered rabbitmq.conf no longer sets " + replacements.keySet() + ":\n" + brokerConfig);
        }
        // The rendered plugins include Prometheus, whose default port may be taken on this machine.
        return out.append("prometheus.tcp.port = ").append(Loopback.freePort()).append("\nprometheus.tcp.ip = ").append(Loopback.HOST).append('\n')
                .toString();
    }

    /** The broker is up once its management API answers; the boot-time import runs before that. */
    private void awaitDefinitionsImported() throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("rabbitmq-server exited with " + broker.exitValue() + "; see " + log);
            }
            if (Loopback.awaitListening(managementPort, Duration.ofMillis(200), broker)) {
                return;
            }
            Loopback.sleep(200);
        }
        throw new IllegalStateException("RabbitMQ did not start within 90 s; see " + log);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (var process : new Process[]{broker, epmd}) {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    public int amqpPort() {
        return amqpPort;
    }

    /** A GET on the management API as {@code user}; the status and body. */
    public HttpResponse<String> api(String user, String password, String path) throws Exception {
        return http.send(request(user, password, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code rabbitmqctl} against this broker, as an operator runs it in the container. */
    public Command.Outcome ctl(String... args) {
        var argv = new java.util.ArrayList<String>(List.of(ctl.toString(), "-n", env.get("RABBITMQ_NODENAME")));
        argv.addAll(List.of(args));
        return new Command(argv, env, Path.of(env.get("HOME")), Duration.ofSeconds(60)).run();
    }

    private HttpRequest.Builder request(String user, String password, String path) {
        var credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://" + Loopback.HOST + ":" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + credentials);
    }

    /** A JSON array of objects, each as a map. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(String json) {
        return new Gson().fromJson(json, List.class);
    }
}
