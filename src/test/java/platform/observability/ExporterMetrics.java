package platform.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics the installed exporters really publish that the alert rules may use, each with
 * where that is documented. An alert on a metric nobody exports never fires, so a rule may only
 * name these.
 */
final class ExporterMetrics {
    private ExporterMetrics() {
    }

    private static final String KSM = "kube-state-metrics v2.20.0 docs/metrics/";
    private static final String KUBELET = "kubelet /metrics, volume stats collector (pkg/kubelet/metrics/collectors/volume_stats.go)";
    private static final String CERT_MANAGER = "cert-manager v1.21.1 controller /metrics (pkg/metrics/certificates.go)";
    private static final String ENVOY = "Envoy HTTP connection manager statistics http.<stat_prefix>.downstream_rq_*, "
            + "on Envoy Gateway v1.9.0 proxies at /stats/prometheus (stat prefix https-<port>)";

    /** Metric name to its source. */
    static final Map<String, String> KNOWN = known();

    private static Map<String, String> known() {
        var metrics = new LinkedHashMap<String, String>();
        for (var name : List.of("kube_cronjob_status_last_successful_time", "kube_cronjob_status_last_schedule_time",
                "kube_cronjob_next_schedule_time", "kube_cronjob_created")) {
            metrics.put(name, KSM + "workload/cronjob-metrics.md");
        }
        for (var name : List.of("kube_job_status_start_time", "kube_job_failed", "kube_job_owner")) {
            metrics.put(name, KSM + "workload/job-metrics.md");
        }
        for (var name : List.of("kube_pod_container_status_waiting_reason", "kube_pod_status_unschedulable")) {
            metrics.put(name, KSM + "workload/pod-metrics.md");
        }
        for (var name : List.of("kube_deployment_status_replicas_ready", "kube_deployment_spec_replicas")) {
            metrics.put(name, KSM + "workload/deployment-metrics.md");
        }
        for (var name : List.of("kube_statefulset_status_replicas_ready", "kube_statefulset_replicas")) {
            metrics.put(name, KSM + "workload/statefulset-metrics.md");
        }
        metrics.put("kube_node_labels", KSM + "cluster/node-metrics.md (labels allowed by --metric-labels-allowlist)");
        metrics.put("kubelet_volume_stats_used_bytes", KUBELET);
        metrics.put("kubelet_volume_stats_capacity_bytes", KUBELET);
        metrics.put("certmanager_certificate_expiration_timestamp_seconds", CERT_MANAGER);
        metrics.put("envoy_http_downstream_rq_xx", ENVOY + "; class label envoy_response_code_class");
        metrics.put("envoy_http_downstream_rq_total", ENVOY);
        return Map.copyOf(metrics);
    }
}
