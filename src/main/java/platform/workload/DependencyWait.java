package platform.workload;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.data.Postgres;
import platform.data.Redis;
import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.SecretKeyRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Compose's {@code depends_on} as an init container: the pod's app containers start only once the
 * dependency answers its check, run in the dependency's own image (which has the client tool). It
 * gives up after {@code timeoutSeconds} with the last answer in its log; the kubelet then retries
 * with back-off, so a pod waiting on a dependency shows {@code Init:} and why.
 *
 * @param name          the dependency, e.g. {@code db}: the init container is {@code wait-for-<name>}
 * @param what          how its log names the dependency
 * @param check         the command that succeeds once the dependency answers
 * @param expect        text the check's output must contain, or {@code -} for its exit status alone
 * @param env           what the check needs, by reference only (e.g. a password through {@code secretKeyRef})
 */
public record DependencyWait(String name, ContainerImage image, String what, List<String> check, String expect,
                             List<EnvVarArgs> env, int timeoutSeconds) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    public static final String SCRIPT = Scripts.load("wait-for.sh");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,50}[a-z0-9])?");

    public DependencyWait {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a dependency's name must be a short DNS label, got " + name);
        }
        Objects.requireNonNull(image, "image of dependency " + name);
        check = List.copyOf(check);
        if (check.isEmpty() || expect.isEmpty()) {
            throw new IllegalArgumentException("dependency " + name + " needs a check command and an expected answer (or -)");
        }
        env = List.copyOf(env);
        if (timeoutSeconds < 10 || timeoutSeconds > 3600) {
            throw new IllegalArgumentException("dependency " + name + " timeout must be 10-3600 s, got " + timeoutSeconds);
        }
    }

    /** PostgreSQL answers {@code pg_isready} (compose's {@code condition: service_healthy} with that healthcheck). */
    public static DependencyWait postgres(Postgres database) {
        var port = Integer.toString(Postgres.PORT);
        return new DependencyWait(database.host(), database.args().image(), "PostgreSQL at " + database.host() + ":" + port,
                List.of("pg_isready", "-h", database.host(), "-p", port), "-", List.of(), DEFAULT_TIMEOUT_SECONDS);
    }

    /** Redis answers {@code PING} with {@code PONG}, authenticated through {@code REDISCLI_AUTH}. */
    public static DependencyWait redis(Redis redis) {
        var port = Integer.toString(Redis.PORT);
        return new DependencyWait(redis.host(), redis.args().image(), "Redis at " + redis.host() + ":" + port,
                List.of("redis-cli", "-h", redis.host(), "-p", port, "ping"), "PONG",
                List.of(Env.fromSecret("REDISCLI_AUTH", new SecretKeyRef(redis.secretName(), "password"))), DEFAULT_TIMEOUT_SECONDS);
    }

    public DependencyWait withTimeout(int seconds) {
        return new DependencyWait(name, image, what, check, expect, env, seconds);
    }

    /** {@code sh -c <script> wait-for <what> <timeout> <expect> <check...>}, hardened, tiny. */
    public ContainerArgs container() {
        var command = new ArrayList<>(List.of("sh", "-c", SCRIPT, "wait-for", what, Integer.toString(timeoutSeconds), expect));
        command.addAll(check);
        return ContainerArgs.builder()
                .name("wait-for-" + name)
                .image(image.reference())
                .command(command)
                .env(env)
                .resources(ComputeResources.TINY.toArgs())
                .securityContext(Hardening.container())
                .build();
    }
}
