package platform.apps;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import platform.Baseline;
import platform.Stacks;
import platform.config.SecretKeys;
import platform.config.StackConfig;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.Secret;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** marc's seed and fact sheet, row by row, against the real stack files. */
class MarcStackTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");
    /** prod with a second production pool added and made active: the first half of a blue/green upgrade. */
    private static final ProgramRun.Result UPGRADE = Stacks.run("prod",
            "platform:marc.production.pools.prod-20260301.image=chopmicrobiome/marc_web:0.4.4",
            "platform:marc.production.pools.prod-20260301.port=8080",
            "platform:marc.production.pools.prod-20260301.replicas=2",
            "platform:marc.production.active=prod-20260301");

    /** Every key of marc's section; none has a default. */
    private static final List<String> REQUIRED_KEYS = List.of("hosts", "nfs.server", "nfs.path", "maxSyncAgeMinutes",
            "readyTimeoutSeconds", "production.active", "production.pools", "development.pool", "development.image",
            "development.port", "development.replicas");

    private static ProgramRun.Result stack(String name) {
        return name.equals("prod") ? PROD : DEV;
    }

    private static RegisteredResource deployment(ProgramRun.Result stack, String name) {
        return Stacks.object(stack, "Deployment", "marc", name);
    }

    private static Map<String, Object> container(RegisteredResource deployment, String list, String name) {
        return list(deployment.input("spec.template.spec." + list).orElseThrow()).stream().map(Stacks::map)
                .filter(container -> name.equals(container.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Map<String, Object> env(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().map(Stacks::map).filter(env -> name.equals(env.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static List<Map<String, Object>> rules(ProgramRun.Result stack) {
        return list(Stacks.object(stack, "HTTPRoute", "marc", "marc").input("spec.rules").orElseThrow()).stream().map(Stacks::map).toList();
    }

    private static Map<String, Object> rule(ProgramRun.Result stack, String path) {
        return rules(stack).stream().filter(rule -> rule.get("matches").toString().contains("value=" + path + "}")).findFirst()
                .orElseThrow(() -> new AssertionError("no rule for " + path));
    }

    /** The stack file with keys of marc's section removed, and the OpenAI key given or not. */
    private static ProgramRun.Result without(List<String> paths, boolean openaiKey) {
        var file = Stacks.load("prod");
        var config = new LinkedHashMap<>(file.engineConfig());
        var marc = JsonParser.parseString(config.get("platform:marc")).getAsJsonObject();
        for (var path : paths) {
            var parts = path.split("\\.");
            JsonObject parent = marc;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.getAsJsonObject(parts[i]);
            }
            parent.remove(parts[parts.length - 1]);
        }
        config.put("platform:marc", marc.toString());
        var secrets = new HashSet<>(file.secretKeys());
        for (var key : SecretKeys.REQUIRED) {
            if (openaiKey || !key.equals("marcOpenaiApiKey")) {
                config.put(StackConfig.fullKey(key), "test-value-of-" + key);
                secrets.add(StackConfig.fullKey(key));
            }
        }
        return ProgramRun.platform("prod", config, secrets);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            // stack, deployment,         replicas, node pool,    role
            "prod,    marc-prod-20240925, 2,        apps-pool,    production",
            "prod,    marc-dev-20240925,  1,        apps-pool,    development",
            "dev,     marc-prod-20240925, 1,        default-pool, production",
            "dev,     marc-dev-20240925,  1,        default-pool, development",
    })
    void eachPoolIsADeploymentNamedAfterItWithItsImagePortAndReplicas(String stack, String name, long replicas, String nodePool, String role) {
        var deployment = deployment(stack(stack), name);
        var app = Stacks.container(deployment);

        assertThat(deployment.input("spec.replicas")).contains(replicas);
        assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", nodePool));
        assertThat(deployment.input("spec.template.metadata.labels").orElseThrow().toString()).contains("role=" + role);
        assertThat(app.get("name")).isEqualTo("marc-web");
        assertThat(app.get("image").toString()).startsWith("chopmicrobiome/marc_web:0.4.3");
        // marc_web 0.4.3 runs gunicorn on 8080 (the fact sheet's table; config says so, nothing guesses).
        assertThat(app.get("ports").toString()).contains("containerPort=8080");
        assertThat(map(map(app.get("readinessProbe")).get("httpGet"))).containsEntry("path", "/health").containsEntry("port", 8080L);
        assertThat(map(map(app.get("livenessProbe")).get("httpGet"))).containsEntry("path", "/liveness").containsEntry("port", 8080L);
        var service = Stacks.object(stack(stack), "Service", "marc", name);
        assertThat(map(list(service.input("spec.ports").orElseThrow()).get(0)).get("port")).isEqualTo(8080L);
    }

    @Test
    void prodImagesArePinnedByDigestAtDeployTime() {
        assertThat(Stacks.container(deployment(PROD, "marc-prod-20240925")).get("image")).isEqualTo("chopmicrobiome/marc_web:0.4.3@[unknown]");
        assertThat(Stacks.container(deployment(DEV, "marc-prod-20240925")).get("image")).isEqualTo("chopmicrobiome/marc_web:0.4.3");
    }

    @Test
    void theAppGetsTheSeedsEnvironmentAndReadsData() {
        var deployment = deployment(PROD, "marc-prod-20240925");
        var app = Stacks.container(deployment);

        assertThat(env(app, "MARC_DB_URL")).containsEntry("value", "sqlite:////data/marc.sqlite");
        assertThat(env(app, "MARC_DB_LAST_SYNC")).containsEntry("value", "/data/last_sync.txt");
        assertThat(env(app, "OPENAI_API_KEY").get("valueFrom").toString()).contains("key=apiKey").contains("name=openai");
        assertThat(app.get("volumeMounts").toString()).contains("mountPath=/data, name=db-sync-copy, readOnly=true")
                .contains("mountPath=/tmp, name=scratch-0}");
        assertThat(map(app.get("securityContext"))).containsEntry("readOnlyRootFilesystem", true).containsEntry("runAsNonRoot", true);
        assertThat(deployment.input("spec.template.spec.securityContext.runAsUser")).contains(1000L);
        var secret = Stacks.object(PROD, "Secret", "marc", "openai");
        assertThat(secret.inputs().toString()).contains("apiKey").doesNotContain("test-value-of-marcOpenaiApiKey");
        assertThat(Baseline.violations(List.of(secret), true)).isEmpty();
        assertThat(secret.input("stringData.apiKey").or(() -> secret.input("data.apiKey")).orElseThrow()).isInstanceOf(Secret.class);
    }

    @Test
    void eachPodCopiesTheDatabaseBeforeTheAppStartsAndEveryTenMinutesFailingClosed() {
        var deployment = deployment(PROD, "marc-prod-20240925");
        var init = container(deployment, "initContainers", "db-sync-init");
        var sidecar = container(deployment, "containers", "db-sync");

        assertThat(init.get("command")).isEqualTo(List.of("bash", "/opt/file-sync/file-sync.sh", "once"));
        assertThat(sidecar.get("command")).isEqualTo(List.of("bash", "/opt/file-sync/file-sync.sh", "loop"));
        assertThat(env(sidecar, "INTERVAL_SECONDS")).containsEntry("value", "600");
        assertThat(env(sidecar, "MAX_AGE_SECONDS")).containsEntry("value", "1800");
        assertThat(env(sidecar, "SOURCE")).containsEntry("value", "/source/marc.sqlite");
        assertThat(env(sidecar, "TARGET")).containsEntry("value", "/data/marc.sqlite");
        assertThat(env(sidecar, "STAMP")).containsEntry("value", "/data/last_sync.txt");
        assertThat(env(sidecar, "CHECK")).containsEntry("value", "sqlite");
        // The check runs with the app image's own python3 and SQLite.
        assertThat(sidecar.get("image")).isEqualTo(Stacks.container(deployment).get("image"));
        assertThat(map(sidecar.get("readinessProbe")).get("exec").toString()).contains("fresh");
        assertThat(deployment.input("spec.template.spec.volumes").orElseThrow().toString())
                .contains("claimName=nfs-db, readOnly=true").contains("name=file-sync");
        var script = Stacks.object(PROD, "ConfigMap", "marc", "file-sync").input("data").map(Stacks::map).orElseThrow();
        assertThat(script.get("file-sync.sh").toString()).contains("mv -f --");
    }

    @Test
    void theNfsExportReachesThePodsReadOnlyThroughAVolumeAndClaim() {
        var volume = Stacks.object(PROD, "PersistentVolume", "cluster", "marc-nfs-db");
        var claim = Stacks.object(PROD, "PersistentVolumeClaim", "marc", "nfs-db");

        assertThat(volume.input("spec.nfs")).contains(Map.of("server", "isilon.research.chop.edu",
                "path", "/ifs/marc_genomics/marc_web_db_RO", "readOnly", true));
        assertThat(volume.input("spec.accessModes")).contains(List.of("ReadOnlyMany"));
        assertThat(claim.input("spec.volumeName")).contains("marc-nfs-db");
        assertThat(Stacks.where(PROD, r -> r.isKubernetesObject() && r.namespace().equals("marc") && r.inputs().toString().contains("nfs={")))
                .as("no inline nfs volume: Pod Security restricted refuses it").isEmpty();
    }

    @Test
    void prodAndDevAreRoutedWithThePrefixStrippedAndNamedToTheApp() {
        var route = Stacks.object(PROD, "HTTPRoute", "marc", "marc");
        assertThat(route.input("spec.hostnames")).contains(List.of("marc.research.chop.edu"));
        for (var path : Map.of("/prod", "marc-prod-20240925", "/dev", "marc-dev-20240925").entrySet()) {
            var rule = rule(PROD, path.getKey());
            assertThat(rule.get("matches").toString()).contains("type=PathPrefix");
            assertThat(rule.get("backendRefs")).isEqualTo(List.of(Map.of("name", path.getValue(), "port", 8080L)));
            var filters = rule.get("filters").toString();
            assertThat(filters).contains("urlRewrite={path={replacePrefixMatch=/, type=ReplacePrefixMatch}}")
                    .contains("requestHeaderModifier={set=[{name=X-Forwarded-Prefix, value=" + path.getKey() + "}]}")
                    .contains("name=X-Marc-Pool, value=" + path.getValue().substring("marc-".length()));
            assertThat(rule.get("timeouts")).isEqualTo(Map.of("request", "60s", "backendRequest", "60s"));
        }
        assertThat(Stacks.object(PROD, "BackendTrafficPolicy", "marc", "marc-body-limit").input("spec.requestBuffer.limit")).contains("1Mi");
    }

    @Test
    void theLandingPageAndHealthAreAnsweredAtTheEdge() {
        assertThat(rule(PROD, "/").get("matches").toString()).contains("type=Exact");
        assertThat(rule(PROD, "/")).doesNotContainKey("backendRefs");
        var landing = Stacks.object(PROD, "HTTPRouteFilter", "marc", "marc-root");
        assertThat(landing.input("spec.directResponse.contentType")).contains("text/html; charset=utf-8");
        assertThat(landing.input("spec.directResponse.body.inline").orElseThrow().toString())
                .contains("href=\"/prod/\"").contains("href=\"/dev/\"");
        var health = Stacks.object(PROD, "HTTPRouteFilter", "marc", "marc-health");
        assertThat(health.input("spec.directResponse.body.inline")).contains("{\"status\":\"ok\"}");
        assertThat(health.input("spec.directResponse.contentType")).contains("application/json");
        assertThat(health.input("spec.directResponse.statusCode")).contains(200L);
    }

    @Test
    void theRouteChangesOnlyAfterEveryReplicaOfItsPoolsIsReady() {
        var dependsOn = Stacks.object(PROD, "HTTPRoute", "marc", "marc").options().dependsOn();
        assertThat(dependsOn).contains("kubernetes:apps/v1:Deployment::marc-marc-prod-20240925", "kubernetes:apps/v1:Deployment::marc-marc-dev-20240925",
                "kubernetes:networking.k8s.io/v1:NetworkPolicy::marc-marc-prod-20240925-from-gateway");
        assertThat(deployment(PROD, "marc-prod-20240925").input("metadata.annotations"))
                .contains(Map.of("pulumi.com/timeoutSeconds", "300"));
        assertThat(deployment(PROD, "marc-prod-20240925").input("spec.strategy.rollingUpdate.maxUnavailable")).contains(0L);
    }

    @Test
    void makingASecondPoolActiveCreatesItWaitsForItThenMovesProdAndKeepsTheOldPool() {
        assertThat(UPGRADE.problems()).isEmpty();
        var route = Stacks.object(UPGRADE, "HTTPRoute", "marc", "marc");
        assertThat(route.options().dependsOn()).contains("kubernetes:apps/v1:Deployment::marc-marc-prod-20260301")
                .doesNotContain("kubernetes:apps/v1:Deployment::marc-marc-prod-20240925");
        assertThat(rule(UPGRADE, "/prod").get("backendRefs")).isEqualTo(List.of(Map.of("name", "marc-prod-20260301", "port", 8080L)));
        assertThat(Stacks.container(deployment(UPGRADE, "marc-prod-20260301")).get("image").toString()).startsWith("chopmicrobiome/marc_web:0.4.4");
        assertThat(deployment(UPGRADE, "marc-prod-20260301").input("spec.replicas")).contains(2L);
        assertThat(deployment(UPGRADE, "marc-prod-20240925").input("spec.replicas")).contains(2L);
        assertThat(rule(UPGRADE, "/dev").get("backendRefs").toString()).contains("marc-dev-20240925");
        assertThat(Baseline.violations(UPGRADE.resources(), true)).isEmpty();
    }

    @Test
    void aPoolOnAnImageListeningOn80BindsItAsNonRootThroughTheSafeSysctl() {
        var result = Stacks.run("prod", "platform:marc.development.image=chopmicrobiome/marc_web:0.4.0", "platform:marc.development.port=80");
        var deployment = deployment(result, "marc-dev-20240925");

        assertThat(deployment.input("spec.template.spec.securityContext.sysctls"))
                .contains(List.of(Map.of("name", "net.ipv4.ip_unprivileged_port_start", "value", "80")));
        assertThat(deployment.input("spec.template.spec.securityContext.runAsUser")).contains(1000L);
        assertThat(Stacks.container(deployment).get("readinessProbe").toString()).contains("port=80");
        assertThat(rule(result, "/dev").get("backendRefs")).isEqualTo(List.of(Map.of("name", "marc-dev-20240925", "port", 80L)));
        assertThat(deployment(result, "marc-prod-20240925").input("spec.template.spec.securityContext.sysctls")).isEmpty();
        assertThat(Baseline.violations(result.resources(), true)).isEmpty();
    }

    @Test
    void theNamespaceDeniesAllIngressAndThePoolsAdmitOnlyTheGateway() {
        var policies = Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("NetworkPolicy") && r.namespace().equals("marc"));
        assertThat(policies).extracting(RegisteredResource::metadataName).containsExactlyInAnyOrder("default-deny-ingress",
                "marc-prod-20240925-from-gateway", "marc-dev-20240925-from-gateway", "metrics-from-collector");
        var fromGateway = Stacks.object(PROD, "NetworkPolicy", "marc", "marc-prod-20240925-from-gateway");
        assertThat(fromGateway.input("spec.ingress").orElseThrow().toString())
                .contains("kubernetes.io/metadata.name=envoy-gateway-system").contains("port=8080");
        assertThat(Stacks.object(PROD, "Namespace", "cluster", "marc").input("metadata.labels").orElseThrow().toString())
                .contains("pod-security.kubernetes.io/enforce=restricted");
    }

    @Test
    void theCertificateIsIssuedOrSuppliedByTheOperator() {
        var issued = Stacks.object(PROD, "Certificate", "edge", "marc-tls");
        assertThat(issued.input("spec.dnsNames")).contains(List.of("marc.research.chop.edu"));
        assertThat(issued.input("spec.issuerRef.name")).contains("letsencrypt-production");
        assertThat(Stacks.object(DEV, "Certificate", "edge", "marc-tls").input("spec.issuerRef.name")).contains("letsencrypt-staging");

        var supplied = Stacks.run("prod", "platform:marc.tls.certificateSecret=chop-research-wildcard");
        assertThat(Stacks.where(supplied, r -> r.isKubernetesObject() && r.kind().equals("Certificate") && r.metadataName().equals("marc-tls"))).isEmpty();
        assertThat(Stacks.object(supplied, "ReferenceGrant", "marc", "gateway-reads-chop-research-wildcard").input("spec.to").orElseThrow().toString())
                .contains("name=chop-research-wildcard");
        assertThat(Stacks.object(supplied, "Gateway", "edge", "platform").input("spec.listeners").orElseThrow().toString())
                .contains("name=chop-research-wildcard, namespace=marc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosts", "nfs.server", "nfs.path", "maxSyncAgeMinutes", "readyTimeoutSeconds", "production.active",
            "production.pools", "production.pools.prod-20240925.image", "production.pools.prod-20240925.port",
            "production.pools.prod-20240925.replicas", "development.pool", "development.image", "development.port", "development.replicas"})
    void eachMissingKeyIsOneErrorNamingIt(String key) {
        var result = without(List.of(key), true);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.problems()).singleElement().asString().startsWith("platform:marc." + key + ": is required");
        assertThat(result.resources()).isEmpty();
    }

    @Test
    void theOpenaiKeyIsRequiredToo() {
        var result = without(List.of(), false);

        assertThat(result.problems()).singleElement().asString()
                .startsWith("platform:marcOpenaiApiKey: secret is not set; set it with `pulumi config set --secret platform:marcOpenaiApiKey");
    }

    @Test
    void aSectionWithEveryKeyRemovedFailsWithOneErrorPerKeyAtOnce() {
        var result = without(REQUIRED_KEYS.stream().map(key -> key.split("\\.")[0]).distinct().toList(), false);

        assertThat(result.exitCode()).isNotZero();
        var expected = REQUIRED_KEYS.stream().map(key -> "platform:marc." + key + ": is required").toList();
        assertThat(result.problems()).hasSize(REQUIRED_KEYS.size() + 1);
        for (var problem : expected) {
            assertThat(result.problems()).anySatisfy(found -> assertThat(found).startsWith(problem));
        }
        assertThat(result.problems()).anySatisfy(found -> assertThat(found).startsWith("platform:marcOpenaiApiKey: secret is not set"));
    }

    @Test
    void invalidValuesAreListedTogetherEachWithItsKey() {
        var result = Stacks.run("prod",
                "platform:marc.production.active=prod-20990101",
                "platform:marc.development.port=0",
                "platform:marc.development.replicas=0",
                "platform:marc.maxSyncAgeMinutes=5",
                "platform:marc.nfs.path=marc.sqlite",
                "platform:marc.production.pools.prod-20240925.image=chopmicrobiome/marc_web:latest");

        assertThat(result.problems()).anySatisfy(p -> assertThat(p)
                .isEqualTo("platform:marc.production.active: got \"prod-20990101\", expected one of the production pools [prod-20240925]"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("platform:marc.development.port: got 0, expected a whole number from 1 to 65535"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("platform:marc.development.replicas: got 0"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("platform:marc.maxSyncAgeMinutes: got 5, expected a whole number from 11"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("platform:marc.nfs.path: got \"marc.sqlite\""));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("platform:marc.production.pools.prod-20240925.image"));
        assertThat(result.problems()).hasSize(6);
    }

    @Test
    void poolNamesAreCheckedAndAtMostTwoProductionPoolsRun() {
        var three = Stacks.run("prod",
                "platform:marc.production.pools.prod-b.image=chopmicrobiome/marc_web:0.4.3", "platform:marc.production.pools.prod-b.port=8080",
                "platform:marc.production.pools.prod-b.replicas=2",
                "platform:marc.production.pools.prod-c.image=chopmicrobiome/marc_web:0.4.3", "platform:marc.production.pools.prod-c.port=8080",
                "platform:marc.production.pools.prod-c.replicas=2");
        assertThat(three.problems()).singleElement().asString().startsWith("platform:marc.production.pools: is required, expected one or two pools");

        var clash = Stacks.run("prod", "platform:marc.development.pool=prod-20240925");
        assertThat(clash.problems()).singleElement().asString()
                .isEqualTo("platform:marc.development.pool: got \"prod-20240925\", expected a pool other than the production pools [prod-20240925]");

        var badName = Stacks.run("prod", "platform:marc.development.pool=Dev_Pool");
        assertThat(badName.problems()).singleElement().asString().startsWith("platform:marc.development.pool: got \"Dev_Pool\", expected a pool name");
    }
}
