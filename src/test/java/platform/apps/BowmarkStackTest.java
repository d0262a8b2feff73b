package platform.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.AnsweringCloud;
import platform.Baseline;
import platform.Diffs;
import platform.Stacks;
import platform.config.SecretKeys;
import platform.config.StackConfig;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.Secret;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** The seed's tables and the live system's facts (fact sheet), row by row, against the real stack files. */
class BowmarkStackTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");

    /**
     * Sheet §3.2, per role: {@code NAME=literal} or {@code NAME<-secret/key}; {@code {app}}, {@code {group}},
     * {@code {mongo}}, {@code {db}} and {@code {vhost}} are the product's.
     */
    private static final Map<String, List<String>> ENV = Map.of(
            "server", app("api"),
            "worker", app("worker"),
            // No JWT, e-mail or search.
            "consumer", List.of("NODE_ENV=production", "APP_NAME={app}", "MONGO_URI<-{mongo}/mongoURI",
                    "POSTGRES_HOST<-postgres/host", "POSTGRES_PORT<-postgres/port", "POSTGRES_USER<-postgres/user",
                    "POSTGRES_PASSWORD<-postgres/password", "POSTGRES_DB<-postgres/{db}",
                    "RABBITMQ_HOST<-rabbitmq/host", "RABBITMQ_PORT<-rabbitmq/port", "RABBITMQ_USER<-rabbitmq/user",
                    "RABBITMQ_PASSWORD<-rabbitmq/password", "RABBITMQ_VHOST<-rabbitmq/{vhost}",
                    "SPACES_KEY<-spaces/key", "SPACES_SECRET<-spaces/secret", "SPACES_NAME<-spaces/name", "SPACES_REGION<-spaces/region"),
            // All configuration is baked into the client images.
            "client", List.of());

    /** Servers and workers: the same list, but for {@code APP_TYPE}. */
    private static List<String> app(String appType) {
        return List.of("NODE_ENV=production", "APP_NAME={app}", "APP_TYPE=" + appType, "SEARCH_GROUP={group}",
                "MONGO_URI<-{mongo}/mongoURI", "JWT_SECRET<-general/jwtSecret",
                "SPACES_NAME<-spaces/name", "SPACES_REGION<-spaces/region", "SPACES_KEY<-spaces/key", "SPACES_SECRET<-spaces/secret",
                "EMAIL<-email/email", "EMAIL_USERNAME<-email/username", "EMAIL_PASSWORD<-email/password",
                "EMAIL_HOST<-email/host", "EMAIL_PORT<-email/port",
                "SEARCH_HOST<-search/host", "SEARCH_API_KEY<-search/apiKey",
                "POSTGRES_HOST<-postgres/host", "POSTGRES_PORT<-postgres/port", "POSTGRES_USER<-postgres/user",
                "POSTGRES_PASSWORD<-postgres/password", "POSTGRES_DB<-postgres/{db}",
                "RABBITMQ_HOST<-rabbitmq/host", "RABBITMQ_PORT<-rabbitmq/port", "RABBITMQ_USER<-rabbitmq/user",
                "RABBITMQ_PASSWORD<-rabbitmq/password", "RABBITMQ_VHOST<-rabbitmq/{vhost}");
    }

    private static final Map<String, Map<String, String>> PRODUCTS = Map.of(
            "paving", Map.of("{app}", "Paving", "{group}", "bow-mark-paving", "{mongo}", "paving", "{db}", "dbPaving", "{vhost}", "vhost"),
            "concrete", Map.of("{app}", "Concrete", "{group}", "bow-mark-concrete", "{mongo}", "concrete", "{db}", "dbConcrete",
                    "{vhost}", "vhostConcrete"));

    private static RegisteredResource deployment(ProgramRun.Result stack, String name) {
        return Stacks.object(stack, "Deployment", "bowmark", name);
    }

    /** {@code NAME=value} or {@code NAME<-secret/key}, as the table writes them. */
    static List<String> env(Map<String, Object> container) {
        var entries = new ArrayList<String>();
        for (var raw : list(container.getOrDefault("env", List.of()))) {
            var env = map(raw);
            if (env.containsKey("value")) {
                entries.add(env.get("name") + "=" + env.get("value"));
            } else {
                var ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
                entries.add(env.get("name") + "<-" + ref.get("name") + "/" + ref.get("key"));
            }
        }
        return entries;
    }

    private static String envSource(Map<String, Object> container, String name) {
        return env(container).stream().filter(entry -> entry.startsWith(name + "=") || entry.startsWith(name + "<-"))
                .findFirst().orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static final Pattern PROCESS = Pattern.compile("case \"\\$c\" in \"([^\"]+)\"\\*\\)");

    /** {@code http <path> <port>}, {@code tcp <port>}, or {@code process <command prefix>}. */
    static String probe(Object raw) {
        var probe = map(raw);
        if (probe.containsKey("httpGet")) {
            var get = map(probe.get("httpGet"));
            return "http " + get.get("path") + " " + get.get("port");
        }
        if (probe.containsKey("tcpSocket")) {
            return "tcp " + map(probe.get("tcpSocket")).get("port");
        }
        var script = list(map(probe.get("exec")).get("command")).get(2).toString();
        var process = PROCESS.matcher(script);
        return process.find() ? "process " + process.group(1) : "exec " + script;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // deployment                 | product  | role     | replicas | pool                    | container | image                             | command                    | component         | cpu   | memory | memory limit | readiness       | liveness                     | ports
            "server-deployment            | paving   | server   | 2        | dedicated-cpu-optimized | server    | itsdevin/bow-mark-server          |                            | server            | 1000m | 2000Mi | 4000Mi       | http /health 8080 | http /health 8080          | 8080",
            "server-concrete-deployment   | concrete | server   | 2        | dedicated-cpu-optimized | server    | itsdevin/bow-mark-server          |                            | server-concrete   | 1000m | 2000Mi | 4000Mi       | http /health 8080 | http /health 8080          | 8080",
            "worker-deployment            | paving   | worker   | 1        | default-pool            | worker    | itsdevin/bow-mark-server          |                            | worker            | 250m  | 500Mi  | 2000Mi       | process node dist/server.js | process node dist/server.js |",
            "worker-concrete-deployment   | concrete | worker   | 1        | default-pool            | worker    | itsdevin/bow-mark-server          |                            | worker-concrete   | 250m  | 500Mi  | 2000Mi       | process node dist/server.js | process node dist/server.js |",
            "consumer-deployment          | paving   | consumer | 1        | default-pool            | consumer  | itsdevin/bow-mark-server          | node dist/consumer/index.js | consumer         | 100m  | 512Mi  | 2048Mi       | http / 9090       | http / 9090                | 9090",
            "consumer-concrete-deployment | concrete | consumer | 1        | default-pool            | consumer  | itsdevin/bow-mark-server          | node dist/consumer/index.js | consumer-concrete | 100m | 512Mi  | 2048Mi       | http / 9090       | http / 9090                | 9090",
            "client-deployment            | paving   | client   | 1        | default-pool            | client    | itsdevin/bow-mark-client          |                            | web               | 250m  | 500Mi  | 2000Mi       | http / 3000       | tcp 3000                   | 3000",
            "client-concrete-deployment   | concrete | client   | 1        | default-pool            | client    | itsdevin/bow-mark-concrete-client |                            | web-concrete      | 250m  | 500Mi  | 2000Mi       | http / 3000       | tcp 3000                   | 3000",
    })
    void prodDeploymentsRunAsTheLiveManifestsDo(String name, String product, String role, long replicas, String pool, String containerName,
                                                String image, String command, String component, String cpu, String memory,
                                                String memoryLimit, String readiness, String liveness, Long port) {
        var deployment = deployment(PROD, name);
        var container = Stacks.container(deployment);

        assertThat(deployment.input("spec.replicas")).contains(replicas);
        assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", pool));
        assertThat(container.get("name")).isEqualTo(containerName);
        assertThat(container.get("image").toString()).startsWith(image + ":");
        assertThat(container.get("command")).isEqualTo(command == null ? null : List.of(command.split(" ")));

        var expected = ENV.get(role).stream().map(entry -> {
            var filled = entry;
            for (var value : PRODUCTS.get(product).entrySet()) {
                filled = filled.replace(value.getKey(), value.getValue());
            }
            return filled;
        }).toList();
        assertThat(env(container)).as("env of %s", name).containsExactlyInAnyOrderElementsOf(expected);

        var resources = map(container.get("resources"));
        assertThat(map(resources.get("requests"))).isEqualTo(Map.of("cpu", cpu, "memory", memory));
        assertThat(map(resources.get("limits"))).isEqualTo(Map.of("memory", memoryLimit));
        assertThat(probe(container.get("readinessProbe"))).isEqualTo(readiness);
        assertThat(probe(container.get("livenessProbe"))).isEqualTo(liveness);
        var declared = list(container.getOrDefault("ports", List.of())).stream().map(p -> map(p).get("containerPort")).toList();
        assertThat(declared).isEqualTo(port == null ? List.of() : List.of(port));

        // The live selector label on every pod (the runbook's -l component=...); the selector itself stays the recommended pair.
        assertThat(map(deployment.input("spec.template.metadata.labels").orElseThrow())).containsEntry("component", component);
        assertThat(map(deployment.input("spec.selector.matchLabels").orElseThrow())).containsOnlyKeys(
                "app.kubernetes.io/name", "app.kubernetes.io/instance");
    }

    @Test
    void theProdRenderHasExactlyTheSeedsEightDeployments() {
        assertThat(Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("Deployment") && r.namespace().equals("bowmark")))
                .extracting(RegisteredResource::metadataName).containsExactlyInAnyOrder("server-deployment", "server-concrete-deployment",
                        "worker-deployment", "worker-concrete-deployment", "consumer-deployment", "consumer-concrete-deployment",
                        "client-deployment", "client-concrete-deployment");
    }

    @Test
    void workersRunTheImagesOwnCommandAndOnlyTheClientsRunAsNextjs() {
        // The worker's image runs `npm start`, which runs `node dist/server.js`: what its process probe looks for.
        assertThat(Stacks.container(deployment(PROD, "worker-deployment"))).doesNotContainKey("command");
        assertThat(deployment(PROD, "client-deployment").input("spec.template.spec.securityContext.runAsUser")).contains(1001L);
        assertThat(deployment(PROD, "server-deployment").input("spec.template.spec.securityContext.runAsUser")).contains(1000L);
        assertThat(Stacks.container(deployment(PROD, "client-concrete-deployment")).get("volumeMounts").toString())
                .contains("mountPath=/app/.next/cache");
    }

    @Test
    void prodImagesArePinnedToTheCommitInConfig() {
        var tag = Stacks.load("prod").engineConfig().get("platform:bowmark");
        assertThat(Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("Deployment") && r.namespace().equals("bowmark")))
                .allSatisfy(d -> assertThat(Stacks.container(d).get("image").toString()).matches(".*:[a-f0-9]{40}@(sha256:[a-f0-9]{64}|\\[unknown])"));
        assertThat(tag).contains("imageTag");
        var unpinned = Stacks.run("prod", "platform:bowmark.imageTag=main");
        assertThat(unpinned.problems()).singleElement().asString().startsWith("platform:bowmark.imageTag: got \"main\", expected in production");
    }

    @Test
    void consumersMigrateTheirOwnDatabaseWithAPinnedDbmateAndNeverWaitForTheConfigMap() {
        for (var product : List.of(Map.entry("consumer-deployment", "dbPavingUrl"), Map.entry("consumer-concrete-deployment", "dbConcreteUrl"))) {
            var deployment = deployment(PROD, product.getKey());
            var migrate = map(list(deployment.input("spec.template.spec.initContainers").orElseThrow()).get(0));
            assertThat(migrate.get("name")).isEqualTo("migrate");
            assertThat(migrate.get("image")).isEqualTo(platform.Versions.DBMATE + "@[unknown]");
            assertThat(platform.Versions.DBMATE).matches("ghcr\\.io/amacneil/dbmate:\\d+\\.\\d+\\.\\d+");
            // The live shape: copy the mounted files to /tmp/migrations, then dbmate --no-dump-schema up.
            var command = list(migrate.get("command"));
            assertThat(command.get(2).toString()).contains("cp \"$file\" \"$work_dir/\"").contains("--no-dump-schema").contains(" up");
            assertThat(command.subList(4, 6)).isEqualTo(List.of("/migrations", "/tmp/migrations"));
            assertThat(envSource(migrate, "DATABASE_URL")).isEqualTo("DATABASE_URL<-postgres/" + product.getValue());
            var volumes = list(deployment.input("spec.template.spec.volumes").orElseThrow());
            assertThat(volumes).anySatisfy(volume -> assertThat(map(volume).get("configMap"))
                    .isEqualTo(Map.of("name", "pg-migrations", "defaultMode", 292L, "optional", true)));
        }
    }

    @Test
    void servicesOfferTheSeedsPortsAndReachTheProcessesDefaultPorts() {
        var ports = Map.of("client-cluster-ip-service", List.of(3000L, 3000L), "client-concrete-cluster-ip-service", List.of(3001L, 3000L),
                "server-cluster-ip-service", List.of(8080L, 8080L), "server-concrete-cluster-ip-service", List.of(8081L, 8080L));
        ports.forEach((service, expected) -> {
            var object = Stacks.object(PROD, "Service", "bowmark", service);
            assertThat(object.input("spec.type")).contains("ClusterIP");
            var port = map(list(object.input("spec.ports").orElseThrow()).get(0));
            assertThat(List.of(port.get("port"), port.get("targetPort"))).as(service).isEqualTo(expected);
        });
    }

    /** Path to {@code service:port} of a route's rules, in their order. */
    private static Map<String, String> routing(RegisteredResource route) {
        var paths = new LinkedHashMap<String, String>();
        for (var raw : list(route.input("spec.rules").orElseThrow())) {
            var rule = map(raw);
            var path = map(map(list(rule.get("matches")).get(0)).get("path")).get("value").toString();
            var backend = map(list(rule.get("backendRefs")).get(0));
            paths.put(path, backend.get("name") + ":" + backend.get("port"));
        }
        return paths;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "app.bowmark.ca,      bowmark,          server-cluster-ip-service:8080,          client-cluster-ip-service:3000",
            "paving.bowmark.ca,   bowmark,          server-cluster-ip-service:8080,          client-cluster-ip-service:3000",
            "concrete.bowmark.ca, bowmark-concrete, server-concrete-cluster-ip-service:8081, client-concrete-cluster-ip-service:3001",
    })
    void eachHostSendsTheFourServerPathsToItsServerAndTheRestToItsClient(String host, String routeName, String server, String client) {
        var routes = Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("HTTPRoute") && r.namespace().equals("bowmark")
                && list(r.input("spec.hostnames").orElseThrow()).contains(host));
        assertThat(routes).extracting(RegisteredResource::metadataName).containsExactlyInAnyOrder(routeName, routeName + "-websocket");

        var route = Stacks.object(PROD, "HTTPRoute", "bowmark", routeName);
        // Concrete's /file goes to the port its Service exposes (the live ingress's 8080 there is a bug).
        assertThat(routing(route)).isEqualTo(Map.of("/graphql", server, "/file", server, "/public", server, "/api", server, "/", client));
        assertThat(route.input("spec.rules").orElseThrow().toString()).contains("request=600s");
        var limit = Stacks.object(PROD, "BackendTrafficPolicy", "bowmark", routeName + "-body-limit");
        assertThat(limit.input("spec.requestBuffer.limit")).contains("100Mi");

        // GraphQL subscriptions: WebSocket upgrades on /graphql reach the server unbuffered.
        var upgrades = Stacks.object(PROD, "HTTPRoute", "bowmark", routeName + "-websocket");
        assertThat(routing(upgrades)).isEqualTo(Map.of("/graphql", server));
        assertThat(upgrades.input("spec.rules").orElseThrow().toString()).contains("name=Upgrade").contains("value=websocket");
        assertThat(Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("BackendTrafficPolicy")))
                .noneSatisfy(policy -> assertThat(policy.input("spec.targetRefs").orElseThrow().toString()).contains("websocket"));
    }

    @Test
    void oneBowMarkTlsCertificateCoversTheThreeHosts() {
        var certificates = Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("Certificate")
                && list(r.input("spec.dnsNames").orElse(List.of())).stream().anyMatch(host -> host.toString().endsWith("bowmark.ca")));
        assertThat(certificates).singleElement().satisfies(certificate -> {
            assertThat(certificate.metadataName()).isEqualTo("bow-mark-tls");
            assertThat(certificate.input("spec.secretName")).contains("bow-mark-tls");
            assertThat(certificate.input("spec.dnsNames")).contains(List.of("app.bowmark.ca", "paving.bowmark.ca", "concrete.bowmark.ca"));
            assertThat(certificate.input("spec.issuerRef.name")).contains("letsencrypt-production");
        });
        var listeners = Stacks.object(PROD, "Gateway", "edge", "platform").input("spec.listeners").orElseThrow().toString();
        assertThat(listeners).contains("hostname=app.bowmark.ca").contains("hostname=paving.bowmark.ca").contains("hostname=concrete.bowmark.ca");
    }

    @Test
    void secretsHaveTheSeedsNamesAndKeys() {
        var expected = Map.of(
                "postgres", List.of("user", "password", "host", "port", "dbPaving", "dbConcrete"),
                "rabbitmq", List.of("user", "password", "host", "port", "vhost", "vhostConcrete"),
                "general", List.of("jwtSecret"),
                "paving", List.of("mongoURI"),
                "concrete", List.of("mongoURI"),
                "email", List.of("email", "username", "password", "host", "port"),
                "search", List.of("host", "apiKey"),
                "spaces", List.of("name", "region", "key", "secret"));
        expected.forEach((name, keys) -> assertThat(map(Stacks.object(PROD, "Secret", "bowmark", name).inputs().get("stringData")))
                .as("Secret %s", name).containsKeys(keys.toArray(String[]::new)));
        assertThat(map(Stacks.object(PROD, "Secret", "bowmark", "postgres").inputs().get("stringData")))
                .containsEntry("user", "bowmark").containsEntry("host", "postgres").containsEntry("port", "5432")
                .containsEntry("dbPaving", "bowmark_reports_paving").containsEntry("dbConcrete", "bowmark_reports_concrete");
        assertThat(map(Stacks.object(PROD, "Secret", "bowmark", "rabbitmq").inputs().get("stringData")))
                .containsEntry("vhost", "bowmark").containsEntry("vhostConcrete", "bowmark-concrete");
        assertThat(PROD.resources()).noneMatch(r -> r.isKubernetesObject() && r.metadataName().equals("anthropic"));
    }

    @Test
    void theSpacesSecretIsTheAppsOwnBucketFromSecretConfig() {
        var result = Stacks.run("prod", "!platform:bowmarkSpacesName=bowmark-files-canary", "!platform:bowmarkSpacesKey=app-key-canary",
                "!platform:bowmarkSpacesSecret=app-secret-canary", "!platform:bowmarkSpacesRegion=tor1");
        var spaces = map(Stacks.object(result, "Secret", "bowmark", "spaces").inputs().get("stringData"));
        assertThat(spaces).isEqualTo(Map.of("name", new Secret("bowmark-files-canary"), "region", new Secret("tor1"),
                "key", new Secret("app-key-canary"), "secret", new Secret("app-secret-canary")));
        var backupBucket = map(Stacks.object(result, "Secret", "bowmark", "backup-bucket").inputs().get("stringData"));
        assertThat(backupBucket.get("name")).isEqualTo("platform-prod-backups-bowmark");
        assertThat(backupBucket.toString()).doesNotContain("canary");
    }

    @Test
    void noAppPodCanReadTheBackupCredentialsWhoseKeyReachesOnlyBowMarksBackupBucket() {
        var pods = Stacks.where(PROD, r -> r.isKubernetesObject() && r.namespace().equals("bowmark")
                && List.of("Deployment", "StatefulSet").contains(r.kind()));
        assertThat(pods).hasSize(10).allSatisfy(pod ->
                assertThat(pod.input("spec.template.spec").orElseThrow().toString()).as(pod.metadataName()).doesNotContain("backup-bucket"));
        for (var job : List.of("pg-backup", "pg-restore-check")) {
            var spec = Stacks.object(PROD, "CronJob", "bowmark", job).input("spec.jobTemplate.spec.template.spec").orElseThrow().toString();
            assertThat(spec).contains("name=backup-bucket").doesNotContain("name=spaces");
        }
        var key = Stacks.only(PROD, "digitalocean:index/spacesKey:SpacesKey", "backups-bowmark-key");
        assertThat(key.inputs().get("grants")).isEqualTo(List.of(Map.of("bucket", "platform-prod-backups-bowmark", "permission", "readwrite")));
    }

    @Test
    void theDatastoresAreTheSeedsOnTheDefaultPoolUnderTheLiveClaimNamesAndLabels() {
        for (var store : List.of(List.of("postgres", "postgres-data", "10Gi", "/var/lib/postgresql/data"),
                List.of("rabbitmq", "rabbitmq-data", "5Gi", "/var/lib/rabbitmq"))) {
            var set = Stacks.object(PROD, "StatefulSet", "bowmark", store.get(0));
            var claim = map(list(set.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
            assertThat(map(claim.get("metadata")).get("name")).isEqualTo(store.get(1));
            assertThat(claim.toString()).contains("storage=" + store.get(2));
            assertThat(Stacks.container(set).get("volumeMounts").toString()).contains("mountPath=" + store.get(3) + ", name=" + store.get(1));
            assertThat(set.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
            // The live pods' label; the (immutable) selector stays the recommended pair.
            assertThat(map(set.input("spec.template.metadata.labels").orElseThrow())).containsEntry("app", store.get(0));
            assertThat(set.input("spec.selector.matchLabels")).contains(Map.of("app.kubernetes.io/name", store.get(0),
                    "app.kubernetes.io/instance", store.get(0)));
            assertThat(set.options().protect()).isTrue();
        }
        var broker = map(Stacks.object(PROD, "ConfigMap", "bowmark", "rabbitmq-config").inputs().get("data")).get("rabbitmq.conf");
        assertThat(broker.toString()).contains("consumer_timeout = 14400000");
    }

    @Test
    void theNightlyRestartMayOnlyGetAndPatchTheFourWorkersAndConsumers() {
        var job = Stacks.object(PROD, "CronJob", "bowmark", "nightly-worker-restart");
        assertThat(job.input("spec.schedule")).contains("0 7 * * *");
        assertThat(job.input("spec.concurrencyPolicy")).contains("Forbid");
        assertThat(job.input("spec.jobTemplate.spec.template.spec.serviceAccountName")).contains("deployment-manager");
        var role = Stacks.object(PROD, "Role", "bowmark", "deployment-manager-role");
        var rules = list(role.inputs().get("rules"));
        assertThat(rules).hasSize(1);
        var rule = map(rules.get(0));
        assertThat(rule.get("verbs")).isEqualTo(List.of("get", "patch"));
        assertThat(rule.get("resources")).isEqualTo(List.of("deployments"));
        assertThat(Set.copyOf(list(rule.get("resourceNames")))).isEqualTo(Set.of("worker-deployment", "worker-concrete-deployment",
                "consumer-deployment", "consumer-concrete-deployment"));
        var binding = Stacks.object(PROD, "RoleBinding", "bowmark", "deployment-manager-binding");
        assertThat(binding.inputs().get("subjects").toString()).contains("name=deployment-manager").contains("kind=ServiceAccount");
    }

    @Test
    void theDatabaseIsBackedUpDailyAtEightWithThirtyDaysRetentionAndARestoreCheck() {
        var backup = Stacks.object(PROD, "CronJob", "bowmark", "pg-backup");
        assertThat(backup.input("spec.schedule")).contains("0 8 * * *");
        var pod = backup.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString();
        assertThat(pod).contains("value=days:30").contains("value=bowmark_reports_paving bowmark_reports_concrete")
                .contains("name=backup-bucket").contains("key=secret").doesNotContain("name=spaces");
        var check = Stacks.object(PROD, "CronJob", "bowmark", "pg-restore-check");
        assertThat(check.input("spec.schedule")).contains("0 10 * * 1");
        assertThat(check.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString()).contains("information_schema.tables");
        var custom = Stacks.run("prod", "platform:bowmark.backup.sanityQuery=SELECT count(*) FROM fact_material_shipment");
        assertThat(Stacks.object(custom, "CronJob", "bowmark", "pg-restore-check").input("spec.jobTemplate.spec.template.spec")
                .orElseThrow().toString()).contains("SELECT count(*) FROM fact_material_shipment");
    }

    @Test
    void theMigrationConfigMapIsBuiltFromADirectoryOfSqlFiles() {
        var dir = Path.of("src/test/resources/migrations").toAbsolutePath().toString();
        var result = Stacks.run("prod", "platform:bowmark.migrationsDir=" + dir);
        var configMap = Stacks.object(result, "ConfigMap", "bowmark", "pg-migrations");

        assertThat(map(configMap.inputs().get("data"))).containsOnlyKeys(
                "20240105093000_create_fact_material_shipment.sql", "20240212141500_add_shipment_job.sql");
        assertThat(PROD.resources()).noneMatch(r -> r.isKubernetesObject() && r.metadataName().equals("pg-migrations"));

        var bad = Stacks.run("prod", "platform:bowmark.migrationsDir=" + Path.of("src/test/resources/bad-migrations").toAbsolutePath());
        assertThat(bad.problems()).singleElement().asString()
                .isEqualTo("platform:bowmark.migrationsDir: 20240301000000_no_marker.sql has no '-- migrate:up' section");
        assertThat(bad.resources()).isEmpty();
    }

    @Test
    void devIsTheSmallVariant() {
        for (var name : List.of("server-deployment", "server-concrete-deployment", "client-deployment", "worker-deployment")) {
            var deployment = deployment(DEV, name);
            assertThat(deployment.input("spec.replicas")).contains(1L);
            assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
        }
        assertThat(Stacks.object(DEV, "HTTPRoute", "bowmark", "bowmark").input("spec.hostnames"))
                .contains(List.of("app.dev.bowmark.ca", "paving.dev.bowmark.ca"));
        assertThat(Stacks.object(DEV, "Certificate", "edge", "bow-mark-tls").input("spec.issuerRef.name")).contains("letsencrypt-staging");
        // Small requests so that dev's pool can hold it; the live memory limits stay, so the real app is not killed sooner.
        var server = map(Stacks.container(deployment(DEV, "server-deployment")).get("resources"));
        assertThat(server).isEqualTo(Map.of("requests", Map.of("cpu", "50m", "memory", "256Mi"), "limits", Map.of("memory", "4000Mi")));
        assertThat(map(Stacks.container(Stacks.object(DEV, "StatefulSet", "bowmark", "postgres")).get("resources")).get("requests"))
                .isEqualTo(Map.of("cpu", "250m", "memory", "256Mi"));
        assertThat(Stacks.run("dev", "platform:bowmark.requests=tiny").problems()).singleElement().asString()
                .isEqualTo("platform:bowmark.requests: got \"tiny\", expected one of: live, small");
    }

    @Test
    void withoutServerPathsInConfigTheLiveFourAreRouted() {
        var config = Stacks.load("prod");
        SecretKeys.REQUIRED.forEach(key -> config.setSecret(StackConfig.fullKey(key), "test-value-of-" + key));
        var engine = new LinkedHashMap<>(config.engineConfig());
        var bowmark = com.google.gson.JsonParser.parseString(engine.get("platform:bowmark")).getAsJsonObject();
        bowmark.remove("serverPaths");
        engine.put("platform:bowmark", bowmark.toString());

        var result = ProgramRun.platform("prod", engine, config.secretKeys());
        assertThat(result.problems()).isEmpty();
        assertThat(routing(Stacks.object(result, "HTTPRoute", "bowmark", "bowmark")).keySet())
                .containsExactlyInAnyOrder("/graphql", "/file", "/public", "/api", "/");
    }

    @Test
    void missingSecretConfigFailsWithTheKeysToSet() {
        var config = Stacks.load("prod");
        var result = ProgramRun.platform("prod", config.engineConfig(), config.secretKeys());

        assertThat(result.resources()).isEmpty();
        assertThat(result.problems()).hasSize(SecretKeys.REQUIRED.size()).allSatisfy(problem ->
                assertThat(problem).matches("platform:(\\w+): secret is not set; set it with `pulumi config set --secret platform:\\1 <value>`"));
        assertThat(SecretKeys.REQUIRED.stream().map(StackConfig::fullKey).toList())
                .allSatisfy(key -> assertThat(String.join("\n", result.problems())).contains(key));
    }

    @Test
    void secretConfigNeverReachesAnObjectInPlainText() {
        var result = Stacks.run("prod", "!platform:bowmarkSearchApiKey=search-key-canary");
        var search = map(Stacks.object(result, "Secret", "bowmark", "search").inputs().get("stringData"));

        assertThat(search.get("apiKey")).isEqualTo(new Secret("search-key-canary"));
        assertThat(result.resources().toString()).doesNotContain("search-key-canary");
    }

    @Test
    void theRunningSystemsJwtSecretAndPasswordsCanBeKeptAndThenNothingIsGenerated() {
        var result = Stacks.run("prod", "!platform:bowmarkJwtSecret=kept-jwt-canary", "!platform:bowmarkPostgresPassword=kept-pg-canary",
                "!platform:bowmarkRabbitmqPassword=kept-rmq-canary");

        assertThat(map(Stacks.object(result, "Secret", "bowmark", "general").inputs().get("stringData")))
                .isEqualTo(Map.of("jwtSecret", new Secret("kept-jwt-canary")));
        assertThat(map(Stacks.object(result, "Secret", "bowmark", "postgres").inputs().get("stringData")))
                .containsEntry("password", new Secret("kept-pg-canary"));
        assertThat(map(Stacks.object(result, "Secret", "bowmark", "rabbitmq").inputs().get("stringData")))
                .containsEntry("password", new Secret("kept-rmq-canary"));
        assertThat(result.ofType("random:index/randomPassword:RandomPassword")).extracting(RegisteredResource::name)
                .doesNotContain("bowmark-jwt-secret", "postgres-password", "rabbitmq-password");
        assertThat(PROD.ofType("random:index/randomPassword:RandomPassword")).extracting(RegisteredResource::name)
                .contains("bowmark-jwt-secret", "postgres-password", "rabbitmq-password");
        assertThat(result.resources().toString()).doesNotContain("canary");
    }

    @Test
    void rotatingThePostgresPasswordChangesOnlyThePasswordItsSecretsAndTheCredentialAnnotations() {
        var before = Stacks.run("prod", new AnsweringCloud(), false);
        var after = Stacks.run("prod", new AnsweringCloud(), false, "platform:bowmark.postgres.rotation=1");

        var changes = Diffs.between(before.resources(), after.resources());
        var annotation = "spec.template.metadata.annotations.platform.dev/credential-versions";
        var expected = new java.util.TreeMap<String, List<String>>();
        expected.put("random:index/randomPassword:RandomPassword::postgres-password", List.of("keepers.rotation"));
        expected.put("kubernetes:core/v1:Secret::bowmark-postgres", List.of("stringData.dbConcreteUrl", "stringData.dbPavingUrl", "stringData.password"));
        expected.put("kubernetes:apps/v1:StatefulSet::bowmark-postgres", List.of(annotation));
        for (var deployment : List.of("server", "server-concrete", "worker", "worker-concrete", "consumer", "consumer-concrete")) {
            expected.put("kubernetes:apps/v1:Deployment::bowmark-" + deployment + "-deployment", List.of(annotation));
        }
        assertThat(changes).isEqualTo(expected);
        assertThat(Stacks.object(after, "Deployment", "bowmark", "consumer-deployment").input("spec.template.metadata.annotations")
                .orElseThrow().toString()).contains("postgres-password@1");
    }

    @Test
    void rotatingTheJwtSecretRollsServersAndWorkersButNotTheConsumersWhichDoNotReadIt() {
        var rotated = Stacks.run("prod", "platform:bowmark.jwtRotation=1");
        for (var name : List.of("server-deployment", "worker-concrete-deployment")) {
            assertThat(deployment(rotated, name).input("spec.template.metadata.annotations").orElseThrow().toString())
                    .contains("bowmark-jwt-secret@1");
        }
        assertThat(deployment(rotated, "consumer-deployment").input("spec.template.metadata.annotations").orElseThrow().toString())
                .doesNotContain("bowmark-jwt-secret");
    }

    @Test
    void everyBowMarkObjectMeetsTheBaseline() {
        assertThat(Baseline.violations(Stacks.where(PROD, r -> r.namespace().equals("bowmark")), true)).isEmpty();
    }
}
