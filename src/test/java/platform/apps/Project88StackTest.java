package platform.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import platform.Baseline;
import platform.Stacks;
import platform.Versions;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** Project 88's seed (service catalogue, compose snippet, persistence table, hardening checklist) against the real stack files. */
class Project88StackTest {
    private static final String NS = "project88";
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");
    private static final String DIGEST = "@sha256:[a-f0-9]{64}";

    private static RegisteredResource object(ProgramRun.Result stack, String kind, String name) {
        return Stacks.object(stack, kind, NS, name);
    }

    private static List<Map<String, Object>> containers(RegisteredResource workload, String list) {
        var path = workload.kind().equals("CronJob") ? "spec.jobTemplate.spec.template.spec." : "spec.template.spec.";
        return workload.input(path + list).map(Stacks::list).orElse(List.of()).stream().map(Stacks::map).toList();
    }

    private static Map<String, Object> env(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().map(Stacks::map).filter(env -> name.equals(env.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no env " + name + " in " + container.get("name")));
    }

    private static List<RegisteredResource> workloads(ProgramRun.Result stack) {
        return Stacks.where(stack, r -> r.isKubernetesObject() && r.namespace().equals(NS)
                && Set.of("Deployment", "StatefulSet", "CronJob").contains(r.kind()));
    }

    /** The NetworkPolicies that admit someone to a datastore's pods, by the client they name. */
    private static Set<String> admitted(ProgramRun.Result stack, String store) {
        return Stacks.where(stack, r -> r.isKubernetesObject() && r.namespace().equals(NS) && r.kind().equals("NetworkPolicy")
                        && r.metadataName().startsWith(store + "-from-"))
                .stream().map(r -> r.metadataName().substring(store.length() + "-from-".length())).collect(Collectors.toSet());
    }

    private static String only(ProgramRun.Result failed) {
        assertThat(failed.resources()).as("nothing is registered when config is bad").isEmpty();
        assertThat(failed.problems()).hasSize(1);
        return failed.problems().get(0);
    }

    @Test
    void prodWebIsTwoReplicasWithTheSeedsLimitsAndHealthcheck() {
        var web = object(PROD, "Deployment", "web");
        var container = Stacks.container(web);

        assertThat(web.input("spec.replicas")).contains(2L);
        assertThat(web.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "apps-pool"));
        assertThat(map(map(container.get("resources")).get("limits"))).isEqualTo(Map.of("cpu", "500m", "memory", "512Mi"));
        assertThat(list(container.get("ports"))).containsExactly(Map.of("name", "http", "containerPort", 8000L));
        for (var probe : List.of("readinessProbe", "livenessProbe")) {
            var check = map(container.get(probe));
            assertThat(map(check.get("httpGet"))).as(probe).isEqualTo(Map.of("path", "/health", "port", 8000L));
            assertThat(check).as(probe).containsEntry("periodSeconds", 10L).containsEntry("timeoutSeconds", 3L)
                    .containsEntry("failureThreshold", 5L);
        }
        // A new pod is ready before an old one stops: compose's "old container stops post-success".
        assertThat(web.input("spec.strategy.rollingUpdate.maxUnavailable")).contains(0L);
        assertThat(web.input("spec.strategy.rollingUpdate.maxSurge")).contains(1L);
        assertThat(object(PROD, "PodDisruptionBudget", "web").input("spec.maxUnavailable")).contains(1L);
        assertThat(object(PROD, "Service", "web").input("spec.ports").orElseThrow().toString()).contains("port=8000");
    }

    @Test
    void webStartsOnlyAfterPostgresAnswersPgIsreadyAndRedisAnswersPing() {
        var init = containers(object(PROD, "Deployment", "web"), "initContainers");

        assertThat(init).extracting(c -> c.get("name")).containsExactly("wait-for-db", "wait-for-redis");
        var db = init.get(0);
        assertThat(db.get("image").toString()).startsWith(Versions.POSTGRES_ALPINE + "@sha256:");
        assertThat(list(db.get("command"))).containsSequence("-", "pg_isready", "-h", "db", "-p", "5432");
        var redis = init.get(1);
        assertThat(redis.get("image").toString()).startsWith(Versions.REDIS + "@sha256:");
        assertThat(list(redis.get("command"))).containsSequence("PONG", "redis-cli", "-h", "redis", "-p", "6379", "ping");
        assertThat(env(redis, "REDISCLI_AUTH").toString()).contains("secretKeyRef={key=password, name=redis}");
        assertThat(containers(object(PROD, "Deployment", "worker"), "initContainers"))
                .extracting(c -> c.get("name")).containsExactly("wait-for-db", "wait-for-redis");
    }

    @Test
    void theWorkerRunsTheConfiguredCeleryCommandWithNoPortAndPingsItsOwnNode() {
        var worker = object(PROD, "Deployment", "worker");
        var container = Stacks.container(worker);

        assertThat(container.get("image")).isEqualTo(Stacks.container(object(PROD, "Deployment", "web")).get("image"));
        assertThat(container.get("command")).isEqualTo(List.of("celery", "-A", "p88.worker", "worker", "--loglevel=INFO", "--concurrency=2"));
        assertThat(container).doesNotContainKey("ports");
        assertThat(Stacks.where(PROD, r -> r.isKubernetesObject() && r.namespace().equals(NS) && r.kind().equals("Service")
                && r.metadataName().equals("worker"))).isEmpty();
        var ping = "celery -A 'p88.worker' inspect ping -d \"celery@$HOSTNAME\" --timeout 10";
        assertThat(map(map(container.get("livenessProbe")).get("exec")).get("command")).isEqualTo(List.of("sh", "-c", ping));
        assertThat(map(map(container.get("readinessProbe")).get("exec")).get("command")).isEqualTo(List.of("sh", "-c", ping));
        assertThat(env(container, "CELERY_BROKER_URL").toString()).contains("key=url, name=redis");
        assertThat(worker.input("spec.replicas")).contains(1L);
    }

    @ParameterizedTest
    @CsvSource({
            "platform:project88.worker.command[0]=python, a Celery worker command",
            "platform:project88.worker.command[3]=beat, a Celery worker command",
            "platform:project88.worker.command[4]=--hostname=w1, without -n/--hostname",
            "platform:project88.worker.command[4]=$(id), plain words, no shell",
    })
    void aWorkerCommandTheProbeCannotPingIsRefused(String override, String expected) {
        var problem = only(Stacks.run("prod", override));

        assertThat(problem).startsWith("platform:project88.worker.command: got ").contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "worker"})
    void webAndWorkerFollowTheHardeningChecklist(String name) {
        var deployment = object(PROD, "Deployment", name);
        var security = map(Stacks.container(deployment).get("securityContext"));

        assertThat(security).containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
        assertThat(map(security.get("capabilities")).get("drop")).isEqualTo(List.of("ALL"));
        assertThat(deployment.input("spec.template.spec.securityContext.runAsUser")).contains(1000L);
        assertThat(deployment.input("spec.template.spec.securityContext.runAsGroup")).contains(1000L);
        assertThat(list(Stacks.container(deployment).get("volumeMounts"))).containsExactly(Map.of("mountPath", "/tmp", "name", "scratch-0"));
    }

