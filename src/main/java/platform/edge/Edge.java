package platform.edge;

import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.config.EdgeSettings;
import platform.config.Site;
import platform.k8s.AppLabels;
import platform.k8s.NamespaceRef;
import platform.k8s.Peer;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The way in: Gateway API on Envoy Gateway (ingress-nginx is retired), cert-manager issuing
 * Let's Encrypt certificates for the Gateway's HTTPS listeners, one shared Gateway per stack.
 * Systems publish themselves with {@link #expose}.
 */
public final class Edge extends ComponentResource {
    public static final String CONTROLLER_NAMESPACE = "envoy-gateway-system";
    public static final String CERT_MANAGER_NAMESPACE = "cert-manager";
    public static final String GATEWAY_NAMESPACE = "edge";
    static final String GATEWAY_CLASS = "envoy";
    static final String PROXY_CONFIG = "platform-proxy";

    private final GatewayRef gateway;
    private final Map<String, Site> sitesByNamespace = new LinkedHashMap<>();
    private final Set<String> grantedNamespaces = new HashSet<>();
    private final List<Resource> routeDependencies = new ArrayList<>();

    /**
     * @param sites         every system's hosts and certificates: the gateway's HTTPS listeners
     * @param proxyReplicas Envoy proxies behind the load balancer (2 in production, so one can be drained)
     */
    public Edge(String name, EdgeSettings settings, List<Site> sites, int proxyReplicas, @Nullable ComponentResourceOptions options) {
        super("platform:edge:Edge", name, options);
        sites.forEach(site -> sitesByNamespace.put(site.namespace(), site));
        var labels = AppLabels.of("platform", "edge", name, "gateway");
        var controllerNamespace = ref(namespace(CONTROLLER_NAMESPACE, labels), CONTROLLER_NAMESPACE);
        var certManagerNamespace = ref(namespace(CERT_MANAGER_NAMESPACE, labels), CERT_MANAGER_NAMESPACE);
        var gatewayNamespace = namespace(GATEWAY_NAMESPACE, labels);

        var envoyGateway = new Release("envoy-gateway", ReleaseArgs.builder()
                .name("envoy-gateway")
                .chart(ControllerCharts.ENVOY_GATEWAY_CHART)
                .version(settings.envoyGatewayVersion())
                .namespace(controllerNamespace.output())
                .values(ControllerCharts.ENVOY_GATEWAY.toValues(settings.nodePool()))
                .atomic(true)
                .build(), CustomResourceOptions.builder().parent(this).build());
        var certManager = new Release("cert-manager", ReleaseArgs.builder()
                .name("cert-manager")
                .chart(ControllerCharts.CERT_MANAGER_CHART)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(ControllerCharts.CERT_MANAGER_REPO).build())
                .version(settings.certManagerVersion())
                .namespace(certManagerNamespace.output())
                .values(ControllerCharts.CERT_MANAGER.toValues(settings.nodePool()))
                .atomic(true)
                // cert-manager looks for the Gateway API CRDs (which Envoy Gateway's chart installs) when it starts.
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(envoyGateway).build());

        gateway = GatewayRef.of("platform", GATEWAY_NAMESPACE, sites);
        var afterEnvoy = CustomResourceOptions.builder().parent(this).dependsOn(envoyGateway).build();
        var afterCertManager = CustomResourceOptions.builder().parent(this).dependsOn(certManager).build();

        EnvoyPolicies.proxyConfig(PROXY_CONFIG, controllerNamespace, settings.serviceType(), settings.loadBalancerName(),
                proxyReplicas, settings.nodePool(), labels, afterEnvoy);
        Gateways.gatewayClass(GATEWAY_CLASS, PROXY_CONFIG, CONTROLLER_NAMESPACE, labels, afterEnvoy);
        Resource issuer;
        if (settings.usesAcme()) {
            var issuers = new LinkedHashMap<String, Resource>();
            for (var acme : List.of(EdgeSettings.STAGING, EdgeSettings.PRODUCTION)) {
                issuers.put(acme, ClusterIssuers.letsEncrypt(acme, settings.acmeEmail(), gateway, labels, afterCertManager));
            }
            issuer = issuers.get(settings.issuer());
        } else {
            issuer = ClusterIssuers.localCa(EdgeSettings.LOCAL_CA, CERT_MANAGER_NAMESPACE, labels, this, certManager);
        }
        for (var site : sites) {
            if (site.tls() instanceof Site.Issued issued) {
                Certificates.issued(site, issued, GATEWAY_NAMESPACE, settings.issuer(), labels,
                        CustomResourceOptions.builder().parent(this).dependsOn(issuer, gatewayNamespace).build());
            }
        }
        var gatewayObject = Gateways.gateway(gateway, GATEWAY_CLASS, labels,
                CustomResourceOptions.builder().parent(this).dependsOn(envoyGateway, certManager, gatewayNamespace).build());
        Gateways.httpsRedirect(gateway, labels, CustomResourceOptions.builder().parent(this).dependsOn(gatewayObject).build());
        routeDependencies.add(envoyGateway);
        routeDependencies.add(gatewayObject);
        registerOutputs(Map.of());
    }

    /** Controller namespaces: the charts' pods are not ours to harden, so Pod Security only warns here. */
    private Namespace namespace(String name, AppLabels labels) {
        var namespaceLabels = new LinkedHashMap<>(labels.all());
        namespaceLabels.put("pod-security.kubernetes.io/warn", "restricted");
        return new Namespace(name, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).labels(namespaceLabels).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private static NamespaceRef ref(Namespace namespace, String name) {
        return new NamespaceRef(name, namespace.metadata().applyValue(meta -> meta.name().orElse(name)));
    }

    public GatewayRef gateway() {
        return gateway;
    }

    /** The Envoy proxies: the only peer web pods admit. */
    public static Peer gatewayPeer() {
        return Peer.namespace("gateway", CONTROLLER_NAMESPACE,
                Map.of("app.kubernetes.io/component", "proxy", "app.kubernetes.io/managed-by", "envoy-gateway"));
    }

    /**
     * Publishes a route: its HTTPRoute (and body limit and fixed responses) are children of
     * {@code owner}, in the owner's namespace. A site whose certificate the operator supplies gets
     * the grant that lets the Gateway read it, with its first route.
     */
    public void expose(Resource owner, NamespaceRef namespace, AppLabels labels, Route route) {
        expose(owner, namespace, labels, route, List.of());
    }

    /**
     * Publishes a route only after {@code after}: with a workload's Deployment there, the route changes
     * only once every replica is ready (the Kubernetes provider awaits a Deployment's rollout), so a
     * backend that never becomes ready fails {@code pulumi up} before any traffic moves to it.
     */
    public void expose(Resource owner, NamespaceRef namespace, AppLabels labels, Route route, List<? extends Resource> after) {
        var dependencies = new ArrayList<Resource>(routeDependencies);
        dependencies.addAll(after);
        var options = CustomResourceOptions.builder().parent(owner).dependsOn(dependencies).build();
        var site = sitesByNamespace.get(namespace.name());
        if (site != null && site.tls() instanceof Site.Supplied supplied && grantedNamespaces.add(namespace.name())) {
            Certificates.grantSupplied(supplied, namespace, GATEWAY_NAMESPACE, labels, options);
        }
        HttpRoutes.create(route, namespace, labels, gateway, options);
    }
}
