package platform.render;

import com.google.gson.Gson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import platform.config.SecretKeys;
import platform.config.StackConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stack's config as {@code Pulumi.<stack>.yaml} holds it, with overrides applied the way
 * {@code pulumi config set [--secret] [--path]} would, turned into what the engine hands a
 * program: full keys to strings (structured values as JSON) and the set of secret keys.
 * Encrypted values ({@code secure:}) cannot be read offline and count as not set.
 */
public final class StackFile {
    private static final Gson GSON = new Gson();
    /** What stands in for a secret that is encrypted in the stack file or not set. */
    public static final String PLACEHOLDER = "offline-placeholder";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> secretKeys = new HashSet<>();

    public static StackFile load(Path file) throws IOException {
        var stackFile = new StackFile();
        Map<String, Object> document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (MarkedYAMLException malformed) {
            // The parser's message quotes the offending line, which may hold a secret: only the place and the problem.
            var mark = malformed.getProblemMark();
            throw new IOException(file.getFileName() + " is not valid YAML" + (mark == null ? "" : " at line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1)) + (malformed.getProblem() == null ? "" : ": " + malformed.getProblem()));
        } catch (YAMLException | ClassCastException malformed) {
            throw new IOException(file.getFileName() + " is not a Pulumi stack file (a YAML mapping with a config section)");
        }
        if (document != null && document.get("config") instanceof Map<?, ?> config) {
            config.forEach((key, value) -> {
                if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure")) {
                    return; // encrypted for the stack's secrets provider: unreadable offline
                }
                stackFile.values.put(String.valueOf(key), value);
            });
        }
        return stackFile;
    }

    /**
     * The stack file as the offline tools read it: every secret the program knows that the file does not set
     * (encrypted values cannot be read offline) gets a secret placeholder, so secrets never block a render.
     */
    public static StackFile offline(Path file) throws IOException {
        return load(file).withSecretPlaceholders();
    }

    /**
     * Sets {@link #PLACEHOLDER} as a secret for every required secret key not set yet (encrypted or unset
     * secrets cannot be read offline). Optional ones stay unset: set, they would replace a generated value.
     */
    public StackFile withSecretPlaceholders() {
        for (var key : SecretKeys.REQUIRED) {
            var full = StackConfig.fullKey(key);
            if (!has(full)) {
                setSecret(full, PLACEHOLDER);
            }
        }
        return this;
    }

    public static StackFile empty() {
        return new StackFile();
    }

    /** Sets a value; {@code key} may be a path such as {@code platform:cluster.nodePools[0].maxNodes}. */
    public void set(String key, String value) {
        setPath(key, parseScalar(value));
    }

    public void setSecret(String key, String value) {
        setPath(key, value);
        secretKeys.add(rootKey(key));
    }

    public boolean has(String fullKey) {
        return values.containsKey(fullKey);
    }

    public Map<String, String> engineConfig() {
        var result = new LinkedHashMap<String, String>();
        values.forEach((key, value) -> result.put(key,
                value instanceof Map || value instanceof List ? GSON.toJson(value) : String.valueOf(value)));
        return result;
    }

    /**
     * The string values set under the given root keys (e.g. every secret key), however they were set:
     * what must never be printed.
     */
    public List<String> valuesOf(Collection<String> rootKeys) {
        var found = new ArrayList<String>();
        for (var key : rootKeys) {
            collect(values.get(key), found);
        }
        return found;
    }

    private static void collect(Object value, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, found));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, found));
        } else if (value != null) {
            found.add(String.valueOf(value));
        }
    }

    public Set<String> secretKeys() {
        return Set.copyOf(secretKeys);
    }

    private static Object parseScalar(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (text.matches("-?\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        return text;
    }

    /** {@code platform:name...} for a key without a namespace, as {@code pulumi config set} reads it. */
    public static String fullKey(String key) {
        return key.contains(":") ? key : StackConfig.fullKey(key);
    }

    /** The key up to its first path step, namespaced: {@code platform:cluster} of {@code cluster.nodePools[0].size}. */
    public static String rootKey(String key) {
        var namespaced = fullKey(key);
        var end = namespaced.length();
        for (var marker : new char[]{'.', '['}) {
            var at = namespaced.indexOf(marker, namespaced.indexOf(':'));
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return namespaced.substring(0, end);
    }

    @SuppressWarnings("unchecked")
    private void setPath(String key, Object value) {
        var root = rootKey(key);
        var rest = fullKey(key).substring(root.length());
        if (rest.isEmpty()) {
            values.put(root, value);
            return;
        }
        var steps = new ArrayList<Object>();
        var matcher = java.util.regex.Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(rest);
        var consumed = 0;
        while (matcher.find() && matcher.start() == consumed) {
            steps.add(matcher.group(1) != null ? matcher.group(1) : (Object) Integer.parseInt(matcher.group(2)));
            consumed = matcher.end();
        }
        if (consumed != rest.length()) {
            throw new IllegalArgumentException("cannot read the config path " + key);
        }
        Object container = values.computeIfAbsent(root, ignored -> steps.get(0) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            var last = i == steps.size() - 1;
            var next = last ? value : (steps.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
            if (step instanceof Integer index && container instanceof List<?> list) {
                var items = (List<Object>) list;
                while (items.size() <= index) {
                    items.add(null);
                }
                if (last || items.get(index) == null) {
                    items.set(index, next);
                }
                container = items.get(index);
            } else if (step instanceof String field && container instanceof Map<?, ?> map) {
                var fields = (Map<String, Object>) map;
                if (last || !fields.containsKey(field)) {
                    fields.put(field, next);
                }
                container = fields.get(field);
            } else {
                throw new IllegalArgumentException("the config path " + key + " does not fit the value already there");
            }
        }
    }
}
