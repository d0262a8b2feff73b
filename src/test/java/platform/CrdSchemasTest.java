package platform;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRD check can fail: misspelt, mistyped and missing fields and unknown kinds are problems. */
class CrdSchemasTest {
    private static final CrdSchemas SCHEMAS = CrdSchemas.repositoryCopy();

    private static Map<String, Object> route(Map<String, Object> spec) {
        var object = new LinkedHashMap<String, Object>();
        object.put("apiVersion", "gateway.networking.k8s.io/v1");
        object.put("kind", "HTTPRoute");
        object.put("metadata", Map.of("name", "web", "namespace", "app", "labels", Map.of("app.kubernetes.io/name", "web")));
        object.put("spec", spec);
        return object;
    }

    private static Map<String, Object> rule(Map<String, Object> backendRef) {
        return Map.of("matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/"))),
                "backendRefs", List.of(backendRef));
    }

    private static final Map<String, Object> PARENT = Map.of("name", "platform", "namespace", "edge", "sectionName", "https-www");

    @Test
    void aValidRouteHasNoProblems() {
        // Numbers arrive from the engine as doubles; an integral one is an integer.
        var route = route(Map.of("parentRefs", List.of(PARENT), "hostnames", List.of("www.example.org"),
                "rules", List.of(rule(Map.of("name", "web", "port", 3000.0)))));
        assertThat(SCHEMAS.problems(route)).isEmpty();
    }

    @Test
    void aMisspeltFieldFailsAtEveryDepth() {
        var topLevel = route(Map.of("parentRefs", List.of(PARENT)));
        topLevel.put("sepc", Map.of());
        var inSpec = route(Map.of("parentRef", List.of(PARENT)));
        var deep = route(Map.of("parentRefs", List.of(PARENT), "rules", List.of(rule(Map.of("name", "web", "prot", 3000.0)))));

        assertThat(SCHEMAS.problems(topLevel)).singleElement().asString().contains("sepc");
        assertThat(SCHEMAS.problems(inSpec)).singleElement().asString().contains("parentRef");
        assertThat(SCHEMAS.problems(deep)).anySatisfy(problem -> assertThat(problem).contains("prot"));
    }

    @Test
    void aWrongTypeOrValueFails() {
        var stringPort = route(Map.of("rules", List.of(rule(Map.of("name", "web", "port", "3000")))));
        var fractionalPort = route(Map.of("rules", List.of(rule(Map.of("name", "web", "port", 80.5)))));
        var badMatch = route(Map.of("rules", List.of(Map.of("matches", List.of(Map.of("path", Map.of("type", "Prefix", "value", "/")))))));

        assertThat(SCHEMAS.problems(stringPort)).anySatisfy(problem -> assertThat(problem).contains("port"));
        assertThat(SCHEMAS.problems(fractionalPort)).anySatisfy(problem -> assertThat(problem).contains("port"));
        assertThat(SCHEMAS.problems(badMatch)).anySatisfy(problem -> assertThat(problem).contains("Prefix"));
    }

    @Test
    void metadataNeedsANameAndKnownFields() {
        var nameless = route(Map.of());
        nameless.put("metadata", Map.of("namespace", "app"));
        var misspelt = route(Map.of());
        misspelt.put("metadata", Map.of("name", "web", "namesapce", "app"));
        var badName = route(Map.of());
        badName.put("metadata", Map.of("name", "Web_1"));

        assertThat(SCHEMAS.problems(nameless)).singleElement().asString().contains("name");
        assertThat(SCHEMAS.problems(misspelt)).singleElement().asString().contains("namesapce");
        assertThat(SCHEMAS.problems(badName)).singleElement().asString().contains("/metadata/name");
    }

    @Test
    void aKindWithoutASchemaIsAProblemNotAPass() {
        var rule = new LinkedHashMap<String, Object>(Map.of("apiVersion", "monitoring.coreos.com/v1", "kind", "PrometheusRule",
                "metadata", Map.of("name", "alerts"), "spec", Map.of()));
        var oldVersion = route(Map.of());
        oldVersion.put("apiVersion", "gateway.networking.k8s.io/v1alpha2");

        assertThat(SCHEMAS.problems(rule)).singleElement().asString().contains("no CRD schema for monitoring.coreos.com/v1 PrometheusRule");
        assertThat(SCHEMAS.problems(oldVersion)).singleElement().asString().contains("no CRD schema for gateway.networking.k8s.io/v1alpha2 HTTPRoute");
    }

    @Test
    void mapsAndPreservedFieldsStayOpen() {
        // EnvoyProxy: envoyService.annotations is a map; patches under envoyDeployment.patch.value preserve unknown fields.
        var kubernetes = Map.<String, Object>of(
                "envoyService", Map.of("annotations", Map.of("any-annotation.example.org/name", "x")),
                "envoyDeployment", Map.of("patch", Map.of("type", "StrategicMerge", "value", Map.of("spec", Map.of("anything", 1.0)))));
        var proxy = new LinkedHashMap<String, Object>(Map.of("apiVersion", "gateway.envoyproxy.io/v1alpha1", "kind", "EnvoyProxy",
                "metadata", Map.of("name", "proxy", "namespace", "envoy-gateway-system"),
                "spec", Map.of("provider", Map.of("type", "Kubernetes", "kubernetes", kubernetes))));
        assertThat(SCHEMAS.problems(proxy)).isEmpty();
    }

    @Test
    void branchesOfOneOfAreNotClosed() {
        // Gateway addresses: each oneOf branch lists only the fields it constrains.
        var gateway = new LinkedHashMap<String, Object>(Map.of("apiVersion", "gateway.networking.k8s.io/v1", "kind", "Gateway",
                "metadata", Map.of("name", "platform"),
                "spec", Map.of("gatewayClassName", "envoy",
                        "addresses", List.of(Map.of("type", "IPAddress", "value", "10.0.0.1")),
                        "listeners", List.of(Map.of("name", "http", "protocol", "HTTP", "port", 80.0)))));
        assertThat(SCHEMAS.problems(gateway)).isEmpty();
    }

    @Test
    void builtInKindsAreNotCustomObjects() {
        assertThat(CrdSchemas.isCustomObject("kubernetes:apps/v1:Deployment")).isFalse();
        assertThat(CrdSchemas.isCustomObject("kubernetes:core/v1:Secret")).isFalse();
        assertThat(CrdSchemas.isCustomObject("kubernetes:networking.k8s.io/v1:NetworkPolicy")).isFalse();
        assertThat(CrdSchemas.isCustomObject("kubernetes:rbac.authorization.k8s.io/v1:Role")).isFalse();
        assertThat(CrdSchemas.isCustomObject("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute")).isTrue();
        assertThat(CrdSchemas.isCustomObject("kubernetes:cert-manager.io/v1:Certificate")).isTrue();
        assertThat(CrdSchemas.isCustomObject("kubernetes:monitoring.coreos.com/v1:PrometheusRule")).isTrue();
    }
}
