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
                Map.of("name", "OPENSEARCH_JAVA_OPTS", "value", "-Xms512m -Xmx512m"));
        assertThat(env.toString()).contains("OPENSEARCH_INITIAL_ADMIN_PASSWORD").contains("secretKeyRef");
    }
}
