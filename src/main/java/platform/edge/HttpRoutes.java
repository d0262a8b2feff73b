package platform.edge;

import com.pulumi.resources.CustomResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.CustomObject;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link Route} into an HTTPRoute, plus Envoy Gateway's body limit and fixed-response filters. */
final class HttpRoutes {
    private HttpRoutes() {
    }

    static CustomObject create(Route route, NamespaceRef namespace, AppLabels labels, GatewayRef gateway,
                               CustomResourceOptions options) {
        for (var host : route.hosts()) {
            if (!gateway.serves(host)) {
                throw new IllegalArgumentException("route " + route.name() + " uses host " + host
                        + ", which is not a host of the gateway " + gateway.listeners().keySet());
            }
        }
        var timeout = route.timeout().toSeconds() + "s";
        var rules = new ArrayList<Map<String, Object>>();
        for (var rule : route.rules()) {
            var match = Map.of("path", Map.of("type", rule.match() == Route.Match.EXACT ? "Exact" : "PathPrefix", "value", rule.path()));
            // Gateway API allows one filter of each core type per rule: the route's headers and the rule's go together.
            var responseHeaders = new LinkedHashMap<>(route.headers());
            responseHeaders.putAll(rule.forward().responseHeaders());
            var filters = new ArrayList<Object>(List.of(responseHeaders(responseHeaders)));
            var httpRule = new java.util.LinkedHashMap<String, Object>();
            httpRule.put("matches", List.of(match));
            if (rule.response().isPresent()) {
                var filter = route.name() + "-" + slug(rule.path());
                EnvoyPolicies.directResponse(filter, namespace, rule.response().get(), labels, options);
                filters.add(EnvoyPolicies.extensionRef(filter));
            } else {
                var backend = rule.backend().orElseThrow();
                httpRule.put("backendRefs", List.of(Map.of("name", backend.service(), "port", backend.port())));
                httpRule.put("timeouts", Map.of("request", timeout, "backendRequest", timeout));
                route.sessionAffinity().ifPresent(affinity -> httpRule.put("sessionPersistence", sessionPersistence(affinity)));
                filters.addAll(requestFilters(rule.forward()));
            }
            httpRule.put("filters", filters);
            rules.add(httpRule);
        }
        route.maxBody().ifPresent(size -> EnvoyPolicies.bodyLimit(route.name(), namespace, size, labels, options));
        if (!route.websockets().isEmpty()) {
            websockets(route, namespace, labels, gateway, options);
        }
        return httpRoute(route.name(), route, namespace, labels, gateway, rules, options);
    }

    /**
     * The route's WebSocket upgrades, on an HTTPRoute of their own that no body limit targets: Envoy's
     * request buffering waits for the end of a request, which an upgraded connection never sends.
     * The {@code Upgrade} header match outranks the main route's equal path prefix (Gateway API
     * precedence: more header matches win), so plain requests on the path keep the main route's rules.
     * Envoy Gateway allows WebSocket upgrades on every route; the timeout bounds the handshake only.
     */
    private static CustomObject websockets(Route route, NamespaceRef namespace, AppLabels labels, GatewayRef gateway,
                                           CustomResourceOptions options) {
        var timeout = route.timeout().toSeconds() + "s";
        var rules = new ArrayList<Map<String, Object>>();
        for (var upgrade : route.websockets()) {
            var backend = upgrade.backend().orElseThrow();
            var httpRule = new java.util.LinkedHashMap<String, Object>();
            httpRule.put("matches", List.of(Map.of(
                    "path", Map.of("type", "PathPrefix", "value", upgrade.path()),
                    "headers", List.of(Map.of("type", "Exact", "name", "Upgrade", "value", "websocket")))));
            httpRule.put("backendRefs", List.of(Map.of("name", backend.service(), "port", backend.port())));
            httpRule.put("timeouts", Map.of("request", timeout));
            httpRule.put("filters", List.of(responseHeaders(route.headers())));
            rules.add(httpRule);
        }
        return httpRoute(route.name() + "-websocket", route, namespace, labels, gateway, rules, options);
    }

    private static CustomObject httpRoute(String name, Route route, NamespaceRef namespace, AppLabels labels, GatewayRef gateway,
                                          List<Map<String, Object>> rules, CustomResourceOptions options) {
        var spec = Map.<String, Object>of(
                "parentRefs", route.hosts().stream().map(host -> gateway.parentRef(gateway.listeners().get(host).name())).toList(),
                "hostnames", route.hosts(),
                "rules", rules);
        return new CustomObject(namespace.name() + "-" + name, new CustomObject.Args(ApiGroups.GATEWAY_API, "HTTPRoute",
                Meta.of(name, namespace, labels), spec), options);
    }

    /** A permanent cookie, so that its Max-Age is the TTL (Envoy Gateway sets one only for this lifetime type). */
    static Map<String, Object> sessionPersistence(SessionAffinity affinity) {
        return Map.of(
                "type", "Cookie",
                "sessionName", affinity.cookieName(),
                "absoluteTimeout", affinity.gatewayDuration(),
                "cookieConfig", Map.of("lifetimeType", "Permanent"));
    }

    /** Gateway API's core filters for what {@link Forward} changes: the path prefix, then request headers. */
    static List<Map<String, Object>> requestFilters(Forward forward) {
        var filters = new ArrayList<Map<String, Object>>();
        forward.replacePrefixWith().ifPresent(replacement -> filters.add(Map.of("type", "URLRewrite", "urlRewrite",
                Map.of("path", Map.of("type", "ReplacePrefixMatch", "replacePrefixMatch", replacement)))));
        if (!forward.requestHeaders().isEmpty()) {
            filters.add(Map.of("type", "RequestHeaderModifier", "requestHeaderModifier", Map.of("set", headerList(forward.requestHeaders()))));
        }
        return filters;
    }

    private static Map<String, Object> responseHeaders(Map<String, String> headers) {
        return Map.of("type", "ResponseHeaderModifier", "responseHeaderModifier", Map.of("set", headerList(headers)));
    }

    private static List<Map<String, String>> headerList(Map<String, String> headers) {
        return headers.entrySet().stream().map(h -> Map.of("name", h.getKey(), "value", h.getValue())).toList();
    }

    static String slug(String path) {
        var slug = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "root" : slug;
    }
}
