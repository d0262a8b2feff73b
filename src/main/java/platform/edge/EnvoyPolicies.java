package platform.edge;

import com.pulumi.resources.CustomResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.CustomObject;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;
import platform.k8s.NodePool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Envoy Gateway's own objects: proxy settings, per-route body limits, fixed responses. */
final class EnvoyPolicies {
    private EnvoyPolicies() {
    }

    /**
     * How Envoy Gateway runs the proxies: the Service type, on DigitalOcean the load balancer's name
     * (so each stack's is recognisable in the control panel), replicas and resources.
     */
    static CustomObject proxyConfig(String name, NamespaceRef namespace, String serviceType, Optional<String> loadBalancerName,
                                    int replicas, Optional<String> pool, AppLabels labels, CustomResourceOptions options) {
        var service = new LinkedHashMap<String, Object>();
        service.put("type", serviceType);
        loadBalancerName.ifPresent(lbName -> service.put("annotations", Map.of(
                "service.beta.kubernetes.io/do-loadbalancer-name", lbName,
                "service.beta.kubernetes.io/do-loadbalancer-healthcheck-protocol", "tcp")));
        var deployment = new LinkedHashMap<String, Object>();
        deployment.put("replicas", replicas);
        deployment.put("container", Map.of("resources", Map.of(
                "requests", Map.of("cpu", "100m", "memory", "256Mi"),
                // Request buffering holds up to a route's body limit in memory.
                "limits", Map.of("memory", "1Gi"))));
        NodePool.selector(pool).ifPresent(selector -> deployment.put("pod", Map.of("nodeSelector", selector)));
        var kubernetes = Map.<String, Object>of("envoyService", service, "envoyDeployment", deployment);
        var spec = Map.<String, Object>of("provider", Map.of("type", "Kubernetes", "kubernetes", kubernetes));
        return new CustomObject(namespace.name() + "-" + name, new CustomObject.Args(ApiGroups.ENVOY_GATEWAY, "EnvoyProxy",
                Meta.of(name, namespace, labels), spec), options);
    }

    /** Requests with a larger body are answered 413 before they reach the backend. */
    static CustomObject bodyLimit(String route, NamespaceRef namespace, String maxBody, AppLabels labels, CustomResourceOptions options) {
        var spec = Map.<String, Object>of(
                "targetRefs", List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "HTTPRoute", "name", route)),
                "requestBuffer", Map.of("limit", maxBody));
        return new CustomObject(namespace.name() + "-" + route + "-body-limit", new CustomObject.Args(ApiGroups.ENVOY_GATEWAY,
                "BackendTrafficPolicy", Meta.of(route + "-body-limit", namespace, labels), spec), options);
    }

    static CustomObject directResponse(String name, NamespaceRef namespace, Route.FixedResponse response, AppLabels labels,
                                       CustomResourceOptions options) {
        var spec = Map.<String, Object>of("directResponse", Map.of(
                "statusCode", response.status(),
                "contentType", response.contentType(),
                "body", Map.of("type", "Inline", "inline", response.body())));
        return new CustomObject(namespace.name() + "-" + name, new CustomObject.Args(ApiGroups.ENVOY_GATEWAY, "HTTPRouteFilter",
                Meta.of(name, namespace, labels), spec), options);
    }

    static Map<String, Object> extensionRef(String filter) {
        return Map.of("type", "ExtensionRef", "extensionRef", Map.of("group", "gateway.envoyproxy.io", "kind", "HTTPRouteFilter", "name", filter));
    }
}
