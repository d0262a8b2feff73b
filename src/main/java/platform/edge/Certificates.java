package platform.edge;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import platform.config.Site;
import platform.k8s.AppLabels;
import platform.k8s.CustomObject;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;

import java.util.List;
import java.util.Map;

/**
 * The certificates the gateway's listeners present. An issued site gets one cert-manager
 * Certificate for all its hosts (Bow-Mark's {@code bow-mark-tls} covers its three), renewed 30 days
 * before it expires; a supplied one is the operator's Secret in the system's namespace, which the
 * Gateway may read through a ReferenceGrant there.
 */
final class Certificates {
    private Certificates() {
    }

    /** Renewal starts this long before expiry (Let's Encrypt certificates last 90 days). */
    static final String RENEW_BEFORE = "720h";

    static CustomObject issued(Site site, Site.Issued tls, String gatewayNamespace, String issuer, AppLabels labels,
                               CustomResourceOptions options) {
        var spec = Map.<String, Object>of(
                "secretName", tls.secretName(),
                "dnsNames", site.hosts(),
                "renewBefore", RENEW_BEFORE,
                "privateKey", Map.of("rotationPolicy", "Always"),
                "issuerRef", Map.of("group", "cert-manager.io", "kind", "ClusterIssuer", "name", issuer));
        return new CustomObject(gatewayNamespace + "-" + tls.secretName(), new CustomObject.Args(ApiGroups.CERT_MANAGER, "Certificate",
                ObjectMetaArgs.builder().name(tls.secretName()).namespace(gatewayNamespace)
                        .labels(labels.forInstance("certificate", tls.secretName(), "tls").all()).build(), spec), options);
    }

    /** Lets the Gateway in {@code gatewayNamespace} present the operator's Secret from the system's namespace. */
    static CustomObject grantSupplied(Site.Supplied tls, NamespaceRef namespace, String gatewayNamespace, AppLabels labels,
                                      CustomResourceOptions options) {
        var name = "gateway-reads-" + tls.secretName();
        var spec = Map.<String, Object>of(
                "from", List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "namespace", gatewayNamespace)),
                "to", List.of(Map.of("group", "", "kind", "Secret", "name", tls.secretName())));
        return new CustomObject(namespace.name() + "-" + name, new CustomObject.Args(ApiGroups.GATEWAY_API, "ReferenceGrant",
                Meta.of(name, namespace, labels), spec), options);
    }
}
