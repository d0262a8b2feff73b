package platform.edge;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.AppNamespace;
import platform.k8s.CustomObject;
import platform.k8s.Meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared Gateway: an HTTP listener that only redirects to HTTPS (and carries ACME challenges),
 * and one HTTPS listener per host, presenting its site's certificate. HTTPS listeners admit routes
 * only from app namespaces (by label).
 */
final class Gateways {
    private Gateways() {
    }

    static final String CONTROLLER = "gateway.envoyproxy.io/gatewayclass-controller";

    static CustomObject gatewayClass(String name, String proxyConfig, String proxyNamespace, AppLabels labels, CustomResourceOptions options) {
        var spec = Map.<String, Object>of("controllerName", CONTROLLER, "parametersRef", Map.of(
                "group", "gateway.envoyproxy.io", "kind", "EnvoyProxy", "name", proxyConfig, "namespace", proxyNamespace));
        return new CustomObject(name, new CustomObject.Args(ApiGroups.GATEWAY_API, "GatewayClass",
                Meta.clusterScoped(name, labels), spec), options);
    }

    static CustomObject gateway(GatewayRef ref, String gatewayClass, AppLabels labels, CustomResourceOptions options) {
        var listeners = new ArrayList<Map<String, Object>>();
        listeners.add(Map.of("name", GatewayRef.HTTP_LISTENER, "protocol", "HTTP", "port", 80,
                "allowedRoutes", Map.of("namespaces", Map.of("from", "Same"))));
        ref.listeners().values().forEach(listener -> listeners.add(Map.of(
                "name", listener.name(), "protocol", "HTTPS", "port", 443, "hostname", listener.host(),
                "tls", Map.of("mode", "Terminate", "certificateRefs", List.of(Map.of("kind", "Secret",
                        "name", listener.certificateSecret(), "namespace", listener.certificateNamespace()))),
                "allowedRoutes", Map.of("namespaces", Map.of("from", "Selector",
                        "selector", Map.of("matchLabels", Map.of(AppNamespace.ROUTES_LABEL, "allowed")))))));
        var metadata = ObjectMetaArgs.builder().name(ref.name()).namespace(ref.namespace()).labels(labels.all()).build();
        return new CustomObject(ref.namespace() + "-" + ref.name(), new CustomObject.Args(ApiGroups.GATEWAY_API, "Gateway", metadata,
                Map.of("gatewayClassName", gatewayClass, "listeners", listeners)), options);
    }

    /** The HTTP listener's only route: every request is redirected to HTTPS with a 301. */
    static CustomObject httpsRedirect(GatewayRef ref, AppLabels labels, CustomResourceOptions options) {
        var spec = Map.<String, Object>of(
                "parentRefs", List.of(ref.parentRef(GatewayRef.HTTP_LISTENER)),
                "rules", List.of(Map.of("filters", List.of(Map.of("type", "RequestRedirect",
                        "requestRedirect", Map.of("scheme", "https", "statusCode", 301))))));
        return new CustomObject(ref.namespace() + "-https-redirect", new CustomObject.Args(ApiGroups.GATEWAY_API, "HTTPRoute",
                ObjectMetaArgs.builder().name("https-redirect").namespace(ref.namespace()).labels(labels.all()).build(), spec), options);
    }
}
