package platform.render.capacity;

import platform.render.RegisteredResource;

import java.util.List;
import java.util.Map;

/**
 * A Helm release is not expanded by the render, so its pods are estimated from its values the way
 * charts conventionally spell them: every {@code resources} block with requests or limits is one
 * component, run {@code replicaCount} (or {@code replicas}) times beside it, once if neither is set.
 * A component runs on the pool a {@code nodeSelector} beside it names, else on the pool the release's
 * values name anywhere (charts spell the selector in different places: the platform pins a release whole).
 */
final class HelmValues {
    private HelmValues() {
    }

    static void pods(RegisteredResource release, List<PodGroup> groups) {
        var name = "Helm release " + release.input("namespace").orElse("?") + "/" + release.input("name").orElse(release.name());
        release.input("values").ifPresent(values -> walk(name, "", values, releasePool(values), groups));
    }

    /** The first pool any {@code nodeSelector} of the values names. */
    private static String releasePool(Object node) {
        if (node instanceof Map<?, ?> map) {
            var own = PodGroup.poolOf(map);
            if (own != null) {
                return own;
            }
            for (var value : map.values()) {
                var nested = releasePool(value);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static void walk(String release, String path, Object node, String releasePool, List<PodGroup> groups) {
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        if (map.get("resources") instanceof Map<?, ?> resources && (resources.containsKey("requests") || resources.containsKey("limits"))) {
            var requests = Requests.ofContainer(resources);
            var replicas = map.get("replicaCount") instanceof Number count ? count.intValue()
                    : map.get("replicas") instanceof Number count ? count.intValue() : 1;
            var own = PodGroup.poolOf(map);
            var pool = own != null ? own : releasePool;
            groups.add(new PodGroup(release + (path.isEmpty() ? "" : " " + path), pool, replicas, PodGroup.Kind.STEADY, requests[0], requests[1]));
        }
        map.forEach((key, value) -> {
            if (!"resources".equals(key)) {
                walk(release, path.isEmpty() ? String.valueOf(key) : path + "." + key, value, releasePool, groups);
            }
        });
    }
}
