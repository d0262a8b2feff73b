package platform.config;

import java.util.HashSet;
import java.util.List;

/**
 * {@code platform:edge}: the shared gateway's hosts, which Let's Encrypt issuer signs their
 * certificates, the ACME account e-mail, the DigitalOcean load balancer's name and the pinned
 * chart versions of the controllers.
 */
public record EdgeSettings(List<String> hosts, String issuer, String acmeEmail, String loadBalancerName,
                           String envoyGatewayVersion, String certManagerVersion) {
    public static final String STAGING = "letsencrypt-staging";
    public static final String PRODUCTION = "letsencrypt-production";
    /** Envoy Gateway's Helm chart (it also installs the Gateway API CRDs). */
    public static final String DEFAULT_ENVOY_GATEWAY_VERSION = platform.Versions.ENVOY_GATEWAY_CHART;
    public static final String DEFAULT_CERT_MANAGER_VERSION = platform.Versions.CERT_MANAGER_CHART;

    public EdgeSettings {
        hosts = List.copyOf(hosts);
    }

    static EdgeSettings read(ConfigNode edge, String stack) {
        var node = edge.object();
        var hostsNode = node.field("hosts");
        var hosts = hostsNode.asStringList();
        if (hosts.isEmpty()) {
            hostsNode.problem("is required, expected the list of host names the gateway serves");
        }
        var seen = new HashSet<String>();
        var items = hostsNode.items();
        for (int i = 0; i < items.size(); i++) {
            var host = items.get(i).matching(Patterns.DNS_NAME, Patterns.DNS_NAME_TEXT).orElse("");
            if (!host.isEmpty() && !seen.add(host)) {
                items.get(i).problem("got \"" + host + "\" twice, expected each host once");
            }
        }
        var version = Patterns.CHART_VERSION;
        return new EdgeSettings(hosts,
                node.field("issuer").oneOf(STAGING, List.of(STAGING, PRODUCTION)),
                node.field("acmeEmail").requireMatching(Patterns.EMAIL, Patterns.EMAIL_TEXT),
                node.field("loadBalancerName").matching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT).orElse("platform-" + stack + "-edge"),
                node.field("envoyGatewayVersion").matching(version, Patterns.CHART_VERSION_TEXT).orElse(DEFAULT_ENVOY_GATEWAY_VERSION),
                node.field("certManagerVersion").matching(version, Patterns.CHART_VERSION_TEXT).orElse(DEFAULT_CERT_MANAGER_VERSION));
    }
}
