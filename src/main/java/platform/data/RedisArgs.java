package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.Images;
import platform.k8s.NamespaceRef;

import java.util.List;
import java.util.Objects;

/**
 * @param name           StatefulSet, Service and Secret name; default {@code redis}
 * @param maxMemory      Redis {@code maxmemory}, e.g. {@code 200mb}; stays below the container's memory limit
 * @param evictionPolicy Redis {@code maxmemory-policy}, e.g. {@code allkeys-lru} for a cache
 * @param rotation       bump to rotate the password (applied on the next start)
 */
public record RedisArgs(NamespaceRef namespace, String system, String name, String image, String maxMemory,
                        String evictionPolicy, ComputeResources resources, int rotation) {
    public static final String DEFAULT_IMAGE = platform.Versions.REDIS;
    public static final List<String> EVICTION_POLICIES = List.of(
            "noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");

    public RedisArgs {
        Objects.requireNonNull(namespace, "namespace");
        if (!maxMemory.matches("[1-9]\\d*(mb|gb)")) {
            throw new IllegalArgumentException("redis maxMemory must be like 200mb or 1gb, got " + maxMemory);
        }
        if (!EVICTION_POLICIES.contains(evictionPolicy)) {
            throw new IllegalArgumentException("redis evictionPolicy must be one of " + EVICTION_POLICIES + ", got " + evictionPolicy);
        }
        Images.requirePinned("redis " + name, image);
    }

    /** A broker and cache without persistence: {@code redis}, 200mb, allkeys-lru, {@link ComputeResources#MEDIUM}. */
    public static RedisArgs cache(NamespaceRef namespace, String system, String maxMemory, String evictionPolicy, int rotation) {
        return new RedisArgs(namespace, system, "redis", DEFAULT_IMAGE, maxMemory, evictionPolicy, ComputeResources.MEDIUM, rotation);
    }
}
