package platform.k8s;

import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.core.Either;

import java.util.List;

/** Health checks with named timings; a compose healthcheck becomes one of these. */
public final class Probes {
    private Probes() {
    }

    /** How often and how patiently a probe checks. */
    public record Timing(int periodSeconds, int timeoutSeconds, int failureThreshold, int initialDelaySeconds) {
        public static final Timing READINESS = new Timing(10, 5, 3, 5);
        public static final Timing LIVENESS = new Timing(20, 5, 3, 30);
        /** Up to five minutes for a slow first start (database recovery, JVM warm-up). */
        public static final Timing STARTUP = new Timing(10, 5, 30, 5);

        public Timing withTimeout(int seconds) {
            return new Timing(periodSeconds, seconds, failureThreshold, initialDelaySeconds);
        }
    }

    public static ProbeArgs http(String path, int port, Timing timing) {
        return timed(ProbeArgs.builder().httpGet(HTTPGetActionArgs.builder().path(path).port(Either.ofLeft(port)).build()), timing);
    }

    public static ProbeArgs tcp(int port, Timing timing) {
        return timed(ProbeArgs.builder().tcpSocket(TCPSocketActionArgs.builder().port(Either.ofLeft(port)).build()), timing);
    }

    public static ProbeArgs exec(List<String> command, Timing timing) {
        return timed(ProbeArgs.builder().exec(ExecActionArgs.builder().command(command).build()), timing);
    }

    /** A shell one-liner, for checks that read the container's environment. */
    public static ProbeArgs shell(String script, Timing timing) {
        return exec(List.of("sh", "-c", script), timing);
    }

    /**
     * For a process that serves no port: passes while a process whose command line starts with
     * {@code commandPrefix} runs and is neither a zombie nor stopped. It fails when that process is
     * gone while the container lives on (e.g. under {@code npm start}), or hangs stopped; a busy loop
     * inside a live process is not visible from outside.
     */
    public static ProbeArgs process(String commandPrefix, Timing timing) {
        return shell(processCheck(commandPrefix), timing);
    }

    /** The script of {@link #process}: the probe's own shell never matches, its command line starts with {@code sh}. */
    public static String processCheck(String commandPrefix) {
        if (!PROCESS_PREFIX.matcher(commandPrefix).matches() || commandPrefix.startsWith("sh")) {
            throw new IllegalArgumentException("a process probe needs a plain command prefix such as 'node dist/server.js', got " + commandPrefix);
        }
        return "for p in /proc/[0-9]*; do "
                + "c=$(tr '\\0' ' ' 2>/dev/null < \"$p/cmdline\") || continue; "
                + "case \"$c\" in \"" + commandPrefix + "\"*) "
                + "s=$(sed 's/^.*) //' \"$p/stat\" 2>/dev/null | cut -c1); "
                + "case \"$s\" in Z|T|X|'') ;; *) exit 0 ;; esac ;; esac; "
                + "done; exit 1";
    }

    private static final java.util.regex.Pattern PROCESS_PREFIX = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./_-]*");

    private static ProbeArgs timed(ProbeArgs.Builder probe, Timing timing) {
        return probe.periodSeconds(timing.periodSeconds())
                .timeoutSeconds(timing.timeoutSeconds())
                .failureThreshold(timing.failureThreshold())
                .initialDelaySeconds(timing.initialDelaySeconds())
                .build();
    }
}
