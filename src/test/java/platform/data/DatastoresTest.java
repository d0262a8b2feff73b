package platform.data;

import platform.Versions;
import platform.k8s.ContainerImage;
import platform.secrets.CredentialSource;
import org.junit.jupiter.api.Test;
import platform.AnsweringCloud;
import platform.Baseline;
import platform.Diffs;
import platform.Stacks;
import platform.render.Secret;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.map;

class DatastoresTest {

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
        assertThatThrownBy(() -> PostgresArgs.builder(namespace, "demo").owner("demo").database("demo", "database").build())
                .hasMessageContaining("image of postgres postgres");
        assertThatThrownBy(() -> ContainerImage.of("postgres:latest")).hasMessageContaining("needs a release tag, not \"latest\"");
        assertThatThrownBy(() -> PostgresArgs.builder(namespace, "demo").owner("demo").database("demo", "database").storageSize("10GB").build())
                .hasMessageContaining("volume size must be a quantity such as 10Gi, got 10GB");
        assertThatThrownBy(() -> RabbitMqArgs.builder(namespace, "demo").user("demo").build())
                .hasMessageContaining("needs at least one vhost");
        var generated = CredentialSource.generated();
        assertThatThrownBy(() -> RedisArgs.cache(namespace, "demo", ContainerImage.of(Versions.REDIS), "200mb", "lru", generated))
                .hasMessageContaining("evictionPolicy must be one of");
        assertThatThrownBy(() -> MongoDbArgs.of(namespace, "demo", ContainerImage.of(Versions.MONGO), "demo", "root", "10Gi",
                java.util.Optional.empty(), generated, generated, false))
                .hasMessageContaining("appUser");
        assertThatThrownBy(() -> OpenSearchArgs.singleNode(namespace, "demo", ContainerImage.of(Versions.OPENSEARCH), "512",
                java.util.Optional.empty(), generated, false))
                .hasMessageContaining("heap must be like 512m");
    }
}
