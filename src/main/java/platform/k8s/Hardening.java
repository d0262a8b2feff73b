package platform.k8s;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.SysctlArgs;

/**
 * The security baseline, in one place: non-root with an explicit uid, RuntimeDefault seccomp, no
 * privilege escalation, every capability dropped, read-only root filesystem. Workloads get it by
 * default; the one way out, {@link #containerWithWritableRoot(String)}, takes the reason.
 */
public final class Hardening {
    /** The kernel's first port a process without CAP_NET_BIND_SERVICE may bind, per network namespace. */
    public static final String UNPRIVILEGED_PORT_START = "net.ipv4.ip_unprivileged_port_start";

    private Hardening() {
    }

    public static PodSecurityContextArgs pod(RunAs runAs) {
        return PodSecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser((int) runAs.user())
                .runAsGroup((int) runAs.group())
                .fsGroup((int) runAs.group())
                .fsGroupChangePolicy("OnRootMismatch")
                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                .build();
    }

    /**
     * For a pod whose program binds {@code port} below 1024 without root: the namespaced sysctl
     * {@code net.ipv4.ip_unprivileged_port_start}, on Kubernetes' safe list since 1.22 and allowed by
     * Pod Security "restricted", opens ports from {@code port} up inside the pod's own network namespace
     * only, so no capability (NET_BIND_SERVICE) and no root is needed.
     */
    public static PodSecurityContextArgs podBindingPort(RunAs runAs, int port) {
        if (port < 1 || port >= 1024) {
            throw new IllegalArgumentException("only a port from 1 to 1023 needs the unprivileged-port sysctl, got " + port);
        }
        return PodSecurityContextArgs.builder(pod(runAs))
                .sysctls(SysctlArgs.builder().name(UNPRIVILEGED_PORT_START).value(Integer.toString(port)).build())
                .build();
    }

    public static SecurityContextArgs container() {
        return containerSecurity(true);
    }

    /** For a pod whose containers run as different users (a job's steps in different images). */
    public static SecurityContextArgs container(RunAs runAs) {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser((int) runAs.user())
                .runAsGroup((int) runAs.group())
                .allowPrivilegeEscalation(false)
                .privileged(false)
                .readOnlyRootFilesystem(true)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                .build();
    }

    /**
     * For an upstream image that must write into its own filesystem.
     *
     * @param reason why, kept next to the workload that needs it (the baseline test reads exceptions by name)
     */
    public static SecurityContextArgs containerWithWritableRoot(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a writable root filesystem needs a reason");
        }
        return containerSecurity(false);
    }

    private static SecurityContextArgs containerSecurity(boolean readOnlyRoot) {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .allowPrivilegeEscalation(false)
                .privileged(false)
                .readOnlyRootFilesystem(readOnlyRoot)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                .build();
    }
}
