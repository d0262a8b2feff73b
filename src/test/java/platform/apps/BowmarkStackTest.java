package platform.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.AnsweringCloud;
import platform.Baseline;
import platform.Diffs;
import platform.Stacks;
import platform.config.BowmarkSettings;
import platform.config.SecretKeys;
import platform.config.StackConfig;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** The seed's tables, row by row, against the real stack files. */
class BowmarkStackTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");

    private static RegisteredResource deployment(ProgramRun.Result stack, String name) {
        return Stacks.object(stack, "Deployment", "bowmark", name);
    }


    private static String envSource(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().map(Stacks::map).filter(env -> name.equals(env.get("name")))
                .findFirst().map(Object::toString).orElseThrow(() -> new AssertionError("no env " + name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // deployment,                replicas, pool,                    vhost key,     container, image
            "server-deployment,            2, dedicated-cpu-optimized, vhost,         server,   itsdevin/bow-mark-server",
            "server-concrete-deployment,   2, dedicated-cpu-optimized, vhostConcrete, server,   itsdevin/bow-mark-server",
            "worker-deployment,            1, default-pool,            vhost,         worker,   itsdevin/bow-mark-server",
            "worker-concrete-deployment,   1, default-pool,            vhostConcrete, worker,   itsdevin/bow-mark-server",
            "consumer-deployment,          1, default-pool,            vhost,         consumer, itsdevin/bow-mark-server",
            "consumer-concrete-deployment, 1, default-pool,            vhostConcrete, consumer, itsdevin/bow-mark-server",
            "client-deployment,            1, default-pool,            ,              client,   itsdevin/bow-mark-client",
            "client-concrete-deployment,   1, default-pool,            ,              client,   itsdevin/bow-mark-concrete-client",
    })
    void prodDeploymentsFollowTheSeedsTable(String name, long replicas, String pool, String vhostKey, String containerName, String image) {
        var deployment = deployment(PROD, name);
        var container = Stacks.container(deployment);

        assertThat(deployment.input("spec.replicas")).contains(replicas);
        assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", pool));
        assertThat(container.get("name")).isEqualTo(containerName);
        assertThat(container.get("image").toString()).startsWith(image + ":");
        if (vhostKey != null) {
            assertThat(envSource(container, "RABBITMQ_VHOST")).contains("key=" + vhostKey).contains("name=rabbitmq");
        }
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
    void consumersMigrateTheirOwnDatabaseWithDbmateBeforeStarting() {
        for (var product : List.of(Map.entry("consumer-deployment", "dbPavingUrl"), Map.entry("consumer-concrete-deployment", "dbConcreteUrl"))) {
            var deployment = deployment(PROD, product.getKey());
            assertThat(Stacks.container(deployment).get("command")).isEqualTo(List.of("node", "dist/consumer/index.js"));
            var migrate = map(list(deployment.input("spec.template.spec.initContainers").orElseThrow()).get(0));
            assertThat(migrate.get("name")).isEqualTo("migrate");
            assertThat(migrate.get("image")).isEqualTo(platform.Versions.DBMATE + "@[unknown]");
            assertThat(list(migrate.get("args"))).contains("up");
            assertThat(migrate.get("env").toString()).contains("key=" + product.getValue()).contains("name=postgres");
            assertThat(deployment.input("spec.template.spec.volumes").orElseThrow().toString()).contains("name=pg-migrations");
        }
    }

    @Test
    void consumersGetTheBackfillCommandsWiring() {
        var consumer = Stacks.container(deployment(PROD, "consumer-concrete-deployment"));
        assertThat(envSource(consumer, "NODE_ENV")).contains("value=production");
        assertThat(envSource(consumer, "MONGO_URI")).contains("name=concrete").contains("key=mongoURI");
        assertThat(envSource(consumer, "POSTGRES_PASSWORD")).contains("name=postgres").contains("key=password");
        assertThat(envSource(consumer, "POSTGRES_DB")).contains("value=bowmark_reports_concrete");
    }

    @Test
    void servicesExposeTheSeedsPorts() {
        var ports = Map.of("client-cluster-ip-service", 3000L, "client-concrete-cluster-ip-service", 3001L,
                "server-cluster-ip-service", 8080L, "server-concrete-cluster-ip-service", 8081L);
        ports.forEach((service, port) -> {
            var object = Stacks.object(PROD, "Service", "bowmark", service);
            assertThat(object.input("spec.type")).contains("ClusterIP");
            assertThat(map(list(object.input("spec.ports").orElseThrow()).get(0)).get("port")).isEqualTo(port);
        });
    }

    @Test
    void routesServeTheSeedsHostsWithItsTimeoutsAndUploadLimit() {
        var paving = Stacks.object(PROD, "HTTPRoute", "bowmark", "bowmark");
        var concrete = Stacks.object(PROD, "HTTPRoute", "bowmark", "bowmark-concrete");

        assertThat(paving.input("spec.hostnames")).contains(List.of("app.bowmark.ca", "paving.bowmark.ca"));
        assertThat(concrete.input("spec.hostnames")).contains(List.of("concrete.bowmark.ca"));
        var rules = list(paving.input("spec.rules").orElseThrow());
        assertThat(rules.toString()).contains("value=/api").contains("name=server-cluster-ip-service, port=8080")
                .contains("name=client-cluster-ip-service, port=3000").contains("request=600s");
        assertThat(list(concrete.input("spec.rules").orElseThrow()).toString())
                .contains("port=8081").contains("port=3001");
        var limit = Stacks.object(PROD, "BackendTrafficPolicy", "bowmark", "bowmark-body-limit");
        assertThat(limit.input("spec.requestBuffer.limit")).contains("100Mi");
        var gateway = Stacks.object(PROD, "Gateway", "edge", "platform");
        assertThat(gateway.input("spec.listeners").orElseThrow().toString())
                .contains("hostname=app.bowmark.ca").contains("hostname=paving.bowmark.ca").contains("hostname=concrete.bowmark.ca");
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
    }

    @Test
    void theDatastoresAreTheSeeds() {
        var postgres = Stacks.object(PROD, "StatefulSet", "bowmark", "postgres");
        var rabbitmq = Stacks.object(PROD, "StatefulSet", "bowmark", "rabbitmq");
        assertThat(postgres.input("spec.volumeClaimTemplates").orElseThrow().toString()).contains("storage=10Gi");
        assertThat(rabbitmq.input("spec.volumeClaimTemplates").orElseThrow().toString()).contains("storage=5Gi");
        assertThat(postgres.options().protect()).isTrue();
        assertThat(rabbitmq.options().protect()).isTrue();
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
        assertThat(Stacks.object(PROD, "Certificate", "edge", "bow-mark-tls").input("spec.issuerRef.name")).contains("letsencrypt-production");
        assertThat(Stacks.object(PROD, "Certificate", "edge", "bow-mark-tls").input("spec.dnsNames"))
                .contains(List.of("app.bowmark.ca", "paving.bowmark.ca", "concrete.bowmark.ca"));
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

        assertThat(search.get("apiKey")).isEqualTo(new platform.render.Secret("search-key-canary"));
        assertThat(result.resources().toString()).doesNotContain("search-key-canary");
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
    void everyBowMarkObjectMeetsTheBaseline() {
        assertThat(Baseline.violations(Stacks.where(PROD, r -> r.namespace().equals("bowmark")), true)).isEmpty();
    }
}
