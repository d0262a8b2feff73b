package platform.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import platform.Baseline;
import platform.Stacks;
import platform.Versions;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.data.Redis;
import platform.data.RedisArgs;
import platform.k8s.AppLabels;
import platform.k8s.AppNamespace;
import platform.k8s.ContainerImage;
import platform.k8s.Probes;
import platform.render.ProgramRun;
import platform.secrets.CredentialSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** The wait-for init containers: their shape on a workload, and their script run for real in sh against stand-in checks. */
class DependencyWaitTest {
    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    /** A check that fails {@code failures} times (printing {@code before}), then succeeds printing {@code after}. */
    private Path check(int failures, String before, String after) throws Exception {
        var script = dir.resolve("check");
        Files.writeString(script, """
                #!/bin/sh
                count=$(cat "%1$s/count" 2>/dev/null || echo 0)
                echo $((count + 1)) > "%1$s/count"
                if [ "$count" -lt %2$d ]; then echo "%3$s"; exit 2; fi
                echo "%4$s"
                """.formatted(dir, failures, before, after));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private Run waitFor(String timeout, String expect, Path check) throws Exception {
        var command = new ArrayList<>(List.of("sh", "-c", DependencyWait.SCRIPT, "wait-for", "the test dependency", timeout, expect,
                check.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WAIT_INTERVAL", "0.1");
        var process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void itWaitsUntilTheCheckSucceeds() throws Exception {
        var run = waitFor("20", "-", check(3, "db:5432 - no response", "db:5432 - accepting connections"));

        assertThat(run.exit()).isZero();
        assertThat(run.output()).isEqualTo("wait-for: the test dependency answers\n");
        assertThat(Files.readString(dir.resolve("count")).strip()).isEqualTo("4");
    }

    @Test
    void withAnExpectedAnswerASuccessfulCheckThatSaysSomethingElseIsNotEnough() throws Exception {
        var check = dir.resolve("check");
        Files.writeString(check, """
                #!/bin/sh
                count=$(cat "%1$s/count" 2>/dev/null || echo 0)
                echo $((count + 1)) > "%1$s/count"
                if [ "$count" -lt 2 ]; then echo "NOAUTH Authentication required."; else echo PONG; fi
                """.formatted(dir));
        Files.setPosixFilePermissions(check, PosixFilePermissions.fromString("rwxr-xr-x"));

        var run = waitFor("20", "PONG", check);

        assertThat(run.exit()).isZero();
        assertThat(Files.readString(dir.resolve("count")).strip()).isEqualTo("3");
    }

    @Test
    void itGivesUpAfterTheTimeoutWithTheLastAnswer() throws Exception {
        var run = waitFor("1", "-", check(1000, "db:5432 - no response", "never"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("wait-for: FAILED: the test dependency did not answer within 1s; last answer: db:5432 - no response\n");
    }

    @Test
    void aWorkloadThatStartsAfterPostgresAndRedisGetsAHardenedInitContainerForEach() {
        var result = ProgramRun.run(ctx -> {
            var namespace = new AppNamespace("demo", "demo", false, null).ref();
            var db = new Postgres("db", PostgresArgs.builder(namespace, "demo").name("db").image(ContainerImage.of(Versions.POSTGRES_ALPINE))
                    .owner("demo").database("demo", "database").build(), null);
            var redis = new Redis("redis", RedisArgs.cache(namespace, "demo", ContainerImage.of(Versions.REDIS), "64mb", "noeviction",
                    CredentialSource.generated()), null);
            new AppWorkload("api", AppWorkloadArgs.builder(namespace, AppLabels.of("demo", "api", "api", "api"), "api", "api",
                            ContainerImage.of("example/api:1.0.0"))
                    .probes(Probes.tcp(8000, Probes.Timing.READINESS), Probes.tcp(8000, Probes.Timing.LIVENESS))
                    .listens(8000, "api")
                    .startsAfter(DependencyWait.postgres(db))
                    .startsAfter(DependencyWait.redis(redis).withTimeout(60))
                    .build(), null);
        }, "test", Map.of(), Set.of());

        var api = Stacks.object(result, "Deployment", "demo", "api");
        var init = list(api.input("spec.template.spec.initContainers").orElseThrow()).stream().map(Stacks::map).toList();
        assertThat(init).extracting(c -> c.get("name")).containsExactly("wait-for-db", "wait-for-redis");
        assertThat(list(init.get(0).get("command")).subList(3, 11))
                .containsExactly("wait-for", "PostgreSQL at db:5432", "300", "-", "pg_isready", "-h", "db", "-p");
        assertThat(init.get(0).get("image")).isEqualTo(Versions.POSTGRES_ALPINE);
        assertThat(list(init.get(1).get("command"))).contains("60", "PONG", "redis-cli", "ping");
        assertThat(init.get(1).get("env").toString()).contains("name=REDISCLI_AUTH").contains("secretKeyRef={key=password, name=redis}");
        assertThat(map(init.get(1).get("securityContext"))).containsEntry("readOnlyRootFilesystem", true);
        assertThat(Baseline.violations(result.resources(), false)).isEmpty();
    }

    @Test
    void badWaitsAreRefused() {
        var image = ContainerImage.of(Versions.REDIS);
        assertThatThrownBy(() -> new DependencyWait("Redis_1", image, "x", List.of("true"), "-", List.of(), 60))
                .hasMessageContaining("short DNS label");
        assertThatThrownBy(() -> new DependencyWait("redis", image, "x", List.of(), "-", List.of(), 60))
                .hasMessageContaining("needs a check command");
        assertThatThrownBy(() -> new DependencyWait("redis", image, "x", List.of("true"), "-", List.of(), 5))
                .hasMessageContaining("timeout must be 10-3600 s, got 5");
    }
}
