package platform.data;

import org.junit.jupiter.api.Test;
import platform.Stacks;


import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;

class RedisTest {

    @Test
    void redisHasNoVolumeClaimAndBoundedMemory() {
        var set = Stacks.object(DatastoreTestStack.run(false, 1), "StatefulSet", "demo", "redis");

        assertThat(set.input("spec.volumeClaimTemplates")).isEmpty();
        assertThat(list(Stacks.container(set).get("args"))).containsSequence("--maxmemory", "200mb", "--maxmemory-policy", "allkeys-lru")
                .containsSequence("--save", "");
    }
}
