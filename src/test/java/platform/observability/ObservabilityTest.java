package platform.observability;

import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.Versions;
import platform.k8s.Sha256;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** The collector, kube-state-metrics and their wiring, as both real stacks register them. */
class ObservabilityTest {
    /** Every destination set, as an operator would for Grafana Cloud; the passwords are canaries. */
    static final String[] DESTINATIONS = {
            "platform:observability.logs.url=https://logs-prod-006.grafana.net/loki/api/v1/push",
            "platform:observability.logs.username=1234567",
            "!platform:observabilityLogsPassword=canary-logs-token",
            "platform:observability.metrics.url=https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push",
            "platform:observability.metrics.username=2345678",
            "!platform:observabilityMetricsPassword=canary-metrics-token",
            "platform:observability.traces.url=https://otlp-gateway-prod-us-east-0.grafana.net/otlp",
            "platform:observability.traces.username=3456789",
            "!platform:observabilityTracesPassword=canary-traces-token",
            "platform:observability.rules.url=https://prometheus-prod-13-prod-us-east-0.grafana.net",
            "platform:observability.rules.username=2345678",
            "platform:observability.rules.prometheusHttpPrefix=/api/prom",
            "!platform:observabilityRulesPassword=canary-rules-token"};
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");
    private static final ProgramRun.Result SHIPPING = Stacks.run("prod", DESTINATIONS);

    private static RegisteredResource release(ProgramRun.Result result, String name) {
        return Stacks.only(result, "kubernetes:helm.sh/v3:Release", name);
    }

    private static String config(ProgramRun.Result result) {
        return Stacks.object(result, "ConfigMap", Observability.NAMESPACE, "alloy-config").input("data").map(Stacks::map)
                .orElseThrow().get("config.alloy").toString();
    }

    @Test
    void theReleasesArePinnedChartsFromTheirOfficialRepositories() {
        for (var result : List.of(PROD, DEV)) {
            assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
            var alloy = release(result, "alloy");
            assertThat(alloy.inputs()).containsEntry("chart", "alloy").containsEntry("version", Versions.ALLOY_CHART)
                    .containsEntry("namespace", "observability");
            assertThat(alloy.input("repositoryOpts.repo")).contains("https://grafana.github.io/helm-charts");
            var ksm = release(result, "kube-state-metrics");
            assertThat(ksm.inputs()).containsEntry("chart", "kube-state-metrics").containsEntry("version", Versions.KUBE_STATE_METRICS_CHART)
                    .containsEntry("namespace", "observability");
            assertThat(ksm.input("repositoryOpts.repo")).contains("https://prometheus-community.github.io/helm-charts");
            var crds = release(result, "prometheus-operator-crds");
            assertThat(crds.inputs()).containsEntry("version", Versions.PROMETHEUS_OPERATOR_CRDS_CHART);
            assertThat(crds.input("values.crds.prometheusrules.enabled")).contains(true);
            assertThat(crds.input("values.crds.servicemonitors.enabled")).contains(false);
            assertThat(alloy.options().dependsOn()).contains("kubernetes:core/v1:ConfigMap::observability-alloy-config",
                    "kubernetes:helm.sh/v3:Release::prometheus-operator-crds");
        }
        assertThat(Versions.ALLOY_CHART).isEqualTo("1.11.1");
        assertThat(Versions.KUBE_STATE_METRICS_CHART).isEqualTo("8.4.0");
        assertThat(Versions.PROMETHEUS_OPERATOR_CRDS_CHART).isEqualTo("31.0.1");
    }

