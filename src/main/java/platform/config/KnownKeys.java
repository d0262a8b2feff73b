package platform.config;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The config keys the settings readers asked for, so that a key in the stack file that nobody
 * reads (a typo such as {@code bowmark.replica}, or a key the program no longer reads) is reported
 * with the nearest known key, instead of being silently ignored.
 */
final class KnownKeys {
    private final Set<String> keys = new HashSet<>();
    private final Set<String> subtrees = new HashSet<>();

    void add(String key) {
        keys.add(key);
    }

    /** Everything under {@code key} is accepted unread. */
    void addSubtree(String key) {
        subtrees.add(key);
    }

    boolean knows(String key) {
        return keys.contains(key) || covered(key);
    }

    private boolean covered(String key) {
        for (var subtree : subtrees) {
            if (key.equals(subtree) || key.startsWith(subtree + ".") || key.startsWith(subtree + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Each key under {@code key} in {@code value} that no reader asked for, with its suggestion. */
    void collectUnknown(String key, JsonElement value, List<String> problems) {
        if (covered(key)) {
            return;
        }
        if (value.isJsonObject()) {
            for (var field : value.getAsJsonObject().entrySet()) {
                var child = key + "." + field.getKey();
                if (knows(child)) {
                    collectUnknown(child, field.getValue(), problems);
                } else {
                    problems.add(unknown(child, field.getKey(), childrenOf(key)));
                }
            }
        } else if (value.isJsonArray()) {
            var items = value.getAsJsonArray();
            for (int i = 0; i < items.size(); i++) {
                collectUnknown(key + "[" + i + "]", items.get(i), problems);
            }
        }
    }

    /** The known names directly under {@code parent} ({@code replicas} under {@code platform:bowmark}). */
    private List<String> childrenOf(String parent) {
        var names = new ArrayList<String>();
        for (var key : keys) {
            if (key.startsWith(parent + ".") && key.indexOf('.', parent.length() + 1) < 0 && key.indexOf('[', parent.length() + 1) < 0) {
                names.add(key.substring(parent.length() + 1));
            }
        }
        return names;
    }

    static String unknown(String key, String name, List<String> candidates) {
        return key + ": is not a key the program reads" + nearest(name, candidates)
                .map(match -> "; did you mean " + key.substring(0, key.length() - name.length()) + match + "?")
                .orElse("");
    }

    /** The closest candidate by edit distance, when it is close enough to be a likely typo. */
    static Optional<String> nearest(String name, List<String> candidates) {
        return candidates.stream()
                .filter(candidate -> distance(name.toLowerCase(), candidate.toLowerCase()) <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt((String candidate) -> distance(name.toLowerCase(), candidate.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                var substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
