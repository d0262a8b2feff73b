package platform.observability;

import platform.k8s.ComputeResources;
import platform.k8s.NodePool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Helm values of the collector (Grafana Alloy), kube-state-metrics and the PrometheusRule CRD,
 * typed: what the platform sets and why, in one place. Each pod is set to pass Pod Security
 * "restricted" and the baseline (non-root with the image's uid, read-only root, every capability
 * dropped, RuntimeDefault seccomp, resources, probes), because the charts' defaults leave
 * securityContext empty.
 */
final class CollectorCharts {
    private CollectorCharts() {
    }

    static final String GRAFANA_REPO = "https://grafana.github.io/helm-charts";
    static final String ALLOY_CHART = "alloy";
    static final String PROMETHEUS_COMMUNITY_REPO = "https://prometheus-community.github.io/helm-charts";
    static final String KUBE_STATE_METRICS_CHART = "kube-state-metrics";
    static final String CRDS_CHART = "prometheus-operator-crds";

    /** The uid and gid the grafana/alloy image creates for Alloy. */
    static final int ALLOY_USER = 473;
    /** kube-state-metrics' image runs as nobody. */
    static final int KUBE_STATE_METRICS_USER = 65534;
    static final int ALLOY_HTTP_PORT = 12345;
    static final int KUBE_STATE_METRICS_PORT = 8080;
    /** kube-state-metrics' own telemetry, on the port the chart names {@code metrics}. */
    static final int KUBE_STATE_METRICS_TELEMETRY_PORT = 8081;
    static final String STORAGE_PATH = "/var/lib/alloy/data";


    /** A container's security context at the baseline, running as {@code user}. */
    static Map<String, Object> containerSecurity(int user) {
        var security = new LinkedHashMap<String, Object>();
        security.put("runAsNonRoot", true);
        security.put("runAsUser", user);
        security.put("runAsGroup", user);
        security.put("allowPrivilegeEscalation", false);
        security.put("privileged", false);
        security.put("readOnlyRootFilesystem", true);
        security.put("capabilities", Map.of("drop", List.of("ALL")));
        security.put("seccompProfile", Map.of("type", "RuntimeDefault"));
        return security;
    }

    static Map<String, Object> podSecurity(int user) {
        var security = new LinkedHashMap<String, Object>();
        security.put("runAsNonRoot", true);
        security.put("runAsUser", user);
        security.put("runAsGroup", user);
        security.put("fsGroup", user);
        security.put("seccompProfile", Map.of("type", "RuntimeDefault"));
        return security;
    }

    /**
     * Alloy as one Deployment replica (it tails logs through the API, so it needs no DaemonSet and
     * no host paths), reading the ConfigMap the program writes; the config reloader sidecar is off
     * and a config change rolls the pod through {@code checksum/config} instead, so there is no
     * second image to pin and harden. Its RBAC is cut to what the pipeline reads: the chart's
     * default would let it read every Secret of the cluster.
     *
     * @param configMap      the ConfigMap with the configuration under {@code configKey}
     * @param configChecksum sha256 of the configuration
     * @param credentials    the Secret with the destinations' passwords, mounted at {@link CollectorPipeline#CREDENTIALS_DIR}; null: none
     */
    record AlloyValues(String configMap, String configKey, String configChecksum, String credentials, ComputeResources resources) {
        Map<String, Object> toValues(Optional<String> nodePool) {
            var volumes = new java.util.ArrayList<Map<String, Object>>();
            var mounts = new java.util.ArrayList<Map<String, Object>>();
            volumes.add(Map.of("name", "storage", "emptyDir", Map.of("sizeLimit", "2Gi")));
            mounts.add(Map.of("name", "storage", "mountPath", STORAGE_PATH));
            volumes.add(Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "64Mi")));
            mounts.add(Map.of("name", "tmp", "mountPath", "/tmp"));
            if (credentials != null) {
                volumes.add(Map.of("name", "credentials", "secret", Map.of("secretName", credentials, "defaultMode", 0440)));
                mounts.add(Map.of("name", "credentials", "mountPath", CollectorPipeline.CREDENTIALS_DIR, "readOnly", true));
            }
            var alloy = new LinkedHashMap<String, Object>();
            alloy.put("configMap", Map.of("create", false, "name", configMap, "key", configKey));
            alloy.put("stabilityLevel", "generally-available");
            alloy.put("storagePath", STORAGE_PATH);
            alloy.put("listenPort", ALLOY_HTTP_PORT);
            alloy.put("enableReporting", false);
            alloy.put("extraPorts", List.of(
                    port("otlp-grpc", Observability.OTLP_GRPC_PORT),
                    port("otlp-http", Observability.OTLP_HTTP_PORT)));
            alloy.put("mounts", Map.of("varlog", false, "dockercontainers", false, "extra", mounts));
            alloy.put("securityContext", containerSecurity(ALLOY_USER));
            alloy.put("resources", resources.toHelmValues());
            // /-/healthy fails while a destination is down; restarting would not help, so liveness asks /-/ready.
            alloy.put("livenessProbe", Map.of("httpGet", Map.of("path", "/-/ready", "port", ALLOY_HTTP_PORT),
                    "initialDelaySeconds", 30, "periodSeconds", 30, "failureThreshold", 5));

