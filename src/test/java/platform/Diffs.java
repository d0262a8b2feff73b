package platform;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a second run registers differently from a first, as a `pulumi preview --diff` would show
 * it: per resource, the input paths whose values changed.
 */
public final class Diffs {
    private Diffs() {
    }

    /** {@code type::name} of each changed resource to its changed input paths (a new resource maps to "(new)"). */
    public static Map<String, List<String>> between(List<RegisteredResource> before, List<RegisteredResource> after) {
        var changes = new TreeMap<String, List<String>>();
        for (var resource : after) {
            var key = resource.type() + "::" + resource.name();
            var previous = before.stream().filter(r -> r.type().equals(resource.type()) && r.name().equals(resource.name())).findFirst();
            if (previous.isEmpty()) {
                changes.put(key, List.of("(new)"));
                continue;
            }
            var paths = new ArrayList<String>();
            collect("", previous.get().inputs(), resource.inputs(), paths);
            if (!previous.get().options().equals(resource.options())) {
                paths.add("(options)");
            }
            if (!paths.isEmpty()) {
                changes.put(key, paths);
            }
        }
        return changes;
    }

    private static void collect(String path, Object before, Object after, List<String> paths) {
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            var keys = new java.util.TreeSet<String>();
            a.keySet().forEach(k -> keys.add(String.valueOf(k)));
            b.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (var key : keys) {
                collect(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), paths);
            }
        } else if (before instanceof List<?> a && after instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                collect(path + "[" + i + "]", a.get(i), b.get(i), paths);
            }
        } else if (!Objects.equals(before, after)) {
            paths.add(path);
        }
    }
}
