package platform.config;

import java.util.List;
import java.util.Optional;

/**
 * {@code platform:edge}: which issuer signs the sites' certificates, the ACME account e-mail, how
 * the gateway's proxies are reached (a DigitalOcean load balancer with its name, or on an existing
 * cluster the Service type from config) and the pinned chart versions of the controllers. The hosts
 * are not here: each system declares its own, and the listeners follow.
 */
public record EdgeSettings(String issuer, String acmeEmail, String serviceType, Optional<String> loadBalancerName,
                           String envoyGatewayVersion, String certManagerVersion, Optional<String> nodePool) {
    public static final String STAGING = "letsencrypt-staging";
    public static final String PRODUCTION = "letsencrypt-production";
    /** A self-signed CA inside the cluster, for a local cluster Let's Encrypt cannot reach. */
    public static final String LOCAL_CA = "local-ca";
    public static final List<String> ISSUERS = List.of(STAGING, PRODUCTION, LOCAL_CA);
    public static final List<String> SERVICE_TYPES = List.of("LoadBalancer", "NodePort", "ClusterIP");
    /** Envoy Gateway's Helm chart (it also installs the Gateway API CRDs). */
    public static final String DEFAULT_ENVOY_GATEWAY_VERSION = platform.Versions.ENVOY_GATEWAY_CHART;
    public static final String DEFAULT_CERT_MANAGER_VERSION = platform.Versions.CERT_MANAGER_CHART;

    /** On any node. */
    public EdgeSettings(String issuer, String acmeEmail, String serviceType, Optional<String> loadBalancerName,
                        String envoyGatewayVersion, String certManagerVersion) {
        this(issuer, acmeEmail, serviceType, loadBalancerName, envoyGatewayVersion, certManagerVersion, Optional.empty());
    }

    public boolean usesAcme() {
        return !issuer.equals(LOCAL_CA);
    }

    static EdgeSettings read(ConfigNode edge, String stack, ClusterSettings cluster) {
        var node = edge.object();
        var onDigitalOcean = cluster instanceof ClusterSettings.Create;
        var issuer = node.field("issuer").oneOf(STAGING, ISSUERS);
        var email = node.field("acmeEmail");
        var acmeEmail = issuer.equals(LOCAL_CA) ? email.asString("") : email.requireMatching(Patterns.EMAIL, Patterns.EMAIL_TEXT);
        var serviceType = node.field("serviceType");
        var lbName = node.field("loadBalancerName");
        if (onDigitalOcean) {
            serviceType.notApplicable();
        } else {
            lbName.notApplicable();
        }
        var version = Patterns.CHART_VERSION;
        return new EdgeSettings(issuer, acmeEmail,
                onDigitalOcean ? "LoadBalancer" : serviceType.oneOf("LoadBalancer", SERVICE_TYPES),
                onDigitalOcean ? Optional.of(lbName.matching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT).orElse("platform-" + stack + "-edge"))
                        : Optional.empty(),
                node.field("envoyGatewayVersion").matching(version, Patterns.CHART_VERSION_TEXT).orElse(DEFAULT_ENVOY_GATEWAY_VERSION),
                node.field("certManagerVersion").matching(version, Patterns.CHART_VERSION_TEXT).orElse(DEFAULT_CERT_MANAGER_VERSION),
                cluster.platformPool());
    }
}
