package platform.data;

import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.Versions;
import platform.k8s.AppNamespace;
import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.SecretKeyRef;
import platform.render.ProgramRun;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** What a moved system needs of its datastores: its pool, its claim names, its pods' labels, its broker's consumer timeout. */
class DatastorePlacementTest {
    private static final ProgramRun.Result RESULT = Program.run();

    /** Outside the test class: the engine runs the program on another thread while the test class is still initialising. */
    private static final class Program {
        static ProgramRun.Result run() {
            return ProgramRun.run(ctx -> {
                var namespace = new AppNamespace("demo", "demo", false, null).ref();
                new Postgres("postgres", PostgresArgs.builder(namespace, "demo").image(ContainerImage.of(Versions.POSTGRES))
                        .owner("demo").database("demo", "database")
                        .claimName("postgres-data").labels(Map.of("app", "postgres")).nodePool(Optional.of("default-pool"))
                        .resources(new ComputeResources("250m", "256Mi", "512Mi")).protect(true).build(), null)
                        .allowFrom("api", Map.of("app.kubernetes.io/name", "api"));
                new RabbitMq("rabbitmq", RabbitMqArgs.builder(namespace, "demo").image(ContainerImage.of(Versions.RABBITMQ))
                        .user("demo").vhost("demo", "vhost").claimName("rabbitmq-data").labels(Map.of("app", "rabbitmq"))
                        .nodePool(Optional.of("default-pool")).consumerTimeout(Duration.ofHours(4)).protect(true).build(), null);
                new Meilisearch("meilisearch", MeilisearchArgs.singleNode(namespace, "demo", ContainerImage.of(Versions.MEILISEARCH),
                        new SecretKeyRef("search", "apiKey"), Optional.of("do-block-storage-retain"), "meili-data",
                        new ComputeResources("250m", "512Mi", "1Gi"), Optional.of("default-pool"), Map.of("app", "meilisearch"), true), null)
                        .allowFrom("api", Map.of("app.kubernetes.io/name", "api"));
            }, "test", Map.of(), Set.of());
        }
    }

    @Test
    void theClaimTemplateAndItsMountCarryTheGivenName() {
        for (var store : List.of(List.of("postgres", "postgres-data"), List.of("rabbitmq", "rabbitmq-data"), List.of("meilisearch", "meili-data"))) {
            var set = Stacks.object(RESULT, "StatefulSet", "demo", store.get(0));
            var claim = map(list(set.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
            assertThat(map(claim.get("metadata")).get("name")).isEqualTo(store.get(1));
            assertThat(list(Stacks.container(set).get("volumeMounts"))).anySatisfy(mount ->
                    assertThat(map(mount).get("name")).isEqualTo(store.get(1)));
        }
        var untouched = DatastoreTestStack.run(false, 0);
        var claim = map(list(Stacks.object(untouched, "StatefulSet", "demo", "postgres").input("spec.volumeClaimTemplates").orElseThrow()).get(0));
        assertThat(map(claim.get("metadata")).get("name")).isEqualTo("data");
        assertThatThrownBy(() -> VolumeClaim.retained("1Gi", "/data").withName("Postgres_Data")).hasMessageContaining("short DNS label");
    }

    @Test
    void podsRunOnTheirPoolWithTheExtraLabelsWhileTheSelectorStaysTheRecommendedPair() {
        for (var store : List.of("postgres", "rabbitmq", "meilisearch")) {
            var set = Stacks.object(RESULT, "StatefulSet", "demo", store);
            assertThat(set.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
            assertThat(map(set.input("spec.template.metadata.labels").orElseThrow())).containsEntry("app", store);
            assertThat(set.input("spec.selector.matchLabels")).contains(Map.of("app.kubernetes.io/name", store, "app.kubernetes.io/instance", store));
        }
        var admission = Stacks.object(RESULT, "NetworkPolicy", "demo", "postgres-from-api");
        assertThat(admission.input("spec.podSelector.matchLabels")).contains(Map.of("app.kubernetes.io/name", "postgres",
                "app.kubernetes.io/instance", "postgres"));
        assertThat(Stacks.object(DatastoreTestStack.run(false, 0), "StatefulSet", "demo", "postgres")
                .input("spec.template.spec.nodeSelector")).isEmpty();
        assertThat(map(map(Stacks.container(Stacks.object(RESULT, "StatefulSet", "demo", "postgres")).get("resources")).get("requests")))
                .isEqualTo(Map.of("cpu", "250m", "memory", "256Mi"));
    }

    @Test
    void rabbitMqLetsAConsumerHoldADeliveryAsLongAsConfigured() {
        var conf = map(Stacks.object(RESULT, "ConfigMap", "demo", "rabbitmq-config").inputs().get("data")).get("rabbitmq.conf").toString();
        assertThat(conf).contains("consumer_timeout = 14400000");
        var plain = map(Stacks.object(DatastoreTestStack.run(false, 0), "ConfigMap", "demo", "rabbitmq-config").inputs().get("data"));
        assertThat(plain.get("rabbitmq.conf").toString()).doesNotContain("consumer_timeout");
        assertThatThrownBy(() -> RabbitMqArgs.builder(platform.k8s.NamespaceRef.existing("demo"), "demo").image(ContainerImage.of(Versions.RABBITMQ))
                .user("demo").vhost("demo", "vhost").consumerTimeout(Duration.ofSeconds(5)).build())
                .hasMessageContaining("consumerTimeout must be 1 minute to 7 days");
    }

    @Test
    void meilisearchRunsInProductionModeWithTheMasterKeyFromTheAppsSecret() {
        var set = Stacks.object(RESULT, "StatefulSet", "demo", "meilisearch");
        var meili = Stacks.container(set);
        assertThat(meili.get("env").toString()).contains("name=MEILI_MASTER_KEY, valueFrom={secretKeyRef={key=apiKey, name=search}}")
                .contains("name=MEILI_ENV, value=production").contains("value=/meili_data/data.ms");
        assertThat(map(map(meili.get("readinessProbe")).get("httpGet"))).containsEntry("path", "/health").containsEntry("port", 7700L);
        assertThat(set.input("spec.template.spec.securityContext.runAsUser")).contains(1000L);
        assertThat(set.options().protect()).isTrue();
        assertThat(Stacks.object(RESULT, "NetworkPolicy", "demo", "meilisearch-from-api").input("spec.ingress").orElseThrow().toString())
                .contains("port=7700");
        assertThat(RESULT.resources()).noneMatch(r -> r.isKubernetesObject() && r.kind().equals("Secret") && r.metadataName().equals("meilisearch"));
        assertThat(Baseline.violations(RESULT.resources(), true)).isEmpty();
    }
}
