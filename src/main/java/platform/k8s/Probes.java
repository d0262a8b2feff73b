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

    private static ProbeArgs timed(ProbeArgs.Builder probe, Timing timing) {
        return probe.periodSeconds(timing.periodSeconds())
                .timeoutSeconds(timing.timeoutSeconds())
                .failureThreshold(timing.failureThreshold())
                .initialDelaySeconds(timing.initialDelaySeconds())
                .build();
    }
}
