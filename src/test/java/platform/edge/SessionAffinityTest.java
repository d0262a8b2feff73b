package platform.edge;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.Stacks;
import platform.config.EdgeSettings;
import platform.config.Site;
import platform.k8s.AppLabels;
import platform.k8s.AppNamespace;
import platform.render.ProgramRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** Sticky sessions on a route: what the HTTPRoute says, and that the installed Gateway API CRD accepts it. */
class SessionAffinityTest {
    /** The CRDs Envoy Gateway v1.9.0 installs (its bundled Gateway API v1.6.1). */
    private static final Path CRD_SCHEMAS = Path.of(Optional.ofNullable(System.getProperty("crd.schemas.dir"))
            .filter(dir -> !dir.isBlank() && !dir.startsWith("$")).orElse("../shared/crd-schemas"));
    private static final Backend WEB = Backend.of("web", Set.of(8001), 8001);

    private static ProgramRun.Result sticky() {
        var settings = new EdgeSettings(EdgeSettings.PRODUCTION, "ops@example.org", "LoadBalancer", Optional.empty(), "v1.9.0", "v1.21.1");
        var site = new Site("lab", "lab", List.of("lab.example.org"), new Site.Issued("lab-tls"));
        return ProgramRun.run(ctx -> {
            var edge = new Edge("edge", settings, List.of(site), 1, null);
            var namespace = new AppNamespace("lab", "lab", false, null);
            edge.expose(namespace, namespace.ref(), AppLabels.of("lab", "lab", "lab", "routing"), Route.builder("lab")
                    .hosts(List.of("lab.example.org"))
                    .prefix("/", WEB)
                    .blocked("/healthz")
                    .sessionAffinity("lab-route", Duration.ofHours(48))
                    .build());
        }, "test", Map.of(), Set.of());
    }

    private static Map<String, Object> rule(ProgramRun.Result result, String path) {
        return list(Stacks.object(result, "HTTPRoute", "lab", "lab").input("spec.rules").orElseThrow()).stream().map(Stacks::map)
                .filter(rule -> rule.get("matches").toString().contains("value=" + path + "}")).findFirst().orElseThrow();
    }

