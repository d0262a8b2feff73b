package platform.k8s;

import java.util.Map;
import java.util.Optional;

/** Pinning pods to a DOKS node pool: DOKS labels every node with its pool's name. */
public final class NodePool {
    /** The node label DOKS puts on every node with its pool's name. */
    public static final String LABEL = "doks.digitalocean.com/node-pool";

    private NodePool() {
    }

    /** The node selector for {@code pool}, or none (any node) when empty. */
    public static Optional<Map<String, String>> selector(Optional<String> pool) {
        return pool.map(name -> Map.of(LABEL, name));
    }
}
