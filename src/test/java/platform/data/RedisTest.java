package platform.data;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.render.RegisteredResource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

class RedisTest {
    private static final String CONTAINER = "spec.template.spec.containers";

    private static Map<String, Object> container(RegisteredResource set) {
        return map(list(set.input(CONTAINER).orElseThrow()).get(0));
    }

    @Test
    void redisHasNoVolumeClaimAndBoundedMemory() {
        var set = Stacks.object(DatastoreTestStack.run(false, 1), "StatefulSet", "demo", "redis");

        assertThat(set.input("spec.volumeClaimTemplates")).isEmpty();
        assertThat(list(container(set).get("args"))).containsSequence("--maxmemory", "200mb", "--maxmemory-policy", "allkeys-lru")
                .containsSequence("--save", "");
    }
}
