package platform.edge;

import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.CrdSchemas;
import platform.Stacks;
import platform.config.EdgeSettings;
import platform.config.Site;
import platform.k8s.AppLabels;
import platform.k8s.AppNamespace;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

class EdgeTest {
    private static final EdgeSettings SETTINGS = new EdgeSettings(EdgeSettings.PRODUCTION, "ops@example.org", "LoadBalancer",
            Optional.of("test-edge"), "v1.9.0", "v1.21.1");
    /** One site with an issued certificate, one whose certificate its operators supply. */
    private static final List<Site> SITES = List.of(
            new Site("sample", "sample", List.of("www.example.org", "api.example.org"), new Site.Issued("sample-tls")),
            new Site("other", "other", List.of("other.example.org"), new Site.Supplied("it-wildcard")));
    private static final Backend WEB = Backend.of("web", Set.of(3000), 3000);
    private static final Backend API = Backend.of("api", Set.of(8000), 8000);

    /** A sample app route: marc-style landing page and health JSON, Mortimer-style internal /healthz. */
    private static final Route SAMPLE = Route.builder("sample")
            .hosts(List.of("www.example.org"))
            .prefix("/", WEB)
            .prefix("/api", API)
            .exact("/api/version", API)
            .blocked("/healthz")
            .fixed(Route.Match.EXACT, "/health", new Route.FixedResponse(200, "application/json", "{\"status\":\"ok\"}"))
            .timeout(Duration.ofSeconds(600))
            .maxBody("100Mi")
            .websocket("/api", API)
            .build();

    private static ProgramRun.Result run() {
        return ProgramRun.run(ctx -> {
            var edge = new Edge("edge", SETTINGS, SITES, 2, null);
            var namespace = new AppNamespace("sample", "sample", false, null);
            edge.expose(namespace, namespace.ref(), AppLabels.of("sample", "sample", "sample", "routing"), SAMPLE);
            var other = new AppNamespace("other", "other", false, null);
            edge.expose(other, other.ref(), AppLabels.of("other", "other", "other", "routing"),
                    Route.builder("other").hosts(List.of("other.example.org")).prefix("/", WEB).build());
        }, "test", Map.of(), Set.of());
    }

    @Test
    void everyCustomObjectOfTheSampleMatchesItsCrdSchema() {
        // The sample uses every route feature (fixed responses, body limit, blocked paths), which the stacks may not.
        var schemas = CrdSchemas.repositoryCopy();
        var objects = CrdSchemas.customObjects(run());
        assertThat(objects).extracting(RegisteredResource::kind).contains("HTTPRouteFilter", "BackendTrafficPolicy", "HTTPRoute", "Gateway");
        for (var object : objects) {
            assertThat(schemas.problems(object.inputs())).as("%s %s", object.kind(), object.name()).isEmpty();
        }
    }

    @Test
    void controllersAreHelmReleasesWithPinnedVersions() {
        var result = run();
        var envoy = Stacks.only(result, "kubernetes:helm.sh/v3:Release", "envoy-gateway");
        var certManager = Stacks.only(result, "kubernetes:helm.sh/v3:Release", "cert-manager");

        assertThat(envoy.inputs()).containsEntry("chart", "oci://docker.io/envoyproxy/gateway-helm").containsEntry("version", "v1.9.0")
                .containsEntry("namespace", "envoy-gateway-system");
        assertThat(certManager.inputs()).containsEntry("chart", "cert-manager").containsEntry("version", "v1.21.1")
                .containsEntry("namespace", "cert-manager");
        assertThat(certManager.input("values.config.enableGatewayAPI")).contains(true);
        assertThat(certManager.options().dependsOn()).contains("kubernetes:helm.sh/v3:Release::envoy-gateway");
        assertThat(certManager.input("values.crds.enabled")).contains(true);
        assertThat(certManager.input("values.resources.limits.memory")).isPresent();
        assertThat(envoy.input("values.deployment.envoyGateway.resources.requests.cpu")).isPresent();
        var proxy = Stacks.object(result, "EnvoyProxy", "envoy-gateway-system", "platform-proxy");
        assertThat(proxy.input("spec.provider.kubernetes.envoyService.annotations").orElseThrow().toString())
                .contains("service.beta.kubernetes.io/do-loadbalancer-name=test-edge");
    }

