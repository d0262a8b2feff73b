package platform.edge;

import com.pulumi.resources.CustomResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.CustomObject;
import platform.k8s.Meta;

import java.util.List;
import java.util.Map;

/**
 * cert-manager ClusterIssuers for Let's Encrypt, solving HTTP-01 challenges through the shared
 * Gateway's HTTP listener (cert-manager adds a temporary HTTPRoute there for each challenge).
 */
final class ClusterIssuers {
    private ClusterIssuers() {
    }

    static final Map<String, String> ACME_SERVERS = Map.of(
            "letsencrypt-staging", "https://acme-staging-v02.api.letsencrypt.org/directory",
            "letsencrypt-production", "https://acme-v02.api.letsencrypt.org/directory");

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
}
