package platform.edge;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.k8s.AppLabels;
import platform.k8s.CustomObject;
import platform.k8s.Meta;

import java.util.List;
import java.util.Map;

/**
 * cert-manager ClusterIssuers: Let's Encrypt, solving HTTP-01 challenges through the shared
 * Gateway's HTTP listener (cert-manager adds a temporary HTTPRoute there for each challenge); or,
 * on a local cluster Let's Encrypt cannot reach, a CA made inside the cluster.
 */
final class ClusterIssuers {
    private ClusterIssuers() {
    }

    static final Map<String, String> ACME_SERVERS = Map.of(
            "letsencrypt-staging", "https://acme-staging-v02.api.letsencrypt.org/directory",
            "letsencrypt-production", "https://acme-v02.api.letsencrypt.org/directory");
    static final String SELF_SIGNED = "selfsigned-bootstrap";
    static final String LOCAL_CA_SECRET = "platform-local-ca";

    static CustomObject letsEncrypt(String issuer, String email, GatewayRef gateway, AppLabels labels, CustomResourceOptions options) {
        var solver = Map.<String, Object>of("http01", Map.of("gatewayHTTPRoute", Map.of(
                "parentRefs", List.of(gateway.parentRef(GatewayRef.HTTP_LISTENER)))));
        var spec = Map.<String, Object>of("acme", Map.of(
                "server", ACME_SERVERS.get(issuer),
                "email", email,
                // The ACME account key; cert-manager creates it on first use and reuses it.
                "privateKeySecretRef", Map.of("name", issuer + "-account-key"),
                "solvers", List.of(solver)));
        return new CustomObject(issuer, new CustomObject.Args(ApiGroups.CERT_MANAGER, "ClusterIssuer",
                Meta.clusterScoped(issuer, labels), spec), options);
    }

    /**
     * A CA of the cluster's own: a self-signed issuer signs the CA certificate (in cert-manager's
     * namespace, where a ClusterIssuer looks for its Secret), and the CA issuer {@code name} signs the
     * sites' certificates. Browsers warn unless the CA is trusted (see the README's kind section).
     */
    static CustomObject localCa(String name, String certManagerNamespace, AppLabels labels, Resource parent, Resource certManager) {
        var bootstrap = new CustomObject(SELF_SIGNED, new CustomObject.Args(ApiGroups.CERT_MANAGER, "ClusterIssuer",
                Meta.clusterScoped(SELF_SIGNED, labels), Map.of("selfSigned", Map.of())), after(parent, certManager));
        var caSpec = Map.<String, Object>of(
                "isCA", true,
                "commonName", "platform local CA",
                "secretName", LOCAL_CA_SECRET,
                "duration", "87600h",
                "privateKey", Map.of("algorithm", "ECDSA", "size", 256),
                "issuerRef", Map.of("group", "cert-manager.io", "kind", "ClusterIssuer", "name", SELF_SIGNED));
        var ca = new CustomObject(certManagerNamespace + "-" + LOCAL_CA_SECRET, new CustomObject.Args(ApiGroups.CERT_MANAGER, "Certificate",
                ObjectMetaArgs.builder().name(LOCAL_CA_SECRET).namespace(certManagerNamespace).labels(labels.all()).build(), caSpec),
                after(parent, bootstrap));
        return new CustomObject(name, new CustomObject.Args(ApiGroups.CERT_MANAGER, "ClusterIssuer",
                Meta.clusterScoped(name, labels), Map.of("ca", Map.of("secretName", LOCAL_CA_SECRET))), after(parent, ca));
    }

    private static CustomResourceOptions after(Resource parent, Resource dependency) {
        return CustomResourceOptions.builder().parent(parent).dependsOn(dependency).build();
    }
}
