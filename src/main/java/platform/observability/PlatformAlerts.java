package platform.observability;

import platform.config.ObservabilitySettings.Thresholds;
import platform.observability.AlertRule.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's alerts, generated per stack: backups and restore checks (every system's, found by
 * the names every backup CronJob has), crash loops, missing replicas, full volumes, expiring
 * certificates, the gateway's 5xx share, and each autoscaling node pool at its maximum with pods
 * pending. Metrics come from kube-state-metrics, the kubelets, cert-manager and Envoy.
 */
public final class PlatformAlerts {
    /**
     * Every datastore's dump job is {@code <kind>-backup} ({@code pg-backup}, {@code mongo-backup}); a
     * PostgreSQL with point-in-time recovery adds its nightly base backup, {@code pg-basebackup}.
     */
    public static final String BACKUP_JOBS = ".+-backup|pg-basebackup";
    /** ... and their weekly checks: {@code <kind>-restore-check}, and the WAL replay check {@code pg-pitr-check}. */
    public static final String RESTORE_CHECK_JOBS = ".+-restore-check|pg-pitr-check";
    /** A restore check runs weekly: one missed run plus a day is too long. */
    static final int RESTORE_CHECK_MAX_AGE_DAYS = 8;
    /** The node label DOKS gives each node: its pool's name (kube-state-metrics exports it, see its values). */
    public static final String NODE_POOL_LABEL = "doks.digitalocean.com/node-pool";

    /** An autoscaling pool and the most nodes it may have. */
    public record NodePool(String name, int maxNodes) {
    }

    private PlatformAlerts() {
    }

    public static List<RuleGroup> of(Thresholds thresholds, List<NodePool> pools) {
        var groups = new ArrayList<RuleGroup>();
        groups.add(new RuleGroup("backups", List.of(
                lastRunFailed("BackupFailed", BACKUP_JOBS, "backup",
                        "The newest run of a backup failed: until a run succeeds, a restore would lose the data since the last good dump."),
                AlertRule.of("BackupOverdue", """
                                time() - max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{cronjob=~"%1$s"})
                                > on (namespace, cronjob)
                                max by (namespace, cronjob) (kube_cronjob_next_schedule_time{cronjob=~"%1$s"} - kube_cronjob_status_last_schedule_time{cronjob=~"%1$s"})
                                + %2$d""".formatted(BACKUP_JOBS, thresholds.backupGraceMinutes() * 60),
                        "5m", Severity.CRITICAL,
                        "Backup {{ $labels.namespace }}/{{ $labels.cronjob }} has not succeeded within its schedule",
                        "No run succeeded within one schedule interval plus " + thresholds.backupGraceMinutes()
                                + " minutes: runs fail, hang, or are not started."),
                lastRunFailed("RestoreCheckFailed", RESTORE_CHECK_JOBS, "restore check",
                        "The newest restore check failed: the newest dump is missing, stale or does not restore."),
                AlertRule.of("RestoreCheckStale", """
                                time() - max by (namespace, cronjob) (
                                  kube_cronjob_status_last_successful_time{cronjob=~"%1$s"}
                                  or kube_cronjob_created{cronjob=~"%1$s"}
                                ) > %2$d""".formatted(RESTORE_CHECK_JOBS, RESTORE_CHECK_MAX_AGE_DAYS * 24 * 3600),
                        "30m", Severity.CRITICAL,
                        "Restore check {{ $labels.namespace }}/{{ $labels.cronjob }} has not succeeded in " + RESTORE_CHECK_MAX_AGE_DAYS + " days",
                        "Nobody knows whether the backups restore: the weekly check has not succeeded (or never ran) for "
                                + RESTORE_CHECK_MAX_AGE_DAYS + " days."))));
        groups.add(new RuleGroup("workloads", List.of(
                AlertRule.of("PodCrashLooping", """
                                max by (namespace, pod, container) (
                                  max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m])
                                ) >= 1""",
                        "15m", Severity.WARNING,
                        "{{ $labels.namespace }}/{{ $labels.pod }} container {{ $labels.container }} is crash-looping",
                        "The container has been restarting in CrashLoopBackOff for 15 minutes."),
                replicasMissing("Deployment", "deployment", "kube_deployment_status_replicas_ready", "kube_deployment_spec_replicas", ""),
                replicasMissing("StatefulSet", "statefulset", "kube_statefulset_status_replicas_ready", "kube_statefulset_replicas",
                        ": a datastore may be down"))));
        groups.add(new RuleGroup("storage", List.of(
                AlertRule.of("PersistentVolumeFilling", """
                                100 * max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_used_bytes)
                                / max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes)
                                > %d""".formatted(thresholds.volumeFullPercent()),
                        "10m", Severity.WARNING,
                        "Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} is {{ $value | humanize }}% full",
                        "The persistent volume is more than " + thresholds.volumeFullPercent() + " % full."))));
        groups.add(new RuleGroup("edge", List.of(
                AlertRule.of("CertificateExpiringSoon", """
                                min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds > 0) - time()
                                < 14 * 24 * 3600""",
                        "1h", Severity.WARNING,
                        "Certificate {{ $labels.namespace }}/{{ $labels.name }} expires within 14 days",
                        "cert-manager renews 30 days before expiry; this one has not been renewed for 16 days."),
                AlertRule.of("GatewayErrorRateHigh", """
                                sum(rate(envoy_http_downstream_rq_xx{envoy_response_code_class="5", envoy_http_conn_manager_prefix=~"https-.+"}[5m]))
                                / sum(rate(envoy_http_downstream_rq_total{envoy_http_conn_manager_prefix=~"https-.+"}[5m]))
                                * 100 > %d""".formatted(thresholds.gateway5xxPercent()),
                        "10m", Severity.CRITICAL,
                        "{{ $value | humanize }}% of the gateway's HTTPS responses are 5xx",
                        "More than " + thresholds.gateway5xxPercent() + " % of the gateway's HTTPS responses were 5xx for 10 minutes."))));
        if (!pools.isEmpty()) {
            groups.add(new RuleGroup("capacity", pools.stream().map(PlatformAlerts::poolAtMaximum).toList()));
        }
        return groups;
    }

