package platform.render.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changes in one stack between two renders: resources added, removed and changed (with their
 * field changes, and whether the change replaces the resource), and the warnings a reviewer must
 * not miss ({@link Warnings}).
 */
record StackDiff(String stack, RenderedStack before, RenderedStack after, List<String> added, List<String> removed,
                 Map<String, Changed> changed, List<String> warnings, int unchanged, boolean fingerprinted) {

    /** A changed resource: what replaces it (immutable fields), if anything, and its field changes. */
    record Changed(String replacedBy, List<FieldChange> fields) {
    }

    boolean hasChanges() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }

    static StackDiff of(String stack, RenderedStack before, RenderedStack after) {
        var added = new ArrayList<String>();
        var removed = new ArrayList<String>();
        var changed = new LinkedHashMap<String, Changed>();
        var warnings = new ArrayList<String>();
        var unchanged = 0;
        var fingerprinted = before.fingerprints() != null && after.fingerprints() != null;
        // First pass without secrets' dependency rule: which resources change at all.
        var touched = new HashMap<String, String>();
        for (var entry : after.resources().entrySet()) {
            var old = before.resources().get(entry.getKey());
            if (old == null) {
                touched.put(entry.getKey(), "added");
            } else if (!old.equals(entry.getValue())) {
                touched.put(entry.getKey(), Replacement.of(old, entry.getValue()) != null ? "replaced" : "changed");
            }
        }
        before.resources().keySet().stream().filter(key -> !after.resources().containsKey(key)).forEach(key -> touched.put(key, "removed"));
        for (var entry : after.resources().entrySet()) {
            var key = entry.getKey();
            var now = entry.getValue();
            var old = before.resources().get(key);
            if (old == null) {
                added.add(key);
                Warnings.added(key, now, warnings);
                continue;
            }
            var dependencies = dependencies(now);
            var parent = now.get("parent");
            var fields = ObjectDiff.of(old, now, fingerprints(before, key), fingerprints(after, key), rawPath -> {
                for (var dependency : dependencies) {
                    var how = touched.get(dependency);
                    if (how != null && !how.equals("changed")) {
                        return "follows " + dependency + ", " + how;
                    }
                }
                // A generated value's link to the object using it is not visible offline (its result is unknown);
                // the program generates a credential beside the Secret that holds it, in the same component.
                for (var generated : touched.entrySet()) {
                    if (generated.getKey().startsWith("random:") && !generated.getValue().equals("changed")
                            && Objects.equals(parent, parentOf(before, after, generated.getKey()))) {
                        return "may change: " + generated.getKey() + " beside it is regenerated";
                    }
                }
                return null;
            });
            if (fields.isEmpty()) {
                unchanged++;
                continue;
            }
            var replacedBy = Replacement.of(old, now);
            changed.put(key, new Changed(replacedBy, fields));
            Warnings.changed(key, old, now, replacedBy, fields, warnings);
        }
        for (var entry : before.resources().entrySet()) {
            if (!after.resources().containsKey(entry.getKey())) {
                removed.add(entry.getKey());
                Warnings.removed(entry.getKey(), entry.getValue(), warnings);
            }
        }
        return new StackDiff(stack, before, after, added, removed, changed, warnings, unchanged, fingerprinted);
    }

    private static Object parentOf(RenderedStack before, RenderedStack after, String key) {
        var resource = after.resources().getOrDefault(key, before.resources().get(key));
        return resource == null ? null : resource.get("parent");
    }

    private static Map<String, String> fingerprints(RenderedStack stack, String key) {
        return stack.fingerprints() == null ? null : stack.fingerprints().getOrDefault(key, Map.of());
    }

    private static Set<String> dependencies(Map<String, Object> resource) {
        var set = new java.util.LinkedHashSet<String>();
        if (resource.get("options") instanceof Map<?, ?> options && options.get("dependsOn") instanceof List<?> list) {
            list.forEach(item -> set.add(String.valueOf(item)));
        }
        return set;
    }

    /** How a resource reads to a reviewer: {@code StatefulSet bowmark/postgres}, or its type and name. */
    static String display(String key, Map<String, Object> resource) {
        if (resource != null && resource.get("inputs") instanceof Map<?, ?> inputs && inputs.get("kind") instanceof String kind
                && inputs.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") != null
                && String.valueOf(resource.get("type")).startsWith("kubernetes:")) {
            var namespace = metadata.get("namespace");
            return kind + " " + (namespace == null ? "" : namespace + "/") + metadata.get("name");
        }
        var split = key.lastIndexOf("::");
        return key.substring(0, split) + " " + key.substring(split + 2);
    }
}
