package platform.edge;

/** The API versions of the custom objects the edge registers. */
final class ApiGroups {
    private ApiGroups() {
    }

    static final String GATEWAY_API = "gateway.networking.k8s.io/v1";
    static final String CERT_MANAGER = "cert-manager.io/v1";
    static final String ENVOY_GATEWAY = "gateway.envoyproxy.io/v1alpha1";
}
