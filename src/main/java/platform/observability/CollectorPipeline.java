package platform.observability;

import platform.config.ObservabilitySettings;
import platform.config.ObservabilitySettings.Destination;
import platform.observability.AlloySyntax.Block;
import platform.observability.AlloySyntax.Document;
import platform.observability.AlloySyntax.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static platform.observability.AlloySyntax.list;
import static platform.observability.AlloySyntax.text;
import static platform.observability.AlloySyntax.textObject;
import static platform.observability.AlloySyntax.texts;

/**
 * The collector's configuration, generated from the stack's destinations: every pod's logs through
 * the Kubernetes API with the labels {@code namespace}, {@code service}, {@code component} (and
 * {@code env} on everything shipped); metrics from pods that declare a port named {@code metrics}
 * or {@code http-metrics}, from kube-state-metrics and from the kubelets' volume stats; OTLP from
 * the apps; and the alert rules synced to the ruler. A signal without a destination is not
 * collected. Credentials are never in this text: each is a file of the credentials Secret, read
 * with {@code local.file} as a secret.
 */
final class CollectorPipeline {
    /** Where the credentials Secret is mounted; each destination's password is the file {@code <signal>-password}. */
    static final String CREDENTIALS_DIR = "/etc/alloy-credentials";
    /** Container port names that mark a pod's Prometheus endpoint (cert-manager names its {@code http-metrics}). */
    static final List<String> METRICS_PORT_NAMES = List.of("metrics", "http-metrics");
    /** Pod label to log and metric label: the recommended labels every platform object carries. */
    static final Map<String, String> POD_LABELS = Map.of(
            "service", "app.kubernetes.io/name",
            "component", "app.kubernetes.io/component");
    /** The metrics of the kubelets' own endpoint that are shipped (disk usage of persistent volumes). */
    static final String KUBELET_METRICS = "kubelet_volume_stats_.+";
    static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

    private CollectorPipeline() {
    }

    /** The file holding a destination's password. */
    static String passwordFile(String signal) {
        return CREDENTIALS_DIR + "/" + secretKey(signal);
    }

    /** The credentials Secret's key of a destination's password. */
    static String secretKey(String signal) {
        return signal + "-password";
    }

    /**
     * @param env             the stack's name: the {@code env} label of everything shipped
     * @param kubeStateTarget {@code host:port} of kube-state-metrics' Service
     * @param ruleLabels      the labels of the PrometheusRule objects the ruler is given
     */
    static Document of(ObservabilitySettings settings, String env, String kubeStateTarget, Map<String, String> ruleLabels) {
        var config = new Document();
        var envLabel = textObject(Map.of("env", env));
        var pods = settings.logs().isPresent() || settings.metrics().isPresent()
                ? config.add("Every pod of the cluster, from the Kubernetes API.", Block.component("discovery.kubernetes", "pods").set("role", "pod"))
                : null;

        Optional<Block> logWriter = settings.logs().map(logs -> {
            var writer = config.add("Logs go to " + logs.url() + ".", Block.component("loki.write", "logs")
                    .add(endpoint(config, "logs", logs))
                    .set("external_labels", envLabel));
            var labelled = config.add("Pod logs keep namespace, service (app.kubernetes.io/name), component, pod and container.",
                    podLabels(Block.component("discovery.relabel", "pod_logs").set("targets", pods.export("targets"))));
            config.add("Tails every container's log through the Kubernetes API: no host paths, no root.",
                    Block.component("loki.source.kubernetes", "pods")
                            .set("targets", labelled.export("output"))
                            .set("forward_to", list(writer.export("receiver"))));
            return writer;
        });

        Optional<Block> metricWriter = settings.metrics().map(metrics -> {
            var writer = config.add("Metrics go to " + metrics.url() + ".", Block.component("prometheus.remote_write", "metrics")
                    .add(endpoint(config, "metrics", metrics))
                    .set("external_labels", envLabel));
            scrapePods(config, pods, writer);
            config.add("kube-state-metrics: jobs, restarts, replicas, nodes; its own labels (namespace, pod) are kept.",
                    Block.component("prometheus.scrape", "kube_state_metrics")
                            .set("targets", list(textObject(Map.of("__address__", kubeStateTarget))))
                            .set("job_name", "kube-state-metrics")
                            .set("honor_labels", true)
                            .set("forward_to", list(writer.export("receiver"))));
            scrapeKubelets(config, writer);
            return writer;
        });

        settings.rules().ifPresent(rules -> {
            var sync = Block.component("mimir.rules.kubernetes", "platform")
                    .set("address", rules.url())
                    .set("mimir_namespace_prefix", "platform-" + env);
            settings.rulerPathPrefix().ifPresent(prefix -> sync.set("prometheus_http_prefix", prefix));
            sync
                    .set("external_labels", envLabel)
                    .add(Block.block("rule_selector").set("match_labels", textObject(ruleLabels)))
                    .add(Block.block("extra_query_matchers").add(Block.block("matcher")
                            .set("name", "env").set("match_type", "=").set("value", env)));
            basicAuth(config, "rules", rules).ifPresent(sync::add);
            config.add("Loads the platform's PrometheusRule objects into the ruler at " + rules.url()
                    + "; each query sees only this stack's series.", sync);
        });

        otlp(config, settings, logWriter, metricWriter);
        return config;
    }