    @Test
    void bothLetsEncryptIssuersSolveThroughTheGatewaysHttpListener() {
        var result = run();
        var staging = Stacks.object(result, "ClusterIssuer", "cluster", "letsencrypt-staging");
        var production = Stacks.object(result, "ClusterIssuer", "cluster", "letsencrypt-production");

        assertThat(staging.input("spec.acme.server")).contains("https://acme-staging-v02.api.letsencrypt.org/directory");
        assertThat(production.input("spec.acme.server")).contains("https://acme-v02.api.letsencrypt.org/directory");
        assertThat(production.input("spec.acme.email")).contains("ops@example.org");
        assertThat(production.input("spec.acme.solvers").orElseThrow().toString())
                .contains("gatewayHTTPRoute").contains("sectionName=http").contains("name=platform");
        assertThat(production.options().dependsOn()).contains("kubernetes:helm.sh/v3:Release::cert-manager");
    }

    @Test
    void theGatewayHasAnHttpsListenerPerHostAndRedirectsHttp() {
        var result = run();
        var gateway = Stacks.object(result, "Gateway", "edge", "platform");
        var listeners = list(gateway.input("spec.listeners").orElseThrow()).stream().map(Stacks::map).toList();

        assertThat(listeners).extracting(l -> l.get("name"))
                .containsExactly("http", "https-www-example-org", "https-api-example-org", "https-other-example-org");
        var http = listeners.get(0);
        assertThat(http).containsEntry("port", 80L).containsEntry("protocol", "HTTP");
        assertThat(http.get("allowedRoutes").toString()).contains("from=Same");
        var www = listeners.get(1);
        assertThat(www).containsEntry("hostname", "www.example.org").containsEntry("port", 443L).containsEntry("protocol", "HTTPS");
        assertThat(www.get("tls").toString()).contains("mode=Terminate").contains("name=sample-tls").contains("namespace=edge");
        assertThat(www.get("allowedRoutes").toString()).contains("from=Selector").contains("platform.dev/gateway-routes=allowed");

        var redirect = Stacks.object(result, "HTTPRoute", "edge", "https-redirect");
        assertThat(redirect.input("spec.rules").orElseThrow().toString())
                .contains("type=RequestRedirect").contains("scheme=https").contains("statusCode=301");
        assertThat(redirect.input("spec.parentRefs").orElseThrow().toString()).contains("sectionName=http");
        assertThat(Stacks.object(result, "Namespace", "cluster", "sample").input("metadata.labels").orElseThrow().toString())
                .contains("platform.dev/gateway-routes=allowed");
    }

    @Test
    void anIssuedSiteGetsOneCertificateForAllItsHostsFromTheStacksIssuer() {
        var result = run();
        var certificate = Stacks.object(result, "Certificate", "edge", "sample-tls");

        assertThat(certificate.input("spec.dnsNames")).contains(List.of("www.example.org", "api.example.org"));
        assertThat(certificate.input("spec.secretName")).contains("sample-tls");
        assertThat(certificate.input("spec.issuerRef.name")).contains("letsencrypt-production");
        assertThat(certificate.input("spec.renewBefore")).contains("720h");
        assertThat(certificate.options().dependsOn()).contains("kubernetes:cert-manager.io/v1:ClusterIssuer::letsencrypt-production");
    }

