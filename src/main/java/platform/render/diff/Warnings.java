package platform.render.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The changes that hurt, said first: anything protected removed, replaced or unprotected; a
 * replaced StatefulSet; a touched claim template or volume; a datastore image's new major
 * version; a removed route, path or host; a changed or removed schedule.
 */
final class Warnings {
    static final Set<String> DATASTORES = Set.of("postgres", "mongo", "rabbitmq", "redis", "opensearch");

    private Warnings() {
    }

    static void added(String key, Map<String, Object> now, List<String> warnings) {
        if (kind(now).equals("PersistentVolume") || kind(now).equals("PersistentVolumeClaim")) {
            warnings.add("adds " + StackDiff.display(key, now) + ": a new volume");
        }
    }

    static void removed(String key, Map<String, Object> old, List<String> warnings) {
        var name = StackDiff.display(key, old);
        if (isProtected(old)) {
            warnings.add("REMOVES protected " + name + " (pulumi up stops here until it is unprotected)");
        }
        switch (kind(old)) {
            case "StatefulSet", "PersistentVolumeClaim", "PersistentVolume" -> warnings.add("removes " + name + ": its data volume is no longer managed");
            case "HTTPRoute" -> warnings.add("removes route " + name + " (hosts " + hosts(old) + ")");
            case "CronJob" -> warnings.add("removes scheduled job " + name + " (" + at(old, "spec.schedule") + ")");
            default -> {
            }
        }
    }

    static void changed(String key, Map<String, Object> old, Map<String, Object> now, String replacedBy, List<FieldChange> fields,
                        List<String> warnings) {
        var name = StackDiff.display(key, now);
        var kind = kind(now);
        if (replacedBy != null && isProtected(old)) {
            warnings.add("REPLACES protected " + name + " (changes " + replacedBy + "; pulumi up stops here)");
        } else if (replacedBy != null && kind.equals("StatefulSet")) {
            warnings.add("REPLACES StatefulSet " + name + " (immutable " + replacedBy + "): its pods are deleted and recreated");
        }
        if (isProtected(old) && !isProtected(now)) {
            warnings.add(name + " is no longer protected");
        }
        for (var field : fields) {
            if (field.path().startsWith("spec.volumeClaimTemplates")) {
                var ignored = Replacement.ignored(now).stream().anyMatch("spec.volumeClaimTemplates"::startsWith);
                warnings.add("touches a claim template of " + name + " (" + field.path() + ")"
                        + (ignored ? ": ignored by Pulumi (ignoreChanges), existing volumes keep their size; resize the PVC by hand" : ""));
                break;
            }
        }
        if ((kind.equals("PersistentVolumeClaim") || kind.equals("PersistentVolume")) && !fields.isEmpty()) {
            warnings.add("changes volume " + name + " (" + fields.get(0).path() + (fields.size() > 1 ? ", ..." : "") + ")");
        }
        imageMajors(name, old, now, warnings);
        if (kind.equals("HTTPRoute")) {
            var lost = new TreeSet<>(hostList(old));
            lost.removeAll(hostList(now));
            if (!lost.isEmpty()) {
                warnings.add("route " + name + " no longer serves " + String.join(", ", lost));
            }
            var paths = new TreeSet<>(paths(old));
            paths.removeAll(paths(now));
            if (!paths.isEmpty()) {
                warnings.add("route " + name + " no longer routes " + String.join(", ", paths));
            }
        }
        if (kind.equals("Gateway")) {
            var lost = new TreeSet<>(listenerHosts(old));
            lost.removeAll(listenerHosts(now));
            if (!lost.isEmpty()) {
                warnings.add("Gateway " + name + " no longer listens for " + String.join(", ", lost));
            }
        }
        if (kind.equals("CronJob")) {
            for (var path : List.of("spec.schedule", "spec.suspend", "spec.timeZone")) {
                if (!Objects.equals(at(old, path), at(now, path))) {
                    warnings.add("schedule of " + name + ": " + path.substring(5) + " " + ObjectDiff.show(at(old, path)) + " -> "
                            + ObjectDiff.show(at(now, path)));
                }
            }
        }
    }