    /** The OTLP receiver the apps export to; each signal is accepted only when it has a destination. */
    private static void otlp(Document config, ObservabilitySettings settings, Optional<Block> logWriter, Optional<Block> metricWriter) {
        var batchOutput = Block.block("output");
        settings.traces().ifPresent(traces -> {
            var exporter = Block.component("otelcol.exporter.otlphttp", "traces");
            var client = Block.block("client").set("endpoint", traces.url());
            credential(config, "traces", traces).ifPresent(password -> {
                var auth = config.add("Basic auth of the traces destination.", Block.component("otelcol.auth.basic", "traces")
                        .add(Block.block("client_auth").set("username", traces.username().orElseThrow()).set("password", password)));
                client.set("auth", auth.export("handler"));
            });
            config.add("Traces go to " + traces.url() + " (OTLP over HTTP).", exporter.add(client));
            batchOutput.set("traces", list(exporter.export("input")));
        });
        metricWriter.ifPresent(writer -> batchOutput.set("metrics", list(config.add("OTLP metrics join the scraped ones.",
                Block.component("otelcol.exporter.prometheus", "apps").set("forward_to", list(writer.export("receiver"))))
                .export("input"))));
        logWriter.ifPresent(writer -> batchOutput.set("logs", list(config.add("OTLP logs join the pod logs.",
                Block.component("otelcol.exporter.loki", "apps").set("forward_to", list(writer.export("receiver"))))
                .export("input"))));

        var receiverOutput = Block.block("output");
        if (batchOutput.attribute("traces").isPresent() || batchOutput.attribute("metrics").isPresent()
                || batchOutput.attribute("logs").isPresent()) {
            var batch = config.add("Batches what the apps send before export.", Block.component("otelcol.processor.batch", "apps")
                    .add(batchOutput));
            for (var signal : List.of("traces", "metrics", "logs")) {
                if (batchOutput.attribute(signal).isPresent()) {
                    receiverOutput.set(signal, list(batch.export("input")));
                }
            }
        }
        config.add("OTLP from the apps (" + Observability.OTLP_HTTP_ENDPOINT + "); a signal without a destination is refused.",
                Block.component("otelcol.receiver.otlp", "apps")
                        .add(Block.block("grpc").set("endpoint", "0.0.0.0:" + Observability.OTLP_GRPC_PORT))
                        .add(Block.block("http").set("endpoint", "0.0.0.0:" + Observability.OTLP_HTTP_PORT))
                        .add(receiverOutput));
    }

    /** Pods that declare a metrics port, at the path their {@code prometheus.io/path} annotation names (Envoy's proxies). */
    private static void scrapePods(Document config, Block pods, Block writer) {
        var targets = Block.component("discovery.relabel", "metrics_ports")
                .set("targets", pods.export("targets"))
                .add(rule("keep", List.of("__meta_kubernetes_pod_container_port_name"), String.join("|", METRICS_PORT_NAMES)))
                .add(rule("drop", List.of("__meta_kubernetes_pod_phase"), "Pending|Succeeded|Failed|Unknown"))
                .add(Block.block("rule")
                        .set("source_labels", texts(List.of("__meta_kubernetes_pod_annotation_prometheus_io_path")))
                        .set("regex", "(.+)")
                        .set("target_label", "__metrics_path__"));
        config.add("Pods that declare a container port named " + String.join(" or ", METRICS_PORT_NAMES) + ".",
                podLabels(targets));
        config.add("Scrapes those ports every minute; an exporter's own labels (cert-manager's namespace) win.",
                Block.component("prometheus.scrape", "pods")
                        .set("targets", targets.export("output"))
                        .set("job_name", "pods")
                        .set("honor_labels", true)
                        .set("forward_to", list(writer.export("receiver"))));
    }

