package platform.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import platform.AnsweringCloud;
import platform.Baseline;
import platform.Diffs;
import platform.Stacks;
import platform.Versions;
import platform.config.SrqHpnSettings;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** Seed 003 and its fact sheet, row by row, against the real stack files. */
class SrqHpnStackTest {
    private static final String NS = "srq-hpn";
    private static final String COMMIT = "9253acd5ea6ffa5ecf630ad2c762a59d9e8b131a";
    private static final String API_IMAGE = "registry.digitalocean.com/platform-registry/srq-hpn-api";
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");

    private static RegisteredResource object(ProgramRun.Result stack, String kind, String name) {
        return Stacks.object(stack, kind, NS, name);
    }

    /** Each env var of a container by name, as the pod spec has it (value or valueFrom). */
    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        var env = new LinkedHashMap<String, Map<String, Object>>();
        list(container.getOrDefault("env", List.of())).stream().map(Stacks::map).forEach(e -> env.put((String) e.get("name"), e));
        return env;
    }

    private static String secretRef(Map<String, Object> variable) {
        var ref = map(map(variable.get("valueFrom")).get("secretKeyRef"));
        return ref.get("name") + "/" + ref.get("key");
    }

    private static List<String> rules(ProgramRun.Result stack) {
        return list(object(stack, "HTTPRoute", "srq-hpn").input("spec.rules").orElseThrow()).stream().map(Stacks::map)
                .map(rule -> {
                    var path = map(map(list(rule.get("matches")).get(0)).get("path"));
                    var backend = map(list(rule.get("backendRefs")).get(0));
                    return path.get("type") + " " + path.get("value") + " -> " + backend.get("name") + ":" + backend.get("port");
                }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // deployment, replicas, pool,     port, readiness,   liveness,   uid,  image
            "api,          2,        apps-pool, 8000, /api/health, /api/health, 1001, srq-hpn-api",
            "web,          2,        apps-pool, 3000, /,           tcp,         1001, srq-hpn-web",
    })
    void prodWorkloadsFollowTheFactSheet(String name, long replicas, String pool, long port, String readiness, String liveness,
                                         long uid, String image) {
        var deployment = object(PROD, "Deployment", name);
        var container = Stacks.container(deployment);

        assertThat(deployment.input("spec.replicas")).contains(replicas);
        assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", pool));
        assertThat(container.get("name")).isEqualTo(name);
        assertThat(container.get("image").toString())
                .isEqualTo("registry.digitalocean.com/platform-registry/" + image + ":" + COMMIT + "@[unknown]");
        assertThat(list(container.get("ports")).toString()).contains("containerPort=" + port);
        assertThat(map(map(container.get("readinessProbe")).get("httpGet"))).containsEntry("path", readiness).containsEntry("port", port);
        var live = map(container.get("livenessProbe"));
        assertThat(liveness.equals("tcp") ? map(live.get("tcpSocket")).get("port") : map(live.get("httpGet")).get("path"))
                .isEqualTo(liveness.equals("tcp") ? port : liveness);
        assertThat(deployment.input("spec.template.spec.securityContext.runAsUser")).contains(uid);
        assertThat(deployment.input("spec.template.spec.securityContext.runAsGroup")).contains(uid);
        var service = object(PROD, "Service", name);
        assertThat(service.input("spec.type")).contains("ClusterIP");
        assertThat(map(list(service.input("spec.ports").orElseThrow()).get(0)).get("port")).isEqualTo(port);
    }

    @Test
    void theApiGetsTheSheetsEnvironmentWithSecretsOnlyByReference() {
        var env = env(Stacks.container(object(PROD, "Deployment", "api")));

        assertThat(secretRef(env.get("DATABASE_URL"))).isEqualTo("database-urls/DATABASE_URL");
        assertThat(secretRef(env.get("JWT_SECRET"))).isEqualTo("api-secrets/JWT_SECRET");
        assertThat(secretRef(env.get("BIGTOP_INGEST_TOKEN"))).isEqualTo("api-secrets/BIGTOP_INGEST_TOKEN");
        for (var secret : List.of("DATABASE_URL", "JWT_SECRET", "BIGTOP_INGEST_TOKEN")) {
            assertThat(env.get(secret)).doesNotContainKey("value");
        }
        // The admin URL is for migrations only; Redis is only Celery's.
        assertThat(env).doesNotContainKeys("DATABASE_URL_ADMIN", "REDIS_URL");
        for (var variable : SrqHpnSettings.API_ENV) {
            var expected = variable.name().equals("CORS_ORIGINS")
                    ? "https://srqhappenings.com,https://www.srqhappenings.com" : variable.fallback();
            assertThat(env.get(variable.name())).as(variable.name()).containsEntry("value", expected);
        }
        assertThat(env.get("WEATHER_LONGITUDE")).containsEntry("value", "-82.5307");
        assertThat(env.get("JWT_EXPIRES_MINUTES")).containsEntry("value", "60");
    }

    @Test
    void theApiEnvironmentIsConfigurableAndCheckedKeyByKey() {
        var changed = Stacks.run("prod", "platform:srqHpn.api.env.LOG_LEVEL=DEBUG", "platform:srqHpn.api.env.JWT_EXPIRES_MINUTES=120");
        var env = env(Stacks.container(object(changed, "Deployment", "api")));
        assertThat(env.get("LOG_LEVEL")).containsEntry("value", "DEBUG");
        assertThat(env.get("JWT_EXPIRES_MINUTES")).containsEntry("value", "120");

        var bad = Stacks.run("prod", "platform:srqHpn.api.env.LOG_LEVEL=LOUD", "platform:srqHpn.api.env.COOKIE_SAMESITE=sometimes",
                "platform:srqHpn.api.env.LOG_LEVL=INFO", "platform:srqHpn.backup.schedule=daily", "platform:srqHpn.migration.timeoutMinutes=0",
                "platform:srqHpn.celery.redisMaxMemory=lots", "platform:srqHpn.pool=gpu-pool");
        assertThat(bad.resources()).isEmpty();
        assertThat(bad.problems()).hasSize(7).contains(
                "platform:srqHpn.api.env.LOG_LEVEL: got \"LOUD\", expected DEBUG, INFO, WARNING, ERROR or CRITICAL",
                "platform:srqHpn.api.env.COOKIE_SAMESITE: got \"sometimes\", expected lax, strict or none",
                "platform:srqHpn.api.env.LOG_LEVL: is not a key the program reads; did you mean platform:srqHpn.api.env.LOG_LEVEL?",
                "platform:srqHpn.migration.timeoutMinutes: got 0, expected a whole number from 1 to 360",
                "platform:srqHpn.celery.redisMaxMemory: got \"lots\", expected a Redis memory size such as 200mb");
        assertThat(bad.problems()).anySatisfy(problem -> assertThat(problem).startsWith("platform:srqHpn.backup.schedule: got \"daily\""))
                .anySatisfy(problem -> assertThat(problem).startsWith("platform:srqHpn.pool: got \"gpu-pool\", expected one of the cluster's node pools"));
    }

    @Test
    void theWebCallsTheApiSameOriginFromTheBrowserAndByServiceFromTheServer() {
        var web = object(PROD, "Deployment", "web");
        var container = Stacks.container(web);
        var env = env(container);

        assertThat(env.get("NEXT_PUBLIC_API_BASE_URL")).containsEntry("value", "");
        assertThat(env.get("API_BASE_URL")).containsEntry("value", "http://api:8000");
        assertThat(map(container.get("securityContext")).get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(list(container.get("volumeMounts")).stream().map(m -> map(m).get("mountPath")).toList())
                .containsExactlyInAnyOrder("/tmp", "/app/apps/web/.next/cache");
        assertThat(env.keySet()).containsExactly("NEXT_PUBLIC_API_BASE_URL", "API_BASE_URL");
    }

    @Test
    void theRouteSendsApiToTheApiAndEverythingElseToTheWebWithCaddysHeaders() {
        var route = object(PROD, "HTTPRoute", "srq-hpn");

        assertThat(route.input("spec.hostnames")).contains(List.of("srqhappenings.com", "www.srqhappenings.com"));
        assertThat(rules(PROD)).containsExactly("PathPrefix /api -> api:8000", "PathPrefix / -> web:3000");
        var headers = new LinkedHashMap<String, Object>();
        var filter = map(list(map(list(route.input("spec.rules").orElseThrow()).get(0)).get("filters")).get(0));
        list(map(filter.get("responseHeaderModifier")).get("set")).forEach(h -> headers.put((String) map(h).get("name"), map(h).get("value")));
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "X-Frame-Options", "SAMEORIGIN",
                "X-Content-Type-Options", "nosniff",
                "X-XSS-Protection", "1; mode=block",
                "Referrer-Policy", "strict-origin-when-cross-origin",
                "Strict-Transport-Security", "max-age=31536000"));
        var listeners = Stacks.object(PROD, "Gateway", "edge", "platform").input("spec.listeners").orElseThrow().toString();
        assertThat(listeners).contains("hostname=srqhappenings.com").contains("hostname=www.srqhappenings.com");
        var certificate = Stacks.object(PROD, "Certificate", "edge", "srq-hpn-tls");
        assertThat(certificate.input("spec.dnsNames")).contains(List.of("srqhappenings.com", "www.srqhappenings.com"));
        assertThat(certificate.input("spec.issuerRef.name")).contains("letsencrypt-production");
    }

    @Test
    void postgresIsTheSeedsWithAnAdminAndALeastPrivilegeAppUser() {
        var set = object(PROD, "StatefulSet", "postgres");
        assertThat(Stacks.container(set).get("image")).isEqualTo(Versions.POSTGRES_ALPINE + "@[unknown]");
        assertThat(set.options().protect()).isTrue();
        assertThat(set.input("spec.volumeClaimTemplates").orElseThrow().toString()).contains("storage=10Gi");
        assertThat(Stacks.container(set).get("env").toString()).contains("name=POSTGRES_DB, value=srq_hpn")
                .contains("name=APP_USER, value=srq_hpn_app");
        assertThat(map(object(PROD, "Secret", "postgres").inputs().get("stringData")))
                .containsEntry("user", "srq_hpn").containsEntry("database", "srq_hpn").containsEntry("host", "postgres");
        assertThat(map(object(PROD, "Secret", "postgres-app").inputs().get("stringData")))
                .containsEntry("user", "srq_hpn_app").containsEntry("database", "srq_hpn");
    }

    @Test
    void theGrantScriptGivesTheAppUserCrudAndSequencesOnlyNowAndForTablesTheAdminCreatesLater() {
        var sql = map(object(PROD, "ConfigMap", "postgres-init").inputs().get("data")).get("reconcile.sql").toString();
        var appLines = sql.lines().filter(line -> line.contains(":\"app\"") || line.contains(":'app'")).toList();

        assertThat(appLines).containsExactly(
                "SELECT format('CREATE ROLE %I LOGIN', :'app') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app')\\gexec",
                "ALTER ROLE :\"app\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';",
                "REVOKE CREATE ON SCHEMA public FROM :\"app\";",
                "GRANT CONNECT ON DATABASE srq_hpn TO :\"app\";",
                "GRANT USAGE ON SCHEMA public TO :\"app\";",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :\"app\";",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :\"app\";",
                "ALTER DEFAULT PRIVILEGES FOR ROLE :\"owner\" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :\"app\";",
                "ALTER DEFAULT PRIVILEGES FOR ROLE :\"owner\" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :\"app\";");
        assertThat(sql).contains("REVOKE CREATE ON SCHEMA public FROM PUBLIC;").contains("\\connect srq_hpn")
                .contains("REVOKE TEMPORARY ON DATABASE srq_hpn FROM PUBLIC;")
                .doesNotContain("GRANT ALL").doesNotContain("TRUNCATE").doesNotContain("REFERENCES");
        var env = Stacks.container(object(PROD, "StatefulSet", "postgres")).get("env").toString();
        assertThat(env).contains("name=POSTGRES_USER").contains("key=user").contains("name=APP_PASSWORD").contains("name=postgres-app");
    }

    @Test
    void theDatabaseUrlsAreTheFormTheApiExpectsAndStaySecret() {
        var answered = Stacks.run("prod", new AnsweringCloud(), false);
        var data = map(object(answered, "Secret", "database-urls").inputs().get("stringData"));

        assertThat(data).containsOnlyKeys("DATABASE_URL", "DATABASE_URL_ADMIN");
        assertThat(data.values()).allSatisfy(value -> assertThat(value).isInstanceOf(Secret.class));
        assertThat(((Secret) data.get("DATABASE_URL")).value()).isEqualTo("postgresql+psycopg://srq_hpn_app:"
                + AnsweringCloud.passwordOf("srq-hpn-postgres-app-password", "0") + "@postgres:5432/srq_hpn?sslmode=disable");
        assertThat(((Secret) data.get("DATABASE_URL_ADMIN")).value()).isEqualTo("postgresql+psycopg://srq_hpn:"
                + AnsweringCloud.passwordOf("srq-hpn-postgres-password", "0") + "@postgres:5432/srq_hpn?sslmode=disable");
        var apiSecrets = map(object(answered, "Secret", "api-secrets").inputs().get("stringData"));
        assertThat(apiSecrets).containsOnlyKeys("JWT_SECRET", "BIGTOP_INGEST_TOKEN");
        assertThat(apiSecrets.values()).allSatisfy(value -> assertThat(value).isInstanceOf(Secret.class));
        assertThat(Baseline.violations(Stacks.where(answered, r -> r.namespace().equals(NS)), true)).isEmpty();
    }

    @Test
    void givenSecretsAreUsedAsTheyAreAndNeverShownInPlainText() {
        var result = Stacks.run("prod", "!platform:srqHpnJwtSecret=jwt-canary", "!platform:srqHpnBigtopIngestToken=bigtop-canary",
                "!platform:srqHpnPostgresAppPassword=app-canary");
        var api = map(object(result, "Secret", "api-secrets").inputs().get("stringData"));

        assertThat(api.get("JWT_SECRET")).isEqualTo(new Secret("jwt-canary"));
        assertThat(api.get("BIGTOP_INGEST_TOKEN")).isEqualTo(new Secret("bigtop-canary"));
        assertThat(map(object(result, "Secret", "database-urls").inputs().get("stringData")).get("DATABASE_URL"))
                .isEqualTo(new Secret("postgresql+psycopg://srq_hpn_app:app-canary@postgres:5432/srq_hpn?sslmode=disable"));
        assertThat(result.resources().toString()).doesNotContain("jwt-canary").doesNotContain("bigtop-canary").doesNotContain("app-canary");
        assertThat(Stacks.where(result, r -> r.type().equals("random:index/randomPassword:RandomPassword")).stream()
                .map(RegisteredResource::name)).doesNotContain("srq-hpn-jwt-secret", "srq-hpn-bigtop-ingest-token",
                "srq-hpn-postgres-app-password").contains("srq-hpn-postgres-password");
    }

    @Test
    void migrationsRunAsAJobNamedAfterTheApiImageThatTheApiDeploymentDependsOn() {
        var job = object(PROD, "Job", "api-migrate-9253acd5ea6f");
        var container = map(list(job.input("spec.template.spec.containers").orElseThrow()).get(0));
        var env = env(container);

        assertThat(container.get("command")).isEqualTo(List.of("alembic", "upgrade", "head"));
        assertThat(container.get("image")).isEqualTo(Stacks.container(object(PROD, "Deployment", "api")).get("image"));
        assertThat(secretRef(env.get("DATABASE_URL_ADMIN"))).isEqualTo("database-urls/DATABASE_URL_ADMIN");
        assertThat(secretRef(env.get("DATABASE_URL"))).isEqualTo("database-urls/DATABASE_URL");
        assertThat(job.input("spec.template.spec.securityContext.runAsUser")).contains(1001L);
        assertThat(job.options().dependsOn()).contains("kubernetes:apps/v1:StatefulSet::srq-hpn-postgres",
                "kubernetes:core/v1:Secret::srq-hpn-database-urls");
        assertThat(object(PROD, "Deployment", "api").options().dependsOn()).contains("kubernetes:batch/v1:Job::srq-hpn-api-migrate");
        // The web follows the API, so a failed migration leaves both as they were.
        assertThat(object(PROD, "Deployment", "web").options().dependsOn()).contains("kubernetes:apps/v1:Deployment::srq-hpn-api");
    }

    @Test
    void aChangedApiImageInConfigYieldsANewMigrationJobNameAndTheSameDependency() {
        var next = "0123456789abcdef0123456789abcdef01234567";
        var released = Stacks.run("prod", "platform:srqHpn.images.api=" + API_IMAGE + ":" + next);

        var jobs = Stacks.where(released, r -> r.isKubernetesObject() && r.kind().equals("Job") && r.namespace().equals(NS));
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.metadataName()).isEqualTo("api-migrate-0123456789ab");
            assertThat(job.name()).isEqualTo("srq-hpn-api-migrate");
            assertThat(map(list(job.input("spec.template.spec.containers").orElseThrow()).get(0)).get("image").toString())
                    .startsWith(API_IMAGE + ":" + next);
        });
        assertThat(object(released, "Deployment", "api").options().dependsOn()).contains("kubernetes:batch/v1:Job::srq-hpn-api-migrate");
        // A new web image alone migrates nothing.
        var webOnly = Stacks.run("prod", "platform:srqHpn.images.web=registry.digitalocean.com/platform-registry/srq-hpn-web:" + next);
        assertThat(Stacks.where(webOnly, r -> r.isKubernetesObject() && r.kind().equals("Job") && r.namespace().equals(NS)))
                .singleElement().satisfies(job -> assertThat(job.metadataName()).isEqualTo("api-migrate-9253acd5ea6f"));
    }

    @Test
    void postgresAdmitsOnlyTheApiTheMigrationAndTheBackupJobs() {
        var postgresPods = object(PROD, "StatefulSet", "postgres").input("spec.selector.matchLabels").orElseThrow();
        var admitted = new TreeMap<String, Object>();
        for (var policy : Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("NetworkPolicy") && r.namespace().equals(NS))) {
            if (policy.input("spec.podSelector.matchLabels").map(postgresPods::equals).orElse(false)) {
                var rule = map(list(policy.input("spec.ingress").orElseThrow()).get(0));
                var from = map(map(list(rule.get("from")).get(0)).get("podSelector"));
                admitted.put(policy.metadataName(), map(from.get("matchLabels")).get("app.kubernetes.io/name"));
                assertThat(rule.get("ports").toString()).contains("port=5432");
            }
        }
        assertThat(admitted).isEqualTo(Map.of("postgres-from-api", "api", "postgres-from-api-migrate", "api-migrate",
                "postgres-from-pg-backup", "pg-backup", "postgres-from-pg-restore-check", "pg-restore-check",
                "postgres-from-pg-restore", "pg-restore"));
        var migrationPods = object(PROD, "Job", "api-migrate-9253acd5ea6f").input("spec.template.metadata.labels").orElseThrow().toString();
        assertThat(migrationPods).contains("app.kubernetes.io/name=api-migrate");

        var policies = Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("NetworkPolicy") && r.namespace().equals(NS))
                .stream().map(RegisteredResource::metadataName).collect(Collectors.toSet());
        assertThat(policies).isEqualTo(Set.of("default-deny-ingress", "api-from-gateway", "api-from-web", "web-from-gateway",
                "postgres-from-api", "postgres-from-api-migrate", "postgres-from-pg-backup", "postgres-from-pg-restore-check",
                "postgres-from-pg-restore", "metrics-from-collector"));
        assertThat(object(PROD, "NetworkPolicy", "api-from-web").input("spec.ingress").orElseThrow().toString())
                .contains("app.kubernetes.io/name=web").contains("port=8000");
    }

    @Test
    void theDatabaseIsDumpedDailyKeptThirtyDaysAndItsRestoreCheckedWeekly() {
        var backup = object(PROD, "CronJob", "pg-backup");
        assertThat(backup.input("spec.schedule")).contains("0 7 * * *");
        var pod = backup.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString();
        assertThat(pod).contains("value=days:30").contains("name=DATABASES, value=srq_hpn").contains("name=backup-bucket")
                .contains(Versions.POSTGRES_ALPINE);
        var check = object(PROD, "CronJob", "pg-restore-check");
        assertThat(check.input("spec.schedule")).contains("0 9 * * 1");
        assertThat(check.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString())
                .contains("name=MAX_AGE_HOURS, value=26").contains("information_schema.tables");
        assertThat(Stacks.only(PROD, "digitalocean:index/spacesBucket:SpacesBucket", "backups-srq-hpn").inputs().toString())
                .contains("platform-prod-backups-srq-hpn");
        assertThat(object(DEV, "CronJob", "pg-backup").input("spec.jobTemplate.spec.template.spec").orElseThrow().toString())
                .contains("value=days:7");
    }

    @Test
    void rotatingTheAppPasswordRollsPostgresAndTheApiButMigratesNothing() {
        var before = Stacks.run("prod", new AnsweringCloud(), false);
        var after = Stacks.run("prod", new AnsweringCloud(), false, "platform:srqHpn.postgres.appRotation=1");

        var annotation = "spec.template.metadata.annotations.platform.dev/credential-versions";
        var expected = new TreeMap<String, List<String>>();
        expected.put("random:index/randomPassword:RandomPassword::srq-hpn-postgres-app-password", List.of("keepers.rotation"));
        expected.put("kubernetes:core/v1:Secret::srq-hpn-postgres-app", List.of("stringData.password", "stringData.url"));
        expected.put("kubernetes:core/v1:Secret::srq-hpn-database-urls", List.of("stringData.DATABASE_URL"));
        expected.put("kubernetes:apps/v1:StatefulSet::srq-hpn-postgres", List.of(annotation));
        expected.put("kubernetes:apps/v1:Deployment::srq-hpn-api", List.of(annotation));
        assertThat(Diffs.between(before.resources(), after.resources())).isEqualTo(expected);
    }

    @Test
    void celeryIsAnExtraThatIsOffByDefault() {
        assertThat(PROD.resources()).noneMatch(r -> r.isKubernetesObject() && r.namespace().equals(NS)
                && (r.metadataName().startsWith("celery") || r.metadataName().equals("redis")));

        var on = Stacks.run("prod", "platform:srqHpn.celery.enabled=true", "platform:srqHpn.celery.workerConcurrency=3");
        assertThat(on.problems()).isEmpty();
        var worker = object(on, "Deployment", "celery-worker");
        var beat = object(on, "Deployment", "celery-beat");
        assertThat(Stacks.container(worker).get("command")).isEqualTo(List.of("celery", "-A", "app.celery_app", "worker",
                "--loglevel=INFO", "--concurrency=3"));
        assertThat(Stacks.container(beat).get("command").toString()).contains("beat").contains("--schedule=/tmp/celerybeat-schedule");
        assertThat(beat.input("spec.replicas")).contains(1L);
        for (var deployment : List.of(worker, beat)) {
            var env = env(Stacks.container(deployment));
            assertThat(secretRef(env.get("REDIS_URL"))).isEqualTo("redis/url");
            assertThat(secretRef(env.get("DATABASE_URL"))).isEqualTo("database-urls/DATABASE_URL");
            assertThat(env).doesNotContainKeys("DATABASE_URL_ADMIN", "JWT_SECRET").containsKeys("ENV", "WEATHER_LATITUDE");
            assertThat(deployment.options().dependsOn()).contains("kubernetes:batch/v1:Job::srq-hpn-api-migrate");
        }
        assertThat(Stacks.container(object(on, "StatefulSet", "redis")).get("args").toString())
                .contains("noeviction").contains("--save, ");
        var names = Stacks.where(on, r -> r.isKubernetesObject() && r.kind().equals("NetworkPolicy") && r.namespace().equals(NS))
                .stream().map(RegisteredResource::metadataName).toList();
        assertThat(names).contains("postgres-from-celery-worker", "postgres-from-celery-beat", "redis-from-celery-worker",
                "redis-from-celery-beat");
        assertThat(Baseline.violations(Stacks.where(on, r -> r.namespace().equals(NS)), true)).isEmpty();
    }

    @Test
    void imagesMustBeReleasesAndProductionRefusesPlaceholders() {
        var latest = Stacks.run("prod", "platform:srqHpn.images.api=" + API_IMAGE + ":latest");
        assertThat(latest.problems()).singleElement().asString().startsWith("platform:srqHpn.images.api: got \"" + API_IMAGE + ":latest\"");
        var placeholder = Stacks.run("prod", "platform:srqHpn.images.web=registry.digitalocean.com/platform-registry/srq-hpn-web:0000000");
        assertThat(placeholder.problems()).singleElement().asString()
                .contains("platform:srqHpn.images.web").contains("not an all-zero placeholder");
    }

    @Test
    void devIsTheSmallVariantOnStagingCertificates() {
        for (var name : List.of("api", "web")) {
            var deployment = object(DEV, "Deployment", name);
            assertThat(deployment.input("spec.replicas")).contains(1L);
            assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
        }
        assertThat(object(DEV, "HTTPRoute", "srq-hpn").input("spec.hostnames")).contains(List.of("dev.srqhappenings.com"));
        assertThat(Stacks.object(DEV, "Certificate", "edge", "srq-hpn-tls").input("spec.issuerRef.name")).contains("letsencrypt-staging");
        assertThat(object(DEV, "StatefulSet", "postgres").options().protect()).isFalse();
        assertThat(object(DEV, "Job", "api-migrate-9253acd5ea6f").input("spec.template.spec.containers").orElseThrow().toString())
                .contains("image=" + API_IMAGE + ":" + COMMIT + ",");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySrqHpnObjectMeetsTheBaseline(String stack) {
        var result = stack.equals("prod") ? PROD : DEV;
        var objects = Stacks.where(result, r -> r.namespace().equals(NS));
        assertThat(objects).hasSizeGreaterThan(25);
        assertThat(Baseline.violations(objects, stack.equals("prod"))).isEmpty();
    }
}
