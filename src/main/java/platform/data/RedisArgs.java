package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.secrets.CredentialSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * @param name           StatefulSet, Service and Secret name; default {@code redis}
 * @param maxMemory      Redis {@code maxmemory}, e.g. {@code 200mb}; stays below the container's memory limit
 * @param evictionPolicy Redis {@code maxmemory-policy}, e.g. {@code allkeys-lru} for a cache
 * @param password       generated or given (a new one is applied on the next start)
 * @param extraLabels    further labels on its objects and pods, e.g. a seed's log labels
 * @param nodePool       the DOKS pool it runs on, or empty for any node
 */
public record RedisArgs(NamespaceRef namespace, String system, String name, ContainerImage image, String maxMemory,
                        String evictionPolicy, ComputeResources resources, CredentialSource password, Map<String, String> extraLabels,
                        Optional<String> nodePool) {
    /** Redis' {@code maxmemory} in the units this platform writes it with. */
    public static final Pattern MAX_MEMORY = Pattern.compile("[1-9]\\d*(mb|gb)");
    public static final String MAX_MEMORY_TEXT = "a Redis memory size such as 200mb";
    public static final List<String> EVICTION_POLICIES = List.of(
            "noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");

    public RedisArgs {
        Objects.requireNonNull(namespace, "namespace");
        if (!MAX_MEMORY.matcher(maxMemory).matches()) {
            throw new IllegalArgumentException("redis maxMemory must be like 200mb or 1gb, got " + maxMemory);
        }
        if (!EVICTION_POLICIES.contains(evictionPolicy)) {
            throw new IllegalArgumentException("redis evictionPolicy must be one of " + EVICTION_POLICIES + ", got " + evictionPolicy);
        }
        Objects.requireNonNull(image, "image of redis " + name);
        Objects.requireNonNull(password, "password of redis " + name);
        extraLabels = Map.copyOf(extraLabels);
        Objects.requireNonNull(nodePool, "nodePool of redis " + name);
    }

    /** A broker and cache without persistence: {@code redis}, 200mb, allkeys-lru, {@link ComputeResources#MEDIUM}. */
    public static RedisArgs cache(NamespaceRef namespace, String system, ContainerImage image, String maxMemory, String evictionPolicy,
                                  CredentialSource password) {
        return new RedisArgs(namespace, system, "redis", image, maxMemory, evictionPolicy, ComputeResources.MEDIUM, password, Map.of(),
                Optional.empty());
    }

    public RedisArgs withLabels(Map<String, String> labels) {
        return new RedisArgs(namespace, system, name, image, maxMemory, evictionPolicy, resources, password, labels, nodePool);
    }

    public RedisArgs withNodePool(Optional<String> pool) {
        return new RedisArgs(namespace, system, name, image, maxMemory, evictionPolicy, resources, password, extraLabels, pool);
    }
}