    @Test
    void backendRulesGetAPermanentGatewayCookieWithTheTtlAsItsLifetime() {
        var result = sticky();
        assertThat(rule(result, "/").get("sessionPersistence")).isEqualTo(Map.of("type", "Cookie", "sessionName", "lab-route",
                "absoluteTimeout", "48h", "cookieConfig", Map.of("lifetimeType", "Permanent")));
        // An edge answer reaches no pod, so there is nothing to stick to.
        assertThat(rule(result, "/healthz")).doesNotContainKey("sessionPersistence");
        // Rendered on the route itself: no extra policy that could conflict with the route's body limit policy.
        assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("BackendTrafficPolicy"))).isEmpty();
    }

    @Test
    void aRouteWithoutAffinityHasNoSessionPersistence() {
        var route = Route.builder("plain").hosts(List.of("lab.example.org")).prefix("/", WEB).build();
        assertThat(route.sessionAffinity()).isEmpty();
        assertThat(HttpRoutes.sessionPersistence(new SessionAffinity("c", Duration.ofMinutes(90)))).containsEntry("absoluteTimeout", "90m");
    }

    @ParameterizedTest
    @CsvSource({"PT48H, 48h", "PT90M, 90m", "PT45S, 45s", "PT1H30M5S, 5405s", "P500D, 12000h"})
    void theTtlIsWrittenInTheLargestWholeUnitTheCrdPatternAllows(Duration ttl, String expected) {
        var written = new SessionAffinity("route", ttl).gatewayDuration();
        assertThat(written).isEqualTo(expected).matches("([0-9]{1,5}(h|m|s|ms)){1,4}");
    }

    @Test
    void badAffinitiesAreRejected() {
        assertThatThrownBy(() -> new SessionAffinity("a cookie", Duration.ofHours(1))).hasMessageContaining("cookie token");
        assertThatThrownBy(() -> new SessionAffinity("x".repeat(129), Duration.ofHours(1))).hasMessageContaining("1-128 characters");
        assertThatThrownBy(() -> new SessionAffinity("route", Duration.ofMillis(1500))).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new SessionAffinity("route", Duration.ZERO)).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new SessionAffinity("route", Duration.ofHours(100_000))).hasMessageContaining("99999 h");
    }

    @Test
    void theRenderedSessionPersistenceIsValidForTheInstalledHttpRouteCrd() throws IOException {
        var file = CRD_SCHEMAS.resolve("gateway-api-envoy-gateway-v1.9.0/HTTPRoute-gateway.networking.k8s.io-v1.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "CRD schemas not found at " + CRD_SCHEMAS.toAbsolutePath());
        var crd = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        var schema = crd.getAsJsonObject("openAPIV3Schema").getAsJsonObject("properties").getAsJsonObject("spec")
                .getAsJsonObject("properties").getAsJsonObject("rules").getAsJsonObject("items")
                .getAsJsonObject("properties").getAsJsonObject("sessionPersistence");
        assertThat(schema).as("the installed HTTPRoute CRD has rules[].sessionPersistence").isNotNull();

        var rendered = map(rule(sticky(), "/").get("sessionPersistence"));
        var problems = new ArrayList<String>();
        check(schema, rendered, "sessionPersistence", problems);
        assertThat(problems).isEmpty();
        // The CRD's CEL rules, which a JSON-schema check cannot see.
        var cookie = map(rendered.get("cookieConfig"));
        assertThat(!"Permanent".equals(cookie.get("lifetimeType")) || rendered.containsKey("absoluteTimeout"))
                .as("AbsoluteTimeout must be specified when cookie lifetimeType is Permanent").isTrue();
        assertThat(rendered.get("type")).as("cookieConfig can only be set with type Cookie").isEqualTo("Cookie");
    }

    /** Closed objects (the API server rejects unknown fields), types, enums, patterns and lengths. */
    private static void check(JsonObject schema, Object value, String where, List<String> problems) {
        switch (schema.get("type").getAsString()) {
            case "object" -> {
                var properties = schema.getAsJsonObject("properties");
                for (var entry : map(value).entrySet()) {
                    var property = properties.getAsJsonObject(entry.getKey());
                    if (property == null) {
                        problems.add(where + "." + entry.getKey() + " is not a field of the CRD");
                    } else {
                        check(property, entry.getValue(), where + "." + entry.getKey(), problems);
                    }
                }
            }
            case "string" -> {
                if (!(value instanceof String text)) {
                    problems.add(where + " is not a string");
                    return;
                }
                if (schema.has("enum") && !schema.getAsJsonArray("enum").toString().contains("\"" + text + "\"")) {
                    problems.add(where + " " + text + " is not one of " + schema.getAsJsonArray("enum"));
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").getAsString()).matcher(text).find()) {
                    problems.add(where + " " + text + " does not match " + schema.get("pattern").getAsString());
                }
                if (schema.has("maxLength") && text.length() > schema.get("maxLength").getAsInt()) {
                    problems.add(where + " is longer than " + schema.get("maxLength").getAsInt());
                }
            }
            default -> problems.add(where + ": unexpected schema type " + schema.get("type"));
        }
    }

    @Test
    void securityHeadersCanGainOneHeaderAfterTheDefaults() {
        var headers = SecurityHeaders.with("Permissions-Policy", "geolocation=(), microphone=(), camera=()");
        assertThat(List.copyOf(headers.keySet())).containsExactly("Strict-Transport-Security", "X-Content-Type-Options",
                "X-Frame-Options", "Referrer-Policy", "Permissions-Policy");
        assertThat(SecurityHeaders.DEFAULT).doesNotContainKey("Permissions-Policy");
        assertThatThrownBy(() -> SecurityHeaders.with("Bad Header", "x")).hasMessageContaining("token name");
    }
}
