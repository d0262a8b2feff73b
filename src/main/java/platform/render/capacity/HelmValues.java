package platform.render.capacity;

import platform.render.RegisteredResource;

import java.util.List;
import java.util.Map;

/**
 * A Helm release is not expanded by the render, so its pods are estimated from its values the way
 * charts conventionally spell them: every {@code resources} block with requests or limits is one
 * component, run {@code replicaCount} (or {@code replicas}) times beside it, once if neither is set.
 */
final class HelmValues {
    private HelmValues() {
    }

    static void pods(RegisteredResource release, List<PodGroup> groups) {
        var name = "Helm release " + release.input("namespace").orElse("?") + "/" + release.input("name").orElse(release.name());
        release.input("values").ifPresent(values -> walk(name, "", values, groups));
    }

    private static void walk(String release, String path, Object node, List<PodGroup> groups) {
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        if (map.get("resources") instanceof Map<?, ?> resources && (resources.containsKey("requests") || resources.containsKey("limits"))) {
            var requests = Requests.ofContainer(resources);
            var replicas = map.get("replicaCount") instanceof Number count ? count.intValue()
                    : map.get("replicas") instanceof Number count ? count.intValue() : 1;
            var pool = PodGroup.poolOf(map);
            groups.add(new PodGroup(release + (path.isEmpty() ? "" : " " + path), pool, replicas, PodGroup.Kind.STEADY, requests[0], requests[1]));
        }
        map.forEach((key, value) -> {
            if (!"resources".equals(key)) {
                walk(release, path.isEmpty() ? String.valueOf(key) : path + "." + key, value, groups);
            }
        });
    }
}