    @Test
    void aSuppliedCertificateStaysInItsSystemsNamespaceAndTheGatewayIsGrantedItOnly() {
        var result = run();
        var listener = list(Stacks.object(result, "Gateway", "edge", "platform").input("spec.listeners").orElseThrow()).stream()
                .map(Stacks::map).filter(l -> "other.example.org".equals(l.get("hostname"))).findFirst().orElseThrow();
        assertThat(listener.get("tls").toString()).contains("name=it-wildcard").contains("namespace=other");
        var grant = Stacks.object(result, "ReferenceGrant", "other", "gateway-reads-it-wildcard");
        assertThat(grant.input("spec.from").orElseThrow().toString()).contains("kind=Gateway").contains("namespace=edge");
        assertThat(grant.input("spec.to")).contains(List.of(Map.of("group", "", "kind", "Secret", "name", "it-wildcard")));
        assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("Certificate")))
                .extracting(platform.render.RegisteredResource::metadataName).containsExactly("sample-tls");
    }

    @Test
    void aLocalClusterGetsItsOwnCaAndNoLoadBalancerAnnotations() {
        var local = new EdgeSettings(EdgeSettings.LOCAL_CA, "", "NodePort", Optional.empty(), "v1.9.0", "v1.21.1");
        var result = ProgramRun.run(ctx -> new Edge("edge", local, SITES.subList(0, 1), 1, null), "test", Map.of(), Set.of());

        assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("ClusterIssuer")))
                .extracting(platform.render.RegisteredResource::metadataName).containsExactlyInAnyOrder("selfsigned-bootstrap", "local-ca");
        assertThat(Stacks.object(result, "Certificate", "cert-manager", "platform-local-ca").input("spec.isCA")).contains(true);
        assertThat(Stacks.object(result, "Certificate", "edge", "sample-tls").input("spec.issuerRef.name")).contains("local-ca");
        var proxy = Stacks.object(result, "EnvoyProxy", "envoy-gateway-system", "platform-proxy");
        assertThat(proxy.input("spec.provider.kubernetes.envoyService")).contains(Map.of("type", "NodePort"));
    }

    @Test
    void aRouteRendersWithOrderedRulesTimeoutsBodyLimitHeadersAndEdgeAnswers() {
        var result = run();
        var route = Stacks.object(result, "HTTPRoute", "sample", "sample");
        var rules = list(route.input("spec.rules").orElseThrow()).stream().map(Stacks::map).toList();

        assertThat(route.input("spec.hostnames")).contains(List.of("www.example.org"));
        assertThat(route.input("spec.parentRefs").orElseThrow().toString()).contains("sectionName=https-www-example-org")
                .doesNotContain("sectionName=http,");
        assertThat(rules).extracting(rule -> rule.get("matches").toString()).containsExactly(
                "[{path={type=Exact, value=/api/version}}]", "[{path={type=Exact, value=/health}}]",
                "[{path={type=PathPrefix, value=/healthz}}]", "[{path={type=PathPrefix, value=/api}}]",
                "[{path={type=PathPrefix, value=/}}]");
        var api = rules.get(3);
        assertThat(api.get("timeouts")).isEqualTo(Map.of("request", "600s", "backendRequest", "600s"));
        assertThat(api.get("backendRefs")).isEqualTo(List.of(Map.of("name", "api", "port", 8000L)));
        assertThat(api.get("filters").toString()).contains("Strict-Transport-Security").contains("X-Content-Type-Options, value=nosniff")
                .contains("X-Frame-Options").contains("Referrer-Policy");

        var blocked = rules.get(2);
        assertThat(blocked).doesNotContainKey("backendRefs");
        assertThat(blocked.get("filters").toString()).contains("kind=HTTPRouteFilter, name=sample-healthz");
        assertThat(Stacks.object(result, "HTTPRouteFilter", "sample", "sample-healthz").input("spec.directResponse.statusCode")).contains(404L);
        var health = Stacks.object(result, "HTTPRouteFilter", "sample", "sample-health");
        assertThat(health.input("spec.directResponse.body.inline")).contains("{\"status\":\"ok\"}");
        assertThat(health.input("spec.directResponse.contentType")).contains("application/json");

        var limit = Stacks.object(result, "BackendTrafficPolicy", "sample", "sample-body-limit");
        assertThat(limit.input("spec.requestBuffer.limit")).contains("100Mi");
        assertThat(limit.input("spec.targetRefs").orElseThrow().toString()).contains("kind=HTTPRoute, name=sample");
    }

    @Test
    void webSocketUpgradesGetARouteOfTheirOwnThatNoBodyLimitBuffers() {
        var result = run();
        var upgrades = Stacks.object(result, "HTTPRoute", "sample", "sample-websocket");
        var rules = list(upgrades.input("spec.rules").orElseThrow()).stream().map(Stacks::map).toList();

        assertThat(upgrades.input("spec.hostnames")).contains(List.of("www.example.org"));
        assertThat(upgrades.input("spec.parentRefs")).isEqualTo(Stacks.object(result, "HTTPRoute", "sample", "sample").input("spec.parentRefs"));
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.get("matches")).isEqualTo(List.of(Map.of(
                    "path", Map.of("type", "PathPrefix", "value", "/api"),
                    "headers", List.of(Map.of("type", "Exact", "name", "Upgrade", "value", "websocket")))));
            assertThat(rule.get("backendRefs")).isEqualTo(List.of(Map.of("name", "api", "port", 8000L)));
            assertThat(rule.get("timeouts")).isEqualTo(Map.of("request", "600s"));
        });
        // Request buffering waits for a request's end, which an upgraded connection never sends.
        assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("BackendTrafficPolicy")))
                .allSatisfy(policy -> assertThat(policy.input("spec.targetRefs").orElseThrow().toString()).doesNotContain("websocket"));
        assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("HTTPRoute") && r.namespace().equals("other")))
                .extracting(platform.render.RegisteredResource::metadataName).containsExactly("other");
        assertThatThrownBy(() -> Route.builder("bad").hosts(List.of("a.example.org")).prefix("/", WEB).websocket("/ws", API)
                .websocket("/ws", API).build()).hasMessageContaining("WebSocket path /ws must be a prefix with a backend, once");
    }

    @Test
    void badRoutesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Route.builder("bad").hosts(List.of("www.example.org")).prefix("api", WEB).build())
                .hasMessageContaining("route path must start with '/', got api");
        assertThatThrownBy(() -> Backend.of("web", Set.of(3000), 3001))
                .hasMessageContaining("route backend web:3001 is not a port the Service exposes [3000]");
        assertThatThrownBy(() -> Route.builder("bad").prefix("/", WEB).build()).hasMessageContaining("needs at least one host");
        assertThatThrownBy(() -> Route.builder("bad").hosts(List.of("a.example.org")).prefix("/", WEB).maxBody("100MB").build())
                .hasMessageContaining("maxBody must be a quantity such as 100Mi, got 100MB");
        assertThatThrownBy(() -> Route.builder("bad").hosts(List.of("a.example.org")).prefix("/", WEB).prefix("/", API).build())
                .hasMessageContaining("matches PREFIX / twice");
        assertThatThrownBy(() -> Route.builder("Bad_Name").hosts(List.of("a.example.org")).prefix("/", WEB).build())
                .hasMessageContaining("route name must be a DNS label");
        var unknownHost = ProgramRun.run(ctx -> {
            var edge = new Edge("edge", SETTINGS, SITES, 1, null);
            var namespace = new AppNamespace("sample", "sample", false, null);
            edge.expose(namespace, namespace.ref(), AppLabels.of("sample", "sample", "sample", "routing"),
                    Route.builder("elsewhere").hosts(List.of("evil.example.com")).prefix("/", WEB).build());
        }, "test", Map.of(), Set.of());
        assertThat(unknownHost.problems().toString()).contains("route elsewhere uses host evil.example.com, which is not a host of the gateway");
    }

    @Test
    void aMountedPrefixIsStrippedNamedToTheBackendAndTheRouteWaitsForWhatItIsToldTo() {
        var result = ProgramRun.run(ctx -> {
            var edge = new Edge("edge", SETTINGS, SITES, 1, null);
            var namespace = new AppNamespace("sample", "sample", false, null);
            var backend = new com.pulumi.kubernetes.core.v1.ConfigMap("sample-backend",
                    com.pulumi.kubernetes.core.v1.ConfigMapArgs.builder().build(),
                    com.pulumi.resources.CustomResourceOptions.builder().parent(namespace).build());
            edge.expose(namespace, namespace.ref(), AppLabels.of("sample", "sample", "sample", "routing"),
                    Route.builder("mounted").hosts(List.of("www.example.org"))
                            .prefix("/prod", WEB, Forward.mountedAt("/prod").responseHeader("X-Pool", "blue"))
                            .prefix("/plain", API)
                            .build(), List.of(backend));
        }, "test", Map.of(), Set.of());
        var route = Stacks.object(result, "HTTPRoute", "sample", "mounted");
        var rules = list(route.input("spec.rules").orElseThrow()).stream().map(Stacks::map).toList();

        assertThat(rules).extracting(rule -> rule.get("matches").toString()).containsExactly(
                "[{path={type=PathPrefix, value=/plain}}]", "[{path={type=PathPrefix, value=/prod}}]");
        var mounted = list(rules.get(1).get("filters")).stream().map(Stacks::map).toList();
        assertThat(mounted).extracting(filter -> filter.get("type"))
                .containsExactly("ResponseHeaderModifier", "URLRewrite", "RequestHeaderModifier");
        assertThat(mounted.get(1).get("urlRewrite")).isEqualTo(Map.of("path", Map.of("type", "ReplacePrefixMatch", "replacePrefixMatch", "/")));
        assertThat(mounted.get(2).get("requestHeaderModifier")).isEqualTo(Map.of("set", List.of(Map.of("name", "X-Forwarded-Prefix", "value", "/prod"))));
        assertThat(mounted.get(0).toString()).contains("name=X-Pool, value=blue").contains("Strict-Transport-Security");
        assertThat(list(rules.get(0).get("filters"))).hasSize(1);
        assertThat(rules.get(0).get("filters").toString()).doesNotContain("X-Pool").doesNotContain("URLRewrite");
        assertThat(route.options().dependsOn()).contains("kubernetes:core/v1:ConfigMap::sample-backend",
                "kubernetes:gateway.networking.k8s.io/v1:Gateway::edge-platform");
    }

    @Test
    void forwardingIsCheckedWhereItCannotApply() {
        assertThat(Forward.mountedAt("/dev/").requestHeaders()).containsEntry("X-Forwarded-Prefix", "/dev");
        assertThat(Route.builder("plain").hosts(List.of("a.example.org")).exact("/x", WEB).build().rules().get(0).forward())
                .isEqualTo(Forward.AS_IS);
        assertThatThrownBy(() -> new Route.Rule(Route.Match.EXACT, "/x", Optional.of(WEB), Optional.empty(), Forward.stripPrefix()))
                .hasMessageContaining("route path /x can only replace the prefix of a prefix match");
        assertThatThrownBy(() -> new Route.Rule(Route.Match.PREFIX, "/x", Optional.empty(),
                Optional.of(Route.FixedResponse.notFound()), Forward.mountedAt("/x")))
                .hasMessageContaining("route path /x changes requests but answers them itself");
        assertThatThrownBy(() -> Forward.stripPrefix().requestHeader("Bad Header", "x")).hasMessageContaining("not an HTTP header name: Bad Header");
        assertThatThrownBy(() -> Forward.stripPrefix().responseHeader("X-Ok", "two\nlines")).hasMessageContaining("needs a one-line value");
    }

    @Test
    void edgeObjectsMeetTheBaseline() {
        assertThat(Baseline.violations(run().resources(), true)).isEmpty();
    }
}
