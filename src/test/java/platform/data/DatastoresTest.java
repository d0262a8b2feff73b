package platform.data;

import org.junit.jupiter.api.Test;
import platform.AnsweringCloud;
import platform.Baseline;
import platform.Diffs;
import platform.Stacks;
import platform.render.RegisteredResource;
import platform.render.Secret;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

class DatastoresTest {
    private static final String CONTAINER = "spec.template.spec.containers";

    private static Map<String, Object> container(RegisteredResource set) {
        return map(list(set.input(CONTAINER).orElseThrow()).get(0));
    }

    @Test
    void aStackWithOneOfEachRendersAllOfThemWithinTheBaseline() {
        var result = DatastoreTestStack.run(true, 1);

        assertThat(result.problems()).isEmpty();
        for (var name : List.of("postgres", "rabbitmq", "redis", "mongodb", "opensearch")) {
            Stacks.object(result, "StatefulSet", "demo", name);
            Stacks.object(result, "Service", "demo", name);
            Stacks.object(result, "Service", "demo", name + "-headless");
            Stacks.object(result, "NetworkPolicy", "demo", name + "-from-api");
        }
        Stacks.object(result, "NetworkPolicy", "demo", "default-deny-ingress");
        assertThat(Baseline.violations(result.resources(), true)).isEmpty();
    }

