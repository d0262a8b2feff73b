package platform.render.diff;

import platform.render.Secret;
import platform.render.Unknown;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The field-level difference of one resource between two renders. Secrets ({@code [secret]} in
 * the files) are compared through the renders' fingerprints when both have them: only
 * "changed" or nothing is said. A secret known to neither render (a password generated at deploy
 * time) changes when a resource it depends on changes, e.g. a rotated {@code RandomPassword}.
 */
final class ObjectDiff {
    private static final int MAX_TEXT = 80;

    private final Map<String, String> fingerprintsBefore;
    private final Map<String, String> fingerprintsAfter;
    private final Function<String, String> changedDependency;
    private final List<FieldChange> changes = new ArrayList<>();

    private ObjectDiff(Map<String, String> before, Map<String, String> after, Function<String, String> changedDependency) {
        this.fingerprintsBefore = before;
        this.fingerprintsAfter = after;
        this.changedDependency = changedDependency;
    }

    /**
     * @param fingerprintsBefore the resource's secret fingerprints by raw input path, or null when the render has none
     * @param changedDependency  given a secret's raw path, the changed dependency it follows, or null
     */
    static List<FieldChange> of(Map<String, Object> before, Map<String, Object> after, Map<String, String> fingerprintsBefore,
                                Map<String, String> fingerprintsAfter, Function<String, String> changedDependency) {
        var diff = new ObjectDiff(fingerprintsBefore, fingerprintsAfter, changedDependency);
        diff.compare("", "", before.get("inputs"), after.get("inputs"));
        diff.compare("options", "options", before.get("options"), after.get("options"));
        return diff.changes;
    }

    private void compare(String path, String rawPath, Object before, Object after) {
        if (Objects.equals(before, after)) {
            if (Unknown.SHOWN.equals(before)) {
                unknown(path, rawPath);
            } else if (Secret.REDACTED.equals(before)) {
                secret(path, rawPath);
            } else if (before instanceof Map<?, ?> || before instanceof List<?>) {
                walkSecrets(path, rawPath, before);
            }
            return;
        }
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            var keys = new LinkedHashSet<Object>(a.keySet());
            keys.addAll(b.keySet());
            for (var key : keys) {
                compare(join(path, key), join(rawPath, key), a.get(key), b.get(key));
            }
            return;
        }
        if (before instanceof List<?> a && after instanceof List<?> b) {
            if (named(a) && named(b)) {
                var names = new LinkedHashSet<String>();
                a.forEach(item -> names.add(name(item)));
                b.forEach(item -> names.add(name(item)));
                for (var name : names) {
                    var i = indexOf(a, name);
                    var j = indexOf(b, name);
                    // Fingerprints use the after-side index (or the before-side for a removed item).
                    compare(path + "[" + name + "]", rawPath + "[" + (j >= 0 ? j : i) + "]", i >= 0 ? a.get(i) : null, j >= 0 ? b.get(j) : null);
                }
                return;
            }
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(path + "[" + i + "]", rawPath + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null);
            }
            return;
        }
        if (Secret.REDACTED.equals(before) && after != null && !Secret.REDACTED.equals(after)) {
            changes.add(new FieldChange(path, "[secret]", "no longer secret: " + show(after)));
        } else if (Secret.REDACTED.equals(after) && before != null) {
            changes.add(new FieldChange(path, show(before), "[secret] (now secret)"));
        } else if (before instanceof String a && after instanceof String b && (a.contains("\n") || b.contains("\n"))) {
            changes.add(new FieldChange(path, "text", "text changed:\n" + TextLines.diff(a, b)));
        } else {
            changes.add(new FieldChange(path, before == null ? null : show(before), after == null ? null : show(after)));
        }
    }

    private void walkSecrets(String path, String rawPath, Object value) {
        if (Unknown.SHOWN.equals(value)) {
            unknown(path, rawPath);
        } else if (Secret.REDACTED.equals(value)) {
            secret(path, rawPath);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walkSecrets(join(path, key), join(rawPath, key), item));
        } else if (value instanceof List<?> list) {
            var isNamed = named(list);
            for (int i = 0; i < list.size(); i++) {
                walkSecrets(path + "[" + (isNamed ? name(list.get(i)) : i) + "]", rawPath + "[" + i + "]", list.get(i));
            }
        }
    }

    /** A value only the cloud will know, on both sides: it changes when what it comes from is regenerated or replaced. */
    private void unknown(String path, String rawPath) {
        var dependency = changedDependency.apply(rawPath);
        if (dependency != null) {
            changes.add(new FieldChange(path, Unknown.SHOWN, Unknown.SHOWN + " (" + dependency + ")"));
        }
    }

    /** A secret that reads {@code [secret]} on both sides. */
    private void secret(String path, String rawPath) {
        var a = fingerprintsBefore == null ? null : fingerprintsBefore.get(rawPath);
        var b = fingerprintsAfter == null ? null : fingerprintsAfter.get(rawPath);
        var known = a != null && b != null && !a.equals(platform.render.SecretFingerprints.UNKNOWN)
                && !b.equals(platform.render.SecretFingerprints.UNKNOWN);
        if (known) {
            if (!a.equals(b)) {
                changes.add(new FieldChange(path, "[secret]", "[secret] (changed)"));
            }
            return;
        }
        var dependency = changedDependency.apply(rawPath);
        if (dependency != null) {
            changes.add(new FieldChange(path, "[secret]", "[secret] (" + dependency + ")"));
        }
    }

    private static boolean named(List<?> list) {
        var names = new java.util.HashSet<String>();
        for (var item : list) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("name") instanceof String name) || !names.add(name)) {
                return false;
            }
        }
        return !list.isEmpty();
    }

    private static String name(Object item) {
        return String.valueOf(((Map<?, ?>) item).get("name"));
    }

    private static int indexOf(List<?> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (name.equals(name(list.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String join(String path, Object key) {
        return path.isEmpty() ? String.valueOf(key) : path + "." + key;
    }

    static String show(Object value) {
        String text;
        if (value instanceof String s) {
            text = "\"" + s + "\"";
        } else if (value instanceof Double d && d == Math.rint(d)) {
            text = Long.toString(d.longValue());
        } else {
            text = new com.google.gson.Gson().toJson(value);
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 3) + "..." : text;
    }
}