    /**
     * Each node's kubelet, directly on its port with the collector's token: its {@code /metrics}
     * needs only {@code nodes/metrics}, where the API server's node proxy would need
     * {@code nodes/proxy}, which also allows exec into every pod of the node.
     */
    private static void scrapeKubelets(Document config, Block writer) {
        var nodes = config.add("Every node, for its kubelet.", Block.component("discovery.kubernetes", "nodes").set("role", "node"));
        var kubelets = config.add("A kubelet target is labelled with its node.", Block.component("discovery.relabel", "kubelets")
                .set("targets", nodes.export("targets"))
                .add(Block.block("rule").set("source_labels", texts(List.of("__meta_kubernetes_node_name"))).set("target_label", "node")));
        var keep = config.add("Only the volume stats leave the cluster.", Block.component("prometheus.relabel", "kubelet_volumes")
                .set("forward_to", list(writer.export("receiver")))
                .add(rule("keep", List.of("__name__"), KUBELET_METRICS)));
        config.add("Kubelets serve self-signed certificates, so the server is not verified; the token is the collector's own.",
                Block.component("prometheus.scrape", "kubelets")
                        .set("targets", kubelets.export("output"))
                        .set("job_name", "kubelet")
                        .set("scheme", "https")
                        .set("bearer_token_file", SERVICE_ACCOUNT_DIR + "/token")
                        .add(Block.block("tls_config").set("insecure_skip_verify", true))
                        .set("forward_to", list(keep.export("receiver"))));
    }

    /** The labels a pod's logs and metrics keep, from the discovery's meta labels. */
    private static Block podLabels(Block relabel) {
        var copies = new LinkedHashMap<String, String>();
        copies.put("namespace", "__meta_kubernetes_namespace");
        POD_LABELS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> copies.put(label.getKey(),
                "__meta_kubernetes_pod_label_" + label.getValue().replaceAll("[^A-Za-z0-9_]", "_")));
        copies.put("pod", "__meta_kubernetes_pod_name");
        copies.put("container", "__meta_kubernetes_pod_container_name");
        copies.forEach((target, source) -> relabel.add(Block.block("rule")
                .set("source_labels", texts(List.of(source))).set("target_label", target)));
        return relabel;
    }

    private static Block rule(String action, List<String> sourceLabels, String regex) {
        return Block.block("rule").set("source_labels", texts(sourceLabels)).set("regex", regex).set("action", action);
    }

    /** An {@code endpoint} block with the destination's URL and, when it has a username, basic auth. */
    private static Block endpoint(Document config, String signal, Destination destination) {
        var endpoint = Block.block("endpoint").set("url", destination.url());
        basicAuth(config, signal, destination).ifPresent(endpoint::add);
        return endpoint;
    }

    private static Optional<Block> basicAuth(Document config, String signal, Destination destination) {
        return credential(config, signal, destination).map(password -> Block.block("basic_auth")
                .set("username", destination.username().orElseThrow()).set("password", password));
    }

    /** The destination's password as a secret read from its file, or empty when it has no username. */
    private static Optional<Value> credential(Document config, String signal, Destination destination) {
        if (destination.username().isEmpty()) {
            return Optional.empty();
        }
        var label = signal + "_password";
        var file = config.find("local.file", label).orElseGet(() -> config.add("The " + signal + " password, a file of the credentials Secret.",
                Block.component("local.file", label)
                        .set("filename", passwordFile(signal))
                        .set("is_secret", true)
                        // A Secret volume is updated by swapping a symlink, which file events can miss.
                        .set("detector", "poll")));
        return Optional.of(file.export("content"));
    }

    /** The destinations that take a username and password, by signal in name order, for the credentials Secret. */
    static SortedMap<String, Destination> destinationsWithCredentials(ObservabilitySettings settings) {
        var destinations = new TreeMap<String, Destination>();
        Map.of("logs", settings.logs(), "metrics", settings.metrics(), "traces", settings.traces(), "rules", settings.rules())
                .forEach((signal, destination) -> destination.filter(d -> d.username().isPresent())
                        .ifPresent(d -> destinations.put(signal, d)));
        return destinations;
    }
}