    /**
     * The newest Job of a matching CronJob failed: its start time is the newest of the CronJob's
     * Jobs and it has the Failed condition (failed Jobs are kept, so "any failed" would fire for days).
     */
    private static AlertRule lastRunFailed(String alert, String jobs, String what, String description) {
        var startedByCronJob = """
                (kube_job_status_start_time%s)
                  * on (namespace, job_name) group_left (owner_name)
                  kube_job_owner{owner_kind="CronJob", owner_name=~"%s"}""";
        return AlertRule.of(alert, """
                        max by (namespace, owner_name) (
                          %s
                        )
                        >= on (namespace, owner_name)
                        max by (namespace, owner_name) (
                          %s
                        )""".formatted(
                        startedByCronJob.formatted(" and on (namespace, job_name) (kube_job_failed{condition=\"true\"} == 1)", jobs)
                                .replace("\n", "\n  "),
                        startedByCronJob.formatted("", jobs).replace("\n", "\n  ")),
                "5m", Severity.CRITICAL,
                "The newest " + what + " run of {{ $labels.namespace }}/{{ $labels.owner_name }} failed",
                description);
    }

    /** Fewer replicas ready than the workload asks for, for 10 minutes. */
    private static AlertRule replicasMissing(String kind, String label, String ready, String wanted, String consequence) {
        return AlertRule.of(kind + "ReplicasMissing", """
                        max by (namespace, %1$s) (%2$s)
                        < on (namespace, %1$s)
                        max by (namespace, %1$s) (%3$s)""".formatted(label, ready, wanted),
                "10m", Severity.CRITICAL,
                kind + " {{ $labels.namespace }}/{{ $labels." + label + " }} has {{ $value }} ready replicas, fewer than it wants",
                "Fewer replicas are ready than the " + kind + " asks for, for 10 minutes" + consequence + ".");
    }

    /** A pool at its maximum cannot grow: a pod that does not fit stays pending. */
    private static AlertRule poolAtMaximum(NodePool pool) {
        return new AlertRule("NodePoolAtMaximum", """
                count(kube_node_labels{%s="%s"}) >= %d
                and on ()
                sum(kube_pod_status_unschedulable) > 0""".formatted(
                        kubeStateLabel(NODE_POOL_LABEL), pool.name(), pool.maxNodes()),
                "15m", Severity.WARNING,
                "Node pool " + pool.name() + " is at its maximum of " + pool.maxNodes() + " nodes and pods are pending",
                "The autoscaler cannot add nodes to " + pool.name() + " and pods cannot be scheduled.",
                Map.of("node_pool", pool.name()));
    }

    /** How kube-state-metrics names an allowed Kubernetes label: {@code label_} and the key with non-alphanumerics as {@code _}. */
    static String kubeStateLabel(String kubernetesLabel) {
        return "label_" + kubernetesLabel.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