            var values = new LinkedHashMap<String, Object>();
            values.put("crds", Map.of("create", false));
            values.put("global", Map.of("podSecurityContext", podSecurity(ALLOY_USER)));
            values.put("alloy", alloy);
            values.put("configReloader", Map.of("enabled", false));
            var controller = new LinkedHashMap<String, Object>();
            controller.put("type", "deployment");
            controller.put("replicas", 1);
            controller.put("podAnnotations", Map.of("checksum/config", configChecksum));
            controller.put("volumes", Map.of("extra", volumes));
            NodePool.selector(nodePool).ifPresent(selector -> controller.put("nodeSelector", selector));
            values.put("controller", controller);
            values.put("serviceAccount", Map.of("create", true, "automountServiceAccountToken", true));
            values.put("rbac", Map.of("create", true,
                    "rules", List.of(
                            rule(List.of(""), List.of("pods", "pods/log", "namespaces"), List.of("get", "list", "watch")),
                            rule(List.of("monitoring.coreos.com"), List.of("prometheusrules"), List.of("get", "list", "watch"))),
                    "clusterRules", List.of(
                            rule(List.of(""), List.of("nodes"), List.of("get", "list", "watch")),
                            rule(List.of(""), List.of("nodes/metrics"), List.of("get")))));
            values.put("service", Map.of("enabled", true, "type", "ClusterIP"));
            return values;
        }

        private static Map<String, Object> port(String name, int port) {
            return Map.of("name", name, "port", port, "targetPort", port, "protocol", "TCP");
        }

        private static Map<String, Object> rule(List<String> groups, List<String> resources, List<String> verbs) {
            return Map.of("apiGroups", groups, "resources", resources, "verbs", verbs);
        }
    }

    /**
     * kube-state-metrics with only the collectors the alerts and dashboards read (not Secrets or
     * ConfigMaps, whose RBAC would let it read every Secret), and the nodes' pool label exported
     * for the node-pool alert.
     */
    record KubeStateMetricsValues(List<String> collectors, List<String> nodeLabels, ComputeResources resources) {
        Map<String, Object> toValues(Optional<String> nodePool) {
            var values = new LinkedHashMap<String, Object>();
            values.put("replicas", 1);
            values.put("prometheusScrape", false);
            values.put("collectors", collectors);
            values.put("metricLabelsAllowlist", List.of("nodes=[" + String.join(",", nodeLabels) + "]"));
            var pod = new LinkedHashMap<String, Object>(podSecurity(KUBE_STATE_METRICS_USER));
            pod.put("enabled", true);
            values.put("securityContext", pod);
            values.put("containerSecurityContext", containerSecurity(KUBE_STATE_METRICS_USER));
            values.put("resources", resources.toHelmValues());
            values.put("automountServiceAccountToken", true);
            values.put("service", Map.of("port", KUBE_STATE_METRICS_PORT, "type", "ClusterIP"));
            NodePool.selector(nodePool).ifPresent(selector -> values.put("nodeSelector", selector));
            return values;
        }
    }

    /** prometheus-operator's CRDs, of which the platform needs only PrometheusRule (no operator runs). */
    static Map<String, Object> crdValues() {
        var crds = new LinkedHashMap<String, Object>();
        for (var crd : List.of("alertmanagerconfigs", "alertmanagers", "podmonitors", "probes", "prometheusagents", "prometheuses",
                "scrapeconfigs", "servicemonitors", "thanosrulers")) {
            crds.put(crd, Map.of("enabled", false));
        }
        crds.put("prometheusrules", Map.of("enabled", true));
        return Map.of("crds", crds);
    }

    static final ComputeResources ALLOY_RESOURCES = new ComputeResources("100m", "256Mi", "1Gi");
    static final KubeStateMetricsValues KUBE_STATE_METRICS = new KubeStateMetricsValues(
            List.of("cronjobs", "daemonsets", "deployments", "horizontalpodautoscalers", "jobs", "namespaces", "nodes",
                    "persistentvolumeclaims", "persistentvolumes", "poddisruptionbudgets", "pods", "replicasets", "services",
                    "statefulsets"),
            List.of(PlatformAlerts.NODE_POOL_LABEL),
            new ComputeResources("10m", "64Mi", "256Mi"));
}