    @Test
    void everyProjectEightyEightImageInProdIsPinnedByADigestFromConfig() {
        var images = new ArrayList<String>();
        for (var workload : workloads(PROD)) {
            for (var list : List.of("containers", "initContainers")) {
                containers(workload, list).forEach(container -> images.add(container.get("image").toString()));
            }
        }
        assertThat(images).hasSizeGreaterThan(10).allSatisfy(image -> assertThat(image).matches(".+:[^@]+" + DIGEST));
        assertThat(images).noneMatch(image -> image.matches(".*@sha256:0{64}"));
        assertThat(Set.copyOf(images).stream().map(image -> image.substring(0, image.indexOf('@'))).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("registry.gitlab.com/p88/app:0.1.0", Versions.POSTGRES_ALPINE, Versions.REDIS,
                        Versions.OPENSEARCH, Versions.AWS_CLI);
    }

    @Test
    void aTagWithoutADigestIsRefusedInProdNamingTheKey() {
        var problem = only(Stacks.run("prod", "platform:project88.web.image=registry.gitlab.com/p88/app:0.1.0"));

        assertThat(problem).isEqualTo("platform:project88.web.image: got \"registry.gitlab.com/p88/app:0.1.0\", "
                + "expected in production an image pinned by digest in config: repository:tag@sha256:<64 hex>");
        assertThat(only(Stacks.run("prod", "platform:project88.web.image=registry.gitlab.com/p88/app:0.1.0@sha256:" + "0".repeat(64))))
                .startsWith("platform:project88.web.image: got ").endsWith("expected a real release in production, not an all-zero placeholder");
        assertThat(only(Stacks.run("prod", "platform:project88.images.redis=redis:7.4.11-alpine")))
                .startsWith("platform:project88.images.redis: got \"redis:7.4.11-alpine\", expected in production an image pinned by digest");
        assertThat(Stacks.run("dev", "platform:project88.web.image=registry.gitlab.com/p88/app:0.2.0").problems()).isEmpty();
    }

    @Test
    void anUpstreamImageMustBeTheReleaseVersionsPins() {
        var problem = only(Stacks.run("prod", "platform:project88.images.db=postgres:16.14-alpine@sha256:" + "a".repeat(64)));

        assertThat(problem).isEqualTo("platform:project88.images.db: got \"postgres:16.14-alpine@sha256:" + "a".repeat(64)
                + "\", expected " + Versions.POSTGRES_ALPINE + "@sha256:<64 hex> (the release platform.Versions pins, with its digest)");
        var dev = Stacks.container(object(DEV, "StatefulSet", "db"));
        assertThat(dev.get("image")).isEqualTo(Versions.POSTGRES_ALPINE);
    }

    @Test
    void theNonSecretEnvIsAConfigMapAndTheVaultedWebEnvASecret() {
        var result = Stacks.run("prod", "!platform:project88WebEnv=# vaulted\nSECRET_KEY=canary-one\nexport SMTP_PASSWORD=\"canary two\"\n");
        var configMap = map(object(result, "ConfigMap", "base-env").inputs().get("data"));
        var secret = map(object(result, "Secret", "web-env").inputs().get("stringData"));

        assertThat(configMap).containsEntry("ENVIRONMENT", "prod").containsEntry("LOG_LEVEL", "INFO")
                .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://alloy.observability.svc:4318")
                .doesNotContainKeys("SECRET_KEY", "SMTP_PASSWORD");
        assertThat(secret).containsOnlyKeys("SECRET_KEY", "SMTP_PASSWORD")
                .containsEntry("SECRET_KEY", new Secret("canary-one")).containsEntry("SMTP_PASSWORD", new Secret("canary two"));
        var web = Stacks.container(object(result, "Deployment", "web"));
        assertThat(env(web, "SECRET_KEY").toString()).contains("secretKeyRef={key=SECRET_KEY, name=web-env}");
        assertThat(env(web, "LOG_LEVEL").toString()).contains("configMapKeyRef={key=LOG_LEVEL, name=base-env}");
        assertThat(env(web, "ENVIRONMENT").toString()).contains("configMapKeyRef={key=ENVIRONMENT, name=base-env}");
        assertThat(env(Stacks.container(object(result, "Deployment", "worker")), "OTEL_EXPORTER_OTLP_ENDPOINT").toString())
                .contains("name=base-env");
        assertThat(object(result, "Deployment", "web").input("spec.template.metadata.annotations").orElseThrow().toString())
                .contains("web-env@given.0");
        var withoutSecrets = new ArrayList<>(result.resources());
        withoutSecrets.removeIf(r -> r.kind().equals("Secret"));
        assertThat(withoutSecrets.toString()).doesNotContain("canary");
        assertThat(Baseline.violations(result.resources(), true)).isEmpty();
        assertThat(map(object(DEV, "ConfigMap", "base-env").inputs().get("data"))).containsEntry("ENVIRONMENT", "dev")
                .containsEntry("SMTP_SERVER", "mailpit");
    }

    @Test
    void aChangedEnvRollsWebAndWorker() {
        var changed = Stacks.run("prod", "platform:project88.env.LOG_LEVEL=WARNING");
        for (var name : List.of("web", "worker")) {
            var before = map(object(PROD, "Deployment", name).input("spec.template.metadata.annotations").orElseThrow());
            var after = map(object(changed, "Deployment", name).input("spec.template.metadata.annotations").orElseThrow());
            assertThat(after.get("platform.dev/config-checksum")).isNotEqualTo(before.get("platform.dev/config-checksum"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "platform:project88.env.API_SECRET=x | platform:project88.env.API_SECRET: looks like a secret, expected it in the secret env file",
            "platform:project88.env.DATABASE_URL=x | platform:project88.env.DATABASE_URL: is set by the platform",
            "!platform:project88WebEnv=SECRET_KEY=s3cr3t-canary\\nthis line is wrong | platform:project88WebEnv: line 2: expected NAME=value",
            "!platform:project88WebEnv=ENVIRONMENT=staging | platform:project88WebEnv: ENVIRONMENT is set by the platform",
            "platform:project88.otelEndpoint=alloy:4318 | platform:project88.otelEndpoint: got \"alloy:4318\", expected an http(s) URL",
    })
    void envThatBelongsElsewhereIsRefusedWithoutShowingSecrets(String override, String expected) {
        var problem = only(Stacks.run("prod", override.replace("\\n", "\n")));

        assertThat(problem).startsWith(expected).doesNotContain("canary").doesNotContain("wrong");
    }

    @Test
    void postgresIsSixteenAlpineOnARetainedProtectedVolumeAndEphemeralInDev() {
        var db = object(PROD, "StatefulSet", "db");
        assertThat(Stacks.container(db).get("image").toString()).startsWith("postgres:16.15-alpine@sha256:");
        var claim = map(list(db.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
        assertThat(map(claim.get("metadata")).get("name")).isEqualTo("db-data");
        assertThat(claim.toString()).contains("storage=20Gi").contains("storageClassName=do-block-storage-retain");
        assertThat(db.options().protect()).isTrue();
        assertThat(map(object(PROD, "Secret", "db").inputs().get("stringData")))
                .containsEntry("user", "project88_myappuser").containsEntry("database", "project88_myappdb").containsEntry("host", "db");

        var dev = object(DEV, "StatefulSet", "db");
        assertThat(dev.input("spec.volumeClaimTemplates")).isEmpty();
        assertThat(dev.input("spec.template.spec.volumes").orElseThrow().toString()).contains("{emptyDir={}, name=db-data}");
        assertThat(only(Stacks.run("prod", "platform:project88.postgres.ephemeral=true")))
                .isEqualTo("platform:project88.postgres.ephemeral: got true, expected false in production: its data lives on a retained volume");
    }

    @Test
    void redisHasNoPersistenceAndNoVolume() {
        var redis = object(PROD, "StatefulSet", "redis");
        var args = list(Stacks.container(redis).get("args"));

        assertThat(redis.input("spec.volumeClaimTemplates")).isEmpty();
        assertThat(args).containsSequence("--save", "", "--appendonly", "no", "--maxmemory", "256mb", "--maxmemory-policy", "volatile-lru");
    }

    @Test
    void openSearchIsOneNodeWithoutMemoryLockOrMmapOnTheSearchDataVolume() {
        var search = object(PROD, "StatefulSet", "search");
        var container = Stacks.container(search);

        assertThat(list(container.get("env"))).contains(Map.of("name", "discovery.type", "value", "single-node"),
                Map.of("name", "bootstrap.memory_lock", "value", "false"), Map.of("name", "node.store.allow_mmap", "value", "false"),
                Map.of("name", "OPENSEARCH_JAVA_OPTS", "value", "-Xms1g -Xmx1g"));
        var claim = map(list(search.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
        assertThat(map(claim.get("metadata")).get("name")).isEqualTo("search-data");
        assertThat(claim.toString()).contains("storage=10Gi");
        // No privileged init container for vm.max_map_count: none at all.
        assertThat(containers(search, "initContainers")).isEmpty();
        assertThat(map(container.get("securityContext"))).containsEntry("privileged", false).containsEntry("readOnlyRootFilesystem", false);
        assertThat(Baseline.WRITABLE_ROOT.stream().filter(name -> name.startsWith(NS + "/")).toList()).containsExactly("project88/search");
        // The index is rebuilt from PostgreSQL, so it has no backup job.
        assertThat(Stacks.where(PROD, r -> r.namespace().equals(NS) && r.kind().equals("CronJob")))
                .extracting(RegisteredResource::metadataName).containsExactlyInAnyOrder("pg-backup", "pg-restore-check", "pg-restore",
                        "pg-basebackup", "pg-pitr-check");
    }

    @Test
    void eachDatastoreAdmitsOnlyItsClients() {
        assertThat(admitted(PROD, "db")).containsExactlyInAnyOrder("web", "worker", "pg-backup", "pg-restore-check", "pg-restore",
                "pg-basebackup", "pg-pitr-check");
        assertThat(admitted(PROD, "redis")).containsExactlyInAnyOrder("web", "worker");
        assertThat(admitted(PROD, "search")).containsExactlyInAnyOrder("web", "worker");
        assertThat(admitted(PROD, "web")).containsExactly("gateway");
        assertThat(admitted(DEV, "db")).containsExactlyInAnyOrder("web", "worker", "pg-backup", "pg-restore-check", "pg-restore", "pgadmin");
        assertThat(object(PROD, "NetworkPolicy", "redis-from-worker").input("spec.ingress").orElseThrow().toString())
                .contains("app.kubernetes.io/name=worker").contains("port=6379");
        assertThat(object(PROD, "NetworkPolicy", "default-deny-ingress").input("spec.policyTypes")).contains(List.of("Ingress"));
    }

    @Test
    void theRouteServesTheConfiguredHostOnTheSharedGatewayWithItsCertificate() {
        var route = object(PROD, "HTTPRoute", "project88");

        assertThat(route.input("spec.hostnames")).contains(List.of("app.project88hub.com"));
        assertThat(route.input("spec.rules").orElseThrow().toString()).contains("name=web, port=8000")
                .contains("value=/metrics").contains("Strict-Transport-Security").contains("request=3600s");
        assertThat(Stacks.object(PROD, "Gateway", "edge", "platform").input("spec.listeners").orElseThrow().toString())
                .contains("hostname=app.project88hub.com");
        assertThat(Stacks.object(PROD, "Certificate", "edge", "project88-tls").input("spec.issuerRef.name")).contains("letsencrypt-production");
        assertThat(Stacks.object(DEV, "Certificate", "edge", "project88-tls").input("spec.issuerRef.name")).contains("letsencrypt-staging");
        assertThat(object(DEV, "HTTPRoute", "project88").input("spec.hostnames")).contains(List.of("app.dev.project88hub.com"));
    }

    @Test
    void mailpitAndPgAdminRunInDevOnlyWithoutARoute() {
        var mailpit = Stacks.container(object(DEV, "Deployment", "mailpit"));
        assertThat(mailpit.get("image")).isEqualTo(Versions.MAILPIT);
        assertThat(list(mailpit.get("ports"))).contains(Map.of("name", "http", "containerPort", 8025L), Map.of("name", "smtp", "containerPort", 1025L));
        assertThat(admitted(DEV, "mailpit")).containsExactlyInAnyOrder("web", "worker");
        assertThat(object(DEV, "NetworkPolicy", "mailpit-from-web").input("spec.ingress").orElseThrow().toString())
                .contains("port=1025").doesNotContain("port=8025");
        var pgadmin = object(DEV, "Deployment", "pgadmin");
        assertThat(Stacks.container(pgadmin).get("image")).isEqualTo(Versions.PGADMIN);
        assertThat(pgadmin.input("spec.template.spec.securityContext.runAsUser")).contains(5050L);
        assertThat(env(Stacks.container(pgadmin), "PGADMIN_DEFAULT_PASSWORD").toString()).contains("secretKeyRef={key=password, name=pgadmin}");
        assertThat(map(object(DEV, "ConfigMap", "pgadmin-servers").inputs().get("data")).get("servers.json").toString())
                .contains("\"Host\": \"db\"").contains("\"Username\": \"project88_myappuser\"");

        var routes = Stacks.where(DEV, r -> r.namespace().equals(NS) && r.kind().equals("HTTPRoute")).toString();
        assertThat(routes).doesNotContain("mailpit").doesNotContain("pgadmin");
        assertThat(Stacks.where(PROD, r -> r.namespace().equals(NS) && (r.metadataName().contains("mailpit") || r.metadataName().contains("pgadmin"))))
                .isEmpty();
        assertThat(only(Stacks.run("prod", "platform:project88.devTools=true")))
                .isEqualTo("platform:project88.devTools: got true, expected false in production: Mailpit and pgAdmin are development tools");
    }

    @Test
    void theDatabaseIsDumpedNightlyWithRetentionAndARestoreCheck() {
        var backup = object(PROD, "CronJob", "pg-backup");
        assertThat(backup.input("spec.schedule")).contains("0 7 * * *");
        assertThat(backup.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString())
                .contains("value=days:30").contains("value=project88_myappdb").contains("name=backup-bucket");
        var check = object(PROD, "CronJob", "pg-restore-check");
        assertThat(check.input("spec.schedule")).contains("0 9 * * 1");
        assertThat(check.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString()).contains("value=26");
        assertThat(containers(backup, "containers")).extracting(c -> c.get("image").toString())
                .allSatisfy(image -> assertThat(image).matches(".+" + DIGEST));
    }

    @Test
    void podsCarryTheSeedsLogLabelsAndWebDeclaresItsMetrics() {
        for (var stack : Map.of("prod", PROD, "dev", DEV).entrySet()) {
            var templates = Stacks.where(stack.getValue(), r -> r.isKubernetesObject() && r.namespace().equals(NS)
                    && Set.of("Deployment", "StatefulSet").contains(r.kind()));
            assertThat(templates).hasSizeGreaterThanOrEqualTo(5).allSatisfy(workload -> {
                var labels = map(workload.input("spec.template.metadata.labels").orElseThrow());
                assertThat(labels).as(workload.metadataName()).containsEntry("service", workload.metadataName())
                        .containsEntry("env", stack.getKey()).containsKey("app.kubernetes.io/name");
            });
        }
        var annotations = map(object(PROD, "Deployment", "web").input("spec.template.metadata.annotations").orElseThrow());
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "8000")
                .containsEntry("prometheus.io/path", "/metrics");
        assertThat(map(object(PROD, "Deployment", "worker").input("spec.template.metadata.annotations").orElseThrow()))
                .doesNotContainKey("prometheus.io/scrape");
        assertThat(env(Stacks.container(object(PROD, "Deployment", "web")), "OTEL_SERVICE_NAME")).containsEntry("value", "web");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyProjectEightyEightObjectMeetsTheBaseline(String stack) {
        var result = stack.equals("prod") ? PROD : DEV;

        assertThat(result.problems()).isEmpty();
        assertThat(Stacks.where(result, r -> r.namespace().equals(NS))).hasSizeGreaterThan(30);
        assertThat(Baseline.violations(Stacks.where(result, r -> r.namespace().equals(NS)), stack.equals("prod"))).isEmpty();
    }
}