    /** A datastore image (by name) whose major version differs, in any container of the object. */
    private static void imageMajors(String name, Map<String, Object> old, Map<String, Object> now, List<String> warnings) {
        var before = images(old.get("inputs"), "", new LinkedHashMap<>());
        var after = images(now.get("inputs"), "", new LinkedHashMap<>());
        for (var entry : after.entrySet()) {
            var previous = before.get(entry.getKey());
            if (previous == null) {
                continue;
            }
            var product = product(entry.getValue());
            if (DATASTORES.contains(product) && product.equals(product(previous)) && !major(previous).equals(major(entry.getValue()))) {
                warnings.add("datastore image major version in " + name + " (" + entry.getKey() + "): " + previous + " -> " + entry.getValue()
                        + ": data written by " + product + " " + major(previous) + " needs an upgrade path (dump and restore, pg_upgrade, ...)");
            }
        }
    }

    /** Every container's image by its container path, e.g. {@code spec.template.spec.containers[postgres]}. */
    private static Map<String, String> images(Object node, String path, Map<String, String> found) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("image") instanceof String image && map.get("name") != null) {
                found.put(path, image);
            }
            map.forEach((key, value) -> images(value, path.isEmpty() ? String.valueOf(key) : path + "." + key, found));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                var item = list.get(i);
                var label = item instanceof Map<?, ?> m && m.get("name") != null ? String.valueOf(m.get("name")) : String.valueOf(i);
                images(item, path + "[" + label + "]", found);
            }
        }
        return found;
    }

    static String product(String image) {
        var name = image.split("@")[0];
        var slash = name.lastIndexOf('/');
        var colon = name.indexOf(':', slash + 1);
        return colon < 0 ? name.substring(slash + 1) : name.substring(slash + 1, colon);
    }

    static String major(String image) {
        var name = image.split("@")[0];
        var colon = name.indexOf(':', name.lastIndexOf('/') + 1);
        var tag = colon < 0 ? "latest" : name.substring(colon + 1);
        var digits = tag.replaceFirst("^v", "").split("[^0-9]", 2)[0];
        return digits.isEmpty() ? tag : digits;
    }

    private static boolean isProtected(Map<String, Object> resource) {
        return resource.get("options") instanceof Map<?, ?> options && Boolean.TRUE.equals(options.get("protect"));
    }

    private static String kind(Map<String, Object> resource) {
        var kind = at(resource, "inputs.kind");
        return kind == null ? "" : String.valueOf(kind);
    }

    /** An input by path ({@code spec.schedule}), or a top-level entry with the {@code inputs.} prefix. */
    static Object at(Map<String, Object> resource, String path) {
        return path.startsWith("inputs.") ? Replacement.at(resource, path)
                : resource.get("inputs") instanceof Map<?, ?> inputs ? Replacement.at(inputs, path) : null;
    }

    private static List<String> hostList(Map<String, Object> route) {
        var hosts = at(route, "spec.hostnames");
        var list = new ArrayList<String>();
        if (hosts instanceof List<?> items) {
            items.forEach(host -> list.add(String.valueOf(host)));
        }
        return list;
    }

    private static String hosts(Map<String, Object> route) {
        var list = hostList(route);
        return list.isEmpty() ? "any" : String.join(", ", list);
    }

    private static Set<String> paths(Map<String, Object> route) {
        var paths = new TreeSet<String>();
        if (at(route, "spec.rules") instanceof List<?> rules) {
            for (var rule : rules) {
                if (rule instanceof Map<?, ?> r && r.get("matches") instanceof List<?> matches) {
                    for (var match : matches) {
                        if (match instanceof Map<?, ?> m && m.get("path") instanceof Map<?, ?> p) {
                            paths.add(String.valueOf(p.get("value")));
                        }
                    }
                }
            }
        }
        return paths;
    }

    private static Set<String> listenerHosts(Map<String, Object> gateway) {
        var hosts = new TreeSet<String>();
        if (at(gateway, "spec.listeners") instanceof List<?> listeners) {
            for (var listener : listeners) {
                if (listener instanceof Map<?, ?> l && l.get("hostname") != null) {
                    hosts.add(String.valueOf(l.get("hostname")));
                }
            }
        }
        return hosts;
    }
}
