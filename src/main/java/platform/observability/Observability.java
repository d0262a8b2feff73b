package platform.observability;

import com.pulumi.Context;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.Versions;
import platform.config.ClusterSettings;
import platform.config.ObservabilitySettings;
import platform.config.PlatformSettings;
import platform.k8s.AppLabels;
import platform.k8s.CustomObject;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;
import platform.k8s.NetworkPolicies;
import platform.k8s.Peer;
import platform.k8s.Sha256;
import platform.secrets.KubeSecrets;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Observability for the whole cluster, in namespace {@value #NAMESPACE}: Grafana Alloy collecting
 * every pod's logs and the metrics of the pods that declare a metrics port, kube-state-metrics,
 * the kubelets' volume stats, an OTLP receiver for the apps' traces, and the platform's alert
 * rules as PrometheusRule objects that Alloy loads into the metrics backend's ruler. Where each
 * signal goes comes from {@code platform:observability}; the {@code observability} stack output
 * says it, or {@code nowhere}.
 */
public final class Observability extends ComponentResource {
    public static final String NAMESPACE = "observability";
    public static final int OTLP_GRPC_PORT = 4317;
    public static final int OTLP_HTTP_PORT = 4318;
    /** What an app sets as {@code OTEL_EXPORTER_OTLP_ENDPOINT} (OTLP over HTTP; the chart names the Service after the release). */
    public static final String OTLP_HTTP_ENDPOINT = "http://" + Names.ALLOY + "." + NAMESPACE + ".svc:" + OTLP_HTTP_PORT;
    /** OTLP over gRPC, for SDKs that prefer it. */
    public static final String OTLP_GRPC_ENDPOINT = "http://" + Names.ALLOY + "." + NAMESPACE + ".svc:" + OTLP_GRPC_PORT;
    /** The stack output that says where each signal goes. */
    public static final String OUTPUT = "observability";

    /** Release, Service and object names. */
    static final class Names {
        static final String ALLOY = "alloy";
        static final String KUBE_STATE_METRICS = "kube-state-metrics";
        static final String CRDS = "prometheus-operator-crds";
        static final String CONFIG = "alloy-config";
        static final String CONFIG_KEY = "config.alloy";
        static final String CREDENTIALS = "alloy-credentials";
        static final String RULES = "platform-alerts";

        private Names() {
        }
    }

    /** The labels the charts give their pods (release name = chart name), which policies select. */
    static final Map<String, String> ALLOY_PODS = Map.of("app.kubernetes.io/name", Names.ALLOY, "app.kubernetes.io/instance", Names.ALLOY);
    static final Map<String, String> KUBE_STATE_METRICS_PODS = Map.of(
            "app.kubernetes.io/name", Names.KUBE_STATE_METRICS, "app.kubernetes.io/instance", Names.KUBE_STATE_METRICS);
    /** The labels of the PrometheusRule objects the ruler is given. */
    static final AppLabels RULE_LABELS = AppLabels.of("platform", "alert-rules", Names.RULES, "alerting");

    private final String config;

    /**
     * @param env           the stack's name, the {@code env} label of every log line and series shipped
     * @param pools         the cluster's node pools with their maximum, for the node-pool alert (none on an existing cluster)
     * @param appNamespaces every system's namespace by name: they may send OTLP, and admit the collector to their metrics ports
     */
    public Observability(String name, ObservabilitySettings settings, String env, List<PlatformAlerts.NodePool> pools,
                         Optional<String> nodePool, SortedMap<String, Output<String>> appNamespaces,
                         @Nullable ComponentResourceOptions options) {
        super("platform:observability:Observability", name, options);
        var labels = AppLabels.of("platform", "observability", NAMESPACE, "monitoring");
        var namespace = namespace(labels);
        var ref = new NamespaceRef(NAMESPACE, namespace.metadata().applyValue(meta -> meta.name().orElse(NAMESPACE)));
        var here = CustomResourceOptions.builder().parent(this).build();

        var crds = new Release(Names.CRDS, ReleaseArgs.builder()
                .name(Names.CRDS)
                .chart(CollectorCharts.CRDS_CHART)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(CollectorCharts.PROMETHEUS_COMMUNITY_REPO).build())
                .version(Versions.PROMETHEUS_OPERATOR_CRDS_CHART)
                .namespace(ref.output())
                .values(CollectorCharts.crdValues())
                .atomic(true)
                .build(), here);
        new Release(Names.KUBE_STATE_METRICS, ReleaseArgs.builder()
                .name(Names.KUBE_STATE_METRICS)
                .chart(CollectorCharts.KUBE_STATE_METRICS_CHART)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(CollectorCharts.PROMETHEUS_COMMUNITY_REPO).build())
                .version(Versions.KUBE_STATE_METRICS_CHART)
                .namespace(ref.output())
                .values(CollectorCharts.KUBE_STATE_METRICS.toValues(nodePool))
                .atomic(true)
                .build(), here);

        var rules = PlatformAlerts.of(settings.thresholds(), pools);
        var ruleObject = new CustomObject(NAMESPACE + "-" + Names.RULES, new CustomObject.Args("monitoring.coreos.com/v1", "PrometheusRule",
                Meta.of(Names.RULES, ref, RULE_LABELS), Map.of("groups", rules.stream().map(RuleGroup::toSpec).toList())),
                CustomResourceOptions.builder().parent(this).dependsOn(crds).build());

        var ruleSelector = new TreeMap<String, String>();
        ruleSelector.put("app.kubernetes.io/name", RULE_LABELS.name());
        ruleSelector.put("app.kubernetes.io/part-of", RULE_LABELS.partOf());
        config = CollectorPipeline.of(settings, env,
                Names.KUBE_STATE_METRICS + "." + NAMESPACE + ".svc:" + CollectorCharts.KUBE_STATE_METRICS_PORT, ruleSelector).render();
        var collectorLabels = AppLabels.of("platform", Names.ALLOY, Names.ALLOY, "collector");
        var configMap = new ConfigMap(NAMESPACE + "-" + Names.CONFIG, ConfigMapArgs.builder()
                .metadata(Meta.of(Names.CONFIG, ref, collectorLabels))
                .data(Map.of(Names.CONFIG_KEY, config))
                .build(), here);
        var dependencies = new ArrayList<Resource>(List.of(configMap, crds, ruleObject));
        String credentials = null;
        var withCredentials = CollectorPipeline.destinationsWithCredentials(settings);
        if (!withCredentials.isEmpty()) {
            var data = new TreeMap<String, Output<String>>();
            withCredentials.forEach((signal, destination) -> data.put(CollectorPipeline.secretKey(signal), destination.password().orElseThrow()));
            dependencies.add(KubeSecrets.create(this, Names.CREDENTIALS, ref, collectorLabels, data));
            credentials = Names.CREDENTIALS;
        }
        new Release(Names.ALLOY, ReleaseArgs.builder()
                .name(Names.ALLOY)
                .chart(CollectorCharts.ALLOY_CHART)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(CollectorCharts.GRAFANA_REPO).build())
                .version(Versions.ALLOY_CHART)
                .namespace(ref.output())
                .values(new CollectorCharts.AlloyValues(Names.CONFIG, Names.CONFIG_KEY, Sha256.hex(config), credentials,
                        CollectorCharts.ALLOY_RESOURCES).toValues(nodePool))
                .atomic(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(dependencies).build());

        policies(ref, labels, appNamespaces);
        registerOutputs(Map.of());
    }

    /**
     * Creates the collector when {@code platform:observability} is set, and exports where each
     * signal goes ({@value #OUTPUT}) either way.
     */
    public static void install(Context ctx, PlatformSettings settings, SortedMap<String, Output<String>> appNamespaces,
                               ComponentResourceOptions onCluster) {
        settings.observability().ifPresent(observability -> new Observability("observability", observability, settings.stack(),
                pools(settings.cluster()), settings.cluster().platformPool(), appNamespaces, onCluster));
        ctx.export(OUTPUT, Output.of(new TreeMap<>(settings.observability()
                .map(ObservabilitySettings::whereSignalsGo).orElseGet(ObservabilitySettings::nothingCollected))));
    }

    static List<PlatformAlerts.NodePool> pools(ClusterSettings cluster) {
        return cluster instanceof ClusterSettings.Create create
                ? create.nodePools().stream().map(pool -> new PlatformAlerts.NodePool(pool.name(), pool.maxNodes())).toList()
                : List.of();
    }

    /** The configuration the collector runs (no credentials in it). */
    public String config() {
        return config;
    }

    /** Pod Security "restricted" enforced: the two charts' pods are set to pass it. */
    private Namespace namespace(AppLabels labels) {
        var namespaceLabels = new LinkedHashMap<>(labels.all());
        namespaceLabels.put("pod-security.kubernetes.io/enforce", "restricted");
        namespaceLabels.put("pod-security.kubernetes.io/enforce-version", "latest");
        return new Namespace(NAMESPACE, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAMESPACE).labels(namespaceLabels).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /**
     * Default deny; the apps' namespaces may send OTLP to the collector; the collector may scrape
     * kube-state-metrics and itself; and in every app namespace the collector may reach the ports
     * named for metrics (and nothing else).
     */
    private void policies(NamespaceRef ref, AppLabels labels, SortedMap<String, Output<String>> appNamespaces) {
        NetworkPolicies.denyAllIngress(this, ref, labels);
        var collector = Peer.pods("the collector", ALLOY_PODS);
        NetworkPolicies.admit(this, "kube-state-metrics-from-collector", ref, labels, KUBE_STATE_METRICS_PODS,
                List.of(CollectorCharts.KUBE_STATE_METRICS_PORT, CollectorCharts.KUBE_STATE_METRICS_TELEMETRY_PORT), List.of(collector));
        NetworkPolicies.admit(this, "collector-from-itself", ref, labels, ALLOY_PODS, List.of(CollectorCharts.ALLOY_HTTP_PORT),
                List.of(collector));
        if (!appNamespaces.isEmpty()) {
            NetworkPolicies.admit(this, "otlp-from-apps", ref, labels, ALLOY_PODS, List.of(OTLP_GRPC_PORT, OTLP_HTTP_PORT),
                    appNamespaces.keySet().stream().map(app -> Peer.namespace("the pods of " + app, app, Map.of())).toList());
        }
        var policyLabels = AppLabels.of("platform", "metrics-from-collector", "metrics-from-collector", "monitoring");
        appNamespaces.forEach((app, namespace) -> new NetworkPolicy(app + "-metrics-from-collector", NetworkPolicyArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("metrics-from-collector").namespace(namespace).labels(policyLabels.all()).build())
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(NetworkPolicyPeerArgs.builder()
                                        .namespaceSelector(LabelSelectorArgs.builder().matchLabels(Map.of("kubernetes.io/metadata.name", NAMESPACE)).build())
                                        .podSelector(LabelSelectorArgs.builder().matchLabels(ALLOY_PODS).build())
                                        .build())
                                // Named ports: each pod's own port called metrics, whatever its number.
                                .ports(CollectorPipeline.METRICS_PORT_NAMES.stream().map(port -> NetworkPolicyPortArgs.builder()
                                        .protocol("TCP").port(Either.<Integer, String>ofRight(port)).build()).toList())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build()));
    }

}
