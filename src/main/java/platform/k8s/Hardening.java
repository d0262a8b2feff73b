package platform.k8s;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;

/**
 * The security baseline, in one place: non-root with an explicit uid, RuntimeDefault seccomp, no
 * privilege escalation, every capability dropped, read-only root filesystem. Workloads get it by
 * default; the one way out, {@link #containerWithWritableRoot(String)}, takes the reason.
 */
public final class Hardening {
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