    @Test
    void alloyRunsAsOneDeploymentReadingTheGeneratedConfig() {
        var values = release(PROD, "alloy");
        assertThat(values.input("values.controller.type")).contains("deployment");
        assertThat(values.input("values.controller.replicas")).contains(1L);
        assertThat(values.input("values.alloy.configMap")).contains(Map.of("create", false, "name", "alloy-config", "key", "config.alloy"));
        assertThat(values.input("values.alloy.mounts.varlog")).contains(false);
        assertThat(values.input("values.alloy.enableReporting")).contains(false);
        assertThat(values.input("values.crds.create")).contains(false);
        assertThat(values.input("values.controller.podAnnotations.checksum/config")).contains(Sha256.hex(config(PROD)));
        var ports = list(values.input("values.alloy.extraPorts").orElseThrow()).stream().map(Stacks::map).toList();
        assertThat(ports).extracting(p -> p.get("name"), p -> p.get("port"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("otlp-grpc", 4317L), org.assertj.core.groups.Tuple.tuple("otlp-http", 4318L));
        assertThat(Observability.OTLP_HTTP_ENDPOINT).isEqualTo("http://alloy.observability.svc:4318");
    }

    /** The charts' pods are not registered objects, so the baseline is checked on the values that shape them. */
    @Test
    void theCollectorsPodMeetsTheBaselineThroughItsValues() {
        var values = release(PROD, "alloy");
        var pod = map(values.input("values.global.podSecurityContext").orElseThrow());
        assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 473L).containsEntry("fsGroup", 473L)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertContainerBaseline(map(values.input("values.alloy.securityContext").orElseThrow()), 473L);
        assertResources(map(values.input("values.alloy.resources").orElseThrow()));
        assertThat(values.input("values.alloy.livenessProbe.httpGet.port")).contains(12345L);
        assertThat(values.input("values.alloy.listenPort")).contains(12345L);
        // the reloader sidecar would be a second container to harden: off, the checksum rolls the pod instead
        assertThat(values.input("values.configReloader.enabled")).contains(false);
        var mounts = list(values.input("values.alloy.mounts.extra").orElseThrow()).stream().map(Stacks::map).toList();
        var volumes = list(values.input("values.controller.volumes.extra").orElseThrow()).stream().map(Stacks::map).toList();
        assertThat(mounts).extracting(m -> m.get("mountPath")).contains("/tmp", values.input("values.alloy.storagePath").orElseThrow());
        assertThat(volumes).filteredOn(v -> v.containsKey("emptyDir")).extracting(v -> v.get("name")).containsExactly("storage", "tmp");
        // it calls the Kubernetes API (discovery, logs, rules), so it keeps its token: a named exception
        assertThat(values.input("values.serviceAccount.automountServiceAccountToken")).contains(true);
        assertThat(Baseline.API_CALLERS).contains("observability/alloy");
    }

    @Test
    void theCollectorMayReadOnlyWhatItsPipelineNeeds() {
        var values = release(PROD, "alloy");
        var rules = new java.util.ArrayList<Object>(list(values.input("values.rbac.rules").orElseThrow()));
        rules.addAll(list(values.input("values.rbac.clusterRules").orElseThrow()));
        var resources = rules.stream().flatMap(rule -> list(map(rule).get("resources")).stream()).toList();
        assertThat(resources).containsExactlyInAnyOrder("pods", "pods/log", "namespaces", "prometheusrules", "nodes", "nodes/metrics");
        assertThat(resources).doesNotContain("secrets", "configmaps", "nodes/proxy");
    }

