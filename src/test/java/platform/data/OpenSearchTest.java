package platform.data;

import org.junit.jupiter.api.Test;
import platform.Stacks;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;

class OpenSearchTest {

    @Test
    void openSearchIsOneNodeWithoutMemoryLockAndBehindCredentials() {
        var set = Stacks.object(DatastoreTestStack.run(false, 1), "StatefulSet", "demo", "opensearch");
        var env = list(Stacks.container(set).get("env"));

        assertThat(env).contains(Map.of("name", "discovery.type", "value", "single-node"),
                Map.of("name", "bootstrap.memory_lock", "value", "false"),
                Map.of("name", "node.store.allow_mmap", "value", "false"),
                Map.of("name", "OPENSEARCH_JAVA_OPTS", "value", "-Xms512m -Xmx512m"));
        assertThat(env.toString()).contains("OPENSEARCH_INITIAL_ADMIN_PASSWORD").contains("secretKeyRef");
    }

    @Test
    void itCanCarryASeedsServiceNameVolumeNameAndLabels() {
        var namespace = platform.k8s.NamespaceRef.existing("demo");
        var args = OpenSearchArgs.singleNode(namespace, "demo", platform.k8s.ContainerImage.of(platform.Versions.OPENSEARCH), "1g",
                        java.util.Optional.of("do-block-storage-retain"), platform.secrets.CredentialSource.generated(), true)
                .withName("search").withVolume("10Gi", "search-data").withLabels(Map.of("service", "search"));
        var result = platform.render.ProgramRun.run(ctx -> new OpenSearch("search", args, null), "test", Map.of(), java.util.Set.of());

        var set = Stacks.object(result, "StatefulSet", "demo", "search");
        var claim = Stacks.map(list(set.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
        assertThat(Stacks.map(claim.get("metadata")).get("name")).isEqualTo("search-data");
        assertThat(claim.toString()).contains("storage=10Gi");
        assertThat(list(Stacks.container(set).get("volumeMounts"))).contains(Map.of("mountPath", OpenSearchArgs.DATA_PATH, "name", "search-data"));
        assertThat(Stacks.map(set.input("spec.template.metadata.labels").orElseThrow())).containsEntry("service", "search")
                .containsEntry("app.kubernetes.io/name", "opensearch");
        assertThat(Stacks.object(result, "Secret", "demo", "search").inputs().get("stringData").toString()).contains("host=search");
        assertThat(set.input("spec.template.spec.initContainers").map(Stacks::list).orElse(java.util.List.of())).isEmpty();
    }
}