    @Test
    void postgresKeepsDataInASubdirectoryOnARetainedVolumeAndChecksHealthWithPgIsready() {
        var set = Stacks.object(DatastoreTestStack.run(true, 1), "StatefulSet", "demo", "postgres");
        var postgres = container(set);

        assertThat(postgres.get("image")).isEqualTo("postgres:16.10");
        assertThat(list(postgres.get("env"))).contains(Map.of("name", "PGDATA", "value", "/var/lib/postgresql/data/pgdata"),
                Map.of("name", "POSTGRES_DB", "value", "demo"));
        assertThat(map(map(postgres.get("readinessProbe")).get("exec")).get("command").toString()).contains("pg_isready");
        var claim = map(list(set.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
        assertThat(map(claim.get("spec")).get("storageClassName")).isEqualTo("do-block-storage-retain");
        assertThat(map(map(map(claim.get("spec")).get("resources")).get("requests"))).containsEntry("storage", "10Gi");
        assertThat(set.input("spec.persistentVolumeClaimRetentionPolicy").orElseThrow())
                .isEqualTo(Map.of("whenDeleted", "Retain", "whenScaled", "Retain"));
        assertThat(set.input("spec.template.spec.securityContext.runAsUser")).contains(999L);
        assertThat(set.input("spec.template.spec.securityContext.fsGroup")).contains(999L);
        assertThat(set.options().protect()).isTrue();
        assertThat(set.options().ignoreChanges()).containsExactly("spec.volumeClaimTemplates");
        assertThat(set.input("spec.serviceName")).contains("postgres-headless");
        assertThat(Stacks.object(DatastoreTestStack.run(true, 1), "Service", "demo", "postgres-headless")
                .input("spec.clusterIP")).contains("None");
    }

    @Test
    void postgresEnsuresTheSecondDatabaseAndALeastPrivilegeAppRoleOnEveryStart() {
        var result = DatastoreTestStack.run(false, 1);
        var init = Stacks.object(result, "ConfigMap", "demo", "postgres-init");
        var sql = map(init.inputs().get("data")).get("reconcile.sql").toString();

        assertThat(sql).contains("ALTER ROLE :\"owner\" WITH PASSWORD :'owner_password';")
                .contains("CREATE DATABASE %I OWNER %I', 'demo_reports'")
                .contains("WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'demo_reports')")
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :\"app\";")
                .contains("ALTER DEFAULT PRIVILEGES FOR ROLE :\"owner\" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :\"app\";")
                .contains("REVOKE CREATE ON SCHEMA public FROM :\"app\";")
                .doesNotContain("GRANT ALL");
        var postgres = container(Stacks.object(result, "StatefulSet", "demo", "postgres"));
        assertThat(map(map(postgres.get("lifecycle")).get("postStart")).toString()).contains("/scripts/reconcile.sh");
    }

    @Test
    void credentialsAreGeneratedSecretsUnderTheSeedsKeysWithPercentEncodedConnectionStrings() {
        var result = DatastoreTestStack.runAnswered(1);
        var data = map(Stacks.object(result, "Secret", "demo", "postgres").inputs().get("stringData"));
        var password = AnsweringCloud.passwordOf("postgres-password", "1");

        assertThat(data).containsEntry("user", "demo").containsEntry("host", "postgres").containsEntry("port", "5432")
                .containsEntry("database", "demo").containsEntry("dbReports", "demo_reports")
                .containsEntry("password", new Secret(password))
                .containsEntry("dbReportsUrl", new Secret("postgres://demo:" + password + "@postgres:5432/demo_reports?sslmode=disable"));
        var rabbit = map(Stacks.object(result, "Secret", "demo", "rabbitmq").inputs().get("stringData"));
        assertThat(rabbit).containsEntry("user", "demo").containsEntry("port", "5672")
                .containsEntry("vhost", "demo").containsEntry("vhostConcrete", "demo-concrete")
                .containsEntry("vhostConcreteUrl", new Secret("amqp://demo:" + AnsweringCloud.passwordOf("rabbitmq-password", "1") + "@rabbitmq:5672/demo-concrete"));
        var app = map(Stacks.object(result, "Secret", "demo", "postgres-app").inputs().get("stringData"));
        assertThat(app).containsEntry("user", "demo_app").containsEntry("database", "demo");
        assertThat(map(Stacks.object(result, "Secret", "demo", "rabbitmq-definitions").inputs().get("stringData")).get("definitions.json"))
                .isInstanceOf(Secret.class);
    }

    @Test
    void generatedPasswordsAreLongAndUrlSafe() {
        var result = DatastoreTestStack.run(false, 1);
        var passwords = result.ofType("random:index/randomPassword:RandomPassword");
        assertThat(passwords).hasSize(7).allSatisfy(password -> {
            assertThat(password.inputs()).containsEntry("length", 40L).containsEntry("upper", true)
                    .containsEntry("lower", true).containsEntry("numeric", true);
            // Either letters and digits only, or with the URL-unreserved symbols only.
            if (Boolean.TRUE.equals(password.inputs().get("special"))) {
                assertThat(password.inputs()).containsEntry("overrideSpecial", "-_");
            } else {
                assertThat(password.inputs()).containsEntry("special", false);
            }
        });
        assertThat(ConnectionStrings.url("amqp", "bow mark", "p@ss/word", "rabbitmq", 5672, ConnectionStrings.encode("bowmark-concrete"), ""))
                .isEqualTo("amqp://bow%20mark:p%40ss%2Fword@rabbitmq:5672/bowmark-concrete");
    }

    @Test
    void rabbitMqLoadsVhostsAndPermissionsOnEveryStartFromASecretNotTheConfigMap() {
        var result = DatastoreTestStack.run(false, 1);
        var config = Stacks.object(result, "ConfigMap", "demo", "rabbitmq-config");
        var conf = map(config.inputs().get("data")).get("rabbitmq.conf").toString();

        assertThat(conf).contains("definitions.local.path = /etc/rabbitmq/definitions/definitions.json")
                .contains("definitions.skip_if_unchanged = false");
        var definitions = RabbitMq.definitionsJson(RabbitMqArgs.builder(platform.k8s.NamespaceRef.existing("demo"), "demo")
                .user("bowmark").vhost("bowmark", "vhost").vhost("bowmark-concrete", "vhostConcrete").build(), "pw");
        assertThat(definitions).contains("\"name\": \"bowmark-concrete\"").contains("\"vhost\": \"bowmark-concrete\"")
                .contains("\"configure\": \".*\"");

        var rabbit = container(Stacks.object(result, "StatefulSet", "demo", "rabbitmq"));
        assertThat(map(rabbit.get("readinessProbe"))).containsEntry("timeoutSeconds", 10L);
        assertThat(map(map(rabbit.get("readinessProbe")).get("exec")).get("command")).isEqualTo(List.of("rabbitmq-diagnostics", "-q", "ping"));
        assertThat(map(rabbit.get("livenessProbe"))).containsEntry("timeoutSeconds", 10L);
        assertThat(map(map(rabbit.get("livenessProbe")).get("exec")).get("command")).isEqualTo(List.of("rabbitmq-diagnostics", "-q", "status"));
        var admission = Stacks.object(result, "NetworkPolicy", "demo", "rabbitmq-from-api");
        assertThat(admission.input("spec.ingress").orElseThrow().toString()).contains("port=5672").doesNotContain("15672");
    }

    @Test
    void redisHasNoVolumeClaimAndBoundedMemory() {
        var set = Stacks.object(DatastoreTestStack.run(false, 1), "StatefulSet", "demo", "redis");

        assertThat(set.input("spec.volumeClaimTemplates")).isEmpty();
        assertThat(list(container(set).get("args"))).containsSequence("--maxmemory", "200mb", "--maxmemory-policy", "allkeys-lru")
                .containsSequence("--save", "");
    }

    @Test
    void openSearchIsOneNodeWithoutMemoryLockAndBehindCredentials() {
        var set = Stacks.object(DatastoreTestStack.run(false, 1), "StatefulSet", "demo", "opensearch");
        var env = list(container(set).get("env"));

        assertThat(env).contains(Map.of("name", "discovery.type", "value", "single-node"),
                Map.of("name", "bootstrap.memory_lock", "value", "false"),
                Map.of("name", "OPENSEARCH_JAVA_OPTS", "value", "-Xms512m -Xmx512m"));
        assertThat(env.toString()).contains("OPENSEARCH_INITIAL_ADMIN_PASSWORD").contains("secretKeyRef");
    }

    @Test
    void rotationChangesOnlyThePasswordsTheirSecretsAndTheCredentialVersionAnnotations() {
        var before = DatastoreTestStack.runAnswered(1);
        var after = DatastoreTestStack.runAnswered(2);

        var changed = Diffs.between(before.resources(), after.resources()).keySet();
        assertThat(changed).allSatisfy(name -> assertThat(name).matches(
                "random:index/randomPassword:RandomPassword::.*|kubernetes:apps/v1:StatefulSet::demo-.*|kubernetes:core/v1:Secret::demo-.*"));
        assertThat(changed).contains("random:index/randomPassword:RandomPassword::postgres-password",
                "kubernetes:core/v1:Secret::demo-postgres", "kubernetes:apps/v1:StatefulSet::demo-postgres");
        assertThat(changed).doesNotContain("kubernetes:core/v1:ConfigMap::demo-postgres-init", "kubernetes:core/v1:Service::demo-postgres");
        var postgres = Stacks.object(after, "StatefulSet", "demo", "postgres");
        assertThat(postgres.input("spec.template.metadata.annotations").orElseThrow().toString())
                .contains("postgres-password@2");
    }

    @Test
    void badArgumentsFailWithTheirName() {
        var namespace = platform.k8s.NamespaceRef.existing("demo");
        assertThatThrownBy(() -> PostgresArgs.builder(namespace, "demo").owner("demo").build())
                .hasMessageContaining("needs at least one database");
        assertThatThrownBy(() -> PostgresArgs.builder(namespace, "demo").owner("Demo!").database("demo", "database").build())
                .hasMessageContaining("postgres role must be a lower-case SQL identifier, got Demo!");
        assertThatThrownBy(() -> PostgresArgs.builder(namespace, "demo").owner("demo").database("demo", "database").image("postgres:latest").build())
                .hasMessageContaining("pinned tag");
        assertThatThrownBy(() -> PostgresArgs.builder(namespace, "demo").owner("demo").database("demo", "database").storageSize("10GB").build())
                .hasMessageContaining("volume size must be a quantity such as 10Gi, got 10GB");
        assertThatThrownBy(() -> RabbitMqArgs.builder(namespace, "demo").user("demo").build())
                .hasMessageContaining("needs at least one vhost");
        assertThatThrownBy(() -> RedisArgs.cache(namespace, "demo", "200mb", "lru", 0))
                .hasMessageContaining("evictionPolicy must be one of");
        assertThatThrownBy(() -> MongoDbArgs.of(namespace, "demo", "demo", "root", "10Gi", 0, false))
                .hasMessageContaining("appUser");
        assertThatThrownBy(() -> OpenSearchArgs.singleNode(namespace, "demo", "512", false))
                .hasMessageContaining("heap must be like 512m");
    }
}