    @Test
    void kubeStateMetricsIsHardenedAndExportsThePoolLabel() {
        var values = release(PROD, "kube-state-metrics");
        var pod = map(values.input("values.securityContext").orElseThrow());
        assertThat(pod).containsEntry("enabled", true).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 65534L)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertContainerBaseline(map(values.input("values.containerSecurityContext").orElseThrow()), 65534L);
        assertResources(map(values.input("values.resources").orElseThrow()));
        assertThat(values.input("values.metricLabelsAllowlist")).contains(List.of("nodes=[doks.digitalocean.com/node-pool]"));
        var collectors = list(values.input("values.collectors").orElseThrow());
        assertThat(collectors).contains("cronjobs", "jobs", "pods", "deployments", "statefulsets", "nodes", "persistentvolumeclaims")
                .doesNotContain("secrets", "configmaps");
        assertThat(values.input("values.automountServiceAccountToken")).contains(true);
        assertThat(Baseline.API_CALLERS).contains("observability/kube-state-metrics");
        assertThat(values.input("values.service.port")).contains(8080L);
        assertThat(config(SHIPPING)).contains("__address__ = \"kube-state-metrics.observability.svc:8080\"");
    }

    @Test
    void podLogsAreShippedWithTheirLabelsAndTheStackAsEnv() {
        var config = config(SHIPPING);
        assertThat(config).contains("loki.source.kubernetes \"pods\" {\n  targets = discovery.relabel.pod_logs.output\n"
                + "  forward_to = [loki.write.logs.receiver]\n}");
        var logs = section(config, "discovery.relabel \"pod_logs\"");
        assertThat(logs).contains(relabel("__meta_kubernetes_namespace", "namespace"),
                relabel("__meta_kubernetes_pod_label_app_kubernetes_io_name", "service"),
                relabel("__meta_kubernetes_pod_label_app_kubernetes_io_component", "component"));
        assertThat(section(config, "loki.write \"logs\"")).contains("url = \"https://logs-prod-006.grafana.net/loki/api/v1/push\"")
                .contains("external_labels = {\n    env = \"prod\",\n  }");
        assertThat(config(Stacks.run("dev", DESTINATIONS))).contains("env = \"dev\"");
        assertThat(config).doesNotContain("hostPath", "/var/log");
    }

    @Test
    void podsThatDeclareAMetricsPortAreScraped() {
        var config = config(SHIPPING);
        var targets = section(config, "discovery.relabel \"metrics_ports\"");
        assertThat(targets).contains("source_labels = [\"__meta_kubernetes_pod_container_port_name\"]\n    regex = \"metrics|http-metrics\"\n"
                + "    action = \"keep\"");
        assertThat(targets).contains("source_labels = [\"__meta_kubernetes_pod_annotation_prometheus_io_path\"]\n    regex = \"(.+)\"\n"
                + "    target_label = \"__metrics_path__\"");
        assertThat(section(config, "prometheus.scrape \"pods\"")).contains("targets = discovery.relabel.metrics_ports.output",
                "forward_to = [prometheus.remote_write.metrics.receiver]");
        var kubelets = section(config, "prometheus.scrape \"kubelets\"");
        assertThat(kubelets).contains("scheme = \"https\"", "forward_to = [prometheus.relabel.kubelet_volumes.receiver]");
        assertThat(section(config, "prometheus.relabel \"kubelet_volumes\"")).contains("regex = \"kubelet_volume_stats_.+\"");
        assertThat(section(config, "prometheus.remote_write \"metrics\"")).contains("env = \"prod\"");
        // every app namespace lets the collector reach its named metrics ports, and nothing else
        var policy = Stacks.object(SHIPPING, "NetworkPolicy", "bowmark", "metrics-from-collector");
        assertThat(policy.input("spec.ingress").orElseThrow().toString()).contains("port=metrics").contains("port=http-metrics")
                .contains("kubernetes.io/metadata.name=observability").contains("app.kubernetes.io/name=alloy");
    }

    @Test
    void credentialsReachTheCollectorOnlyAsSecretFiles() {
        var config = config(SHIPPING);
        for (var signal : List.of("logs", "metrics", "traces", "rules")) {
            assertThat(section(config, "local.file \"" + signal + "_password\"")).contains(
                    "filename = \"/etc/alloy-credentials/" + signal + "-password\"", "is_secret = true");
            assertThat(config).contains("password = local.file." + signal + "_password.content");
        }
        assertThat(section(config, "mimir.rules.kubernetes \"platform\"")).contains("prometheus_http_prefix = \"/api/prom\"");
        var secret = Stacks.object(SHIPPING, "Secret", Observability.NAMESPACE, "alloy-credentials");
        assertThat(map(secret.input("stringData").orElseThrow()).keySet())
                .containsExactly("logs-password", "metrics-password", "rules-password", "traces-password");
        var values = release(SHIPPING, "alloy");
        var volume = list(values.input("values.controller.volumes.extra").orElseThrow()).stream().map(Stacks::map)
                .filter(v -> "credentials".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(map(volume.get("secret"))).containsEntry("secretName", "alloy-credentials");
        // no canary anywhere but in the Secret
        for (var resource : SHIPPING.resources()) {
            if (resource.isKubernetesObject() && resource.kind().equals("Secret")) {
                continue;
            }
            assertThat(resource.inputs().toString()).as("%s %s", resource.type(), resource.name()).doesNotContain("canary-");
        }
        assertThat(SHIPPING.outputs().toString()).doesNotContain("canary-");
    }

    @Test
    void aStackWithoutDestinationsShipsNothingAndSaysSo() {
        for (var result : List.of(DEV, PROD)) {
            var config = config(result);
            assertThat(config).doesNotContain("loki.write", "prometheus.remote_write", "otelcol.exporter", "mimir.rules.kubernetes",
                    "discovery.kubernetes");
            assertThat(config).contains("otelcol.receiver.otlp \"apps\"");
            assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("Secret")
                    && r.namespace().equals(Observability.NAMESPACE))).isEmpty();
            assertThat(result.outputs().get("observability"))
                    .isEqualTo(new TreeMap<>(Map.of("logs", "nowhere", "metrics", "nowhere", "traces", "nowhere", "rules", "nowhere")));
        }
        assertThat(SHIPPING.outputs().get("observability")).isEqualTo(new TreeMap<>(Map.of(
                "logs", "https://logs-prod-006.grafana.net/loki/api/v1/push",
                "metrics", "https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push",
                "traces", "https://otlp-gateway-prod-us-east-0.grafana.net/otlp",
                "rules", "https://prometheus-prod-13-prod-us-east-0.grafana.net")));
    }

    @Test
    void withoutTheSectionNoCollectorIsInstalled() {
        var file = Stacks.load("dev");
        var config = new java.util.LinkedHashMap<>(file.engineConfig());
        assertThat(config.remove("platform:observability")).isNotNull();
        var secrets = new java.util.HashSet<>(file.secretKeys());
        for (var key : platform.config.SecretKeys.REQUIRED) {
            config.put(platform.config.StackConfig.fullKey(key), "test-value");
            secrets.add(platform.config.StackConfig.fullKey(key));
        }
        var without = ProgramRun.platform("dev", config, secrets);
        assertThat(without.succeeded()).as("%s", without.problems()).isTrue();
        assertThat(Stacks.where(without, r -> r.type().startsWith("platform:observability"))).isEmpty();
        assertThat(map(without.outputs().get("observability"))).containsEntry("logs", "nowhere");
    }

    @Test
    void tracesFromTheAppsGoToTheTracesDestinationAndOnlyAppsMaySendThem() {
        var config = config(SHIPPING);
        assertThat(section(config, "otelcol.receiver.otlp \"apps\"")).contains("endpoint = \"0.0.0.0:4317\"", "endpoint = \"0.0.0.0:4318\"",
                "traces = [otelcol.processor.batch.apps.input]");
        assertThat(section(config, "otelcol.exporter.otlphttp \"traces\"")).contains(
                "endpoint = \"https://otlp-gateway-prod-us-east-0.grafana.net/otlp\"", "auth = otelcol.auth.basic.traces.handler");
        var otlp = Stacks.object(SHIPPING, "NetworkPolicy", Observability.NAMESPACE, "otlp-from-apps");
        assertThat(otlp.input("spec.ingress").orElseThrow().toString()).contains("port=4317").contains("port=4318")
                .contains("kubernetes.io/metadata.name=bowmark");
        assertThat(Stacks.object(SHIPPING, "NetworkPolicy", Observability.NAMESPACE, "default-deny-ingress")).isNotNull();
        var namespace = Stacks.object(SHIPPING, "Namespace", "cluster", Observability.NAMESPACE);
        assertThat(map(namespace.input("metadata.labels").orElseThrow())).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    private static void assertContainerBaseline(Map<String, Object> security, long user) {
        assertThat(security).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", user)
                .containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")))
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    }

    private static void assertResources(Map<String, Object> resources) {
        assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
        assertThat(map(resources.get("limits"))).containsKey("memory");
    }

    private static String relabel(String source, String target) {
        return "source_labels = [\"" + source + "\"]\n    target_label = \"" + target + "\"";
    }

    /** One component of the configuration text, from its header to its closing brace. */
    static String section(String config, String header) {
        var start = config.indexOf("\n" + header + " {\n");
        assertThat(start).as("component %s in%n%s", header, config).isNotNegative();
        var end = config.indexOf("\n}\n", start + 1);
        return config.substring(start + 1, end + 2);
    }
}
