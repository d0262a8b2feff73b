package platform.real;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import platform.data.Redis;
import platform.data.RedisArgs;
import platform.Versions;
import platform.k8s.AppNamespace;
import platform.k8s.ContainerImage;
import platform.secrets.CredentialSource;
import platform.render.ProgramRun;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;

/**
 * A Redis as the platform renders one (Project 88's broker and cache, seed 002: "Redis (no
 * persistence)"), started with the rendered command line, password from the rendered Secret:
 * it refuses clients without the password and leaves nothing on disk after writes and a shutdown.
 */
@RealServers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisArgsTest {
    static final String NAMESPACE = "project88";
    private static ProgramRun.Result render;

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer(RedisArgsTest::commandLine);

    static synchronized ProgramRun.Result render() {
        if (render == null) {
            render = Render.answered(ctx -> new Redis("redis",
                    RedisArgs.cache(new AppNamespace(NAMESPACE, "project88", false, null).ref(), "project88",
                    ContainerImage.of(Versions.REDIS), "200mb", "allkeys-lru", CredentialSource.generated()), null));
        }
        return render;
    }

    /** The container's command and arguments with {@code $(REDIS_PASSWORD)} expanded from its environment, as the kubelet does. */
    static List<String> commandLine() {
        var container = Render.container(render(), "StatefulSet", NAMESPACE, "redis");
        var env = PodEnv.of(render(), NAMESPACE, container).resolve();
        var argv = new ArrayList<String>();
        Stream.concat(list(container.get("command")).stream(), list(container.get("args")).stream())
                .forEach(arg -> argv.add(PodEnv.expand(arg.toString(), env)));
        return argv;
    }

    static String password() {
        return Render.secret(render(), NAMESPACE, "redis", "password");
    }

    @Test
    @Order(1)
    void clientsWithoutThePasswordAreRefused() throws Exception {
        try (var redis = REDIS.connect()) {
            assertThat(redis.call("PING")).isEqualTo(new Resp.Error("NOAUTH Authentication required."));
            assertThat(redis.call("SET", "job", "paving")).isEqualTo(new Resp.Error("NOAUTH Authentication required."));
            assertThat(redis.call("AUTH", "not-the-password")).isInstanceOf(Resp.Error.class)
                    .asString().contains("WRONGPASS");
            assertThat(redis.call("AUTH", password())).isEqualTo("OK");
            assertThat(redis.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    @Order(2)
    void memoryIsBoundedAndEvictedAsRendered() throws Exception {
        try (var redis = REDIS.connect()) {
            redis.call("AUTH", password());
            assertThat(redis.call("CONFIG", "GET", "maxmemory")).isEqualTo(List.of("maxmemory", Long.toString(200L * 1024 * 1024)));
            assertThat(redis.call("CONFIG", "GET", "maxmemory-policy")).isEqualTo(List.of("maxmemory-policy", "allkeys-lru"));
        }
    }

    @Test
    @Order(3)
    void afterWritesAndAShutdownNothingIsOnDisk() throws Exception {
        try (var redis = REDIS.connect()) {
            redis.call("AUTH", password());
            for (var i = 0; i < 200; i++) {
                assertThat(redis.call("SET", "task:" + i, "celery result " + i)).isEqualTo("OK");
            }
            assertThat(redis.call("DBSIZE")).isEqualTo(200L);
            // SHUTDOWN saves a snapshot whenever save points are configured; with none it just stops.
            assertThatThrownBy(() -> redis.call("SHUTDOWN")).isInstanceOf(IOException.class);
        }
        assertThat(REDIS.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(REDIS.process().exitValue()).isZero();
        try (var files = Files.list(REDIS.dataDir())) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).isEmpty();
        }
    }
}
