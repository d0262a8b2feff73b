package platform.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource as the program registered it: what {@code pulumi preview} would send to the engine.
 * Tests assert on these; the render writes them out.
 */
public record RegisteredResource(String type, String name, String parent, Map<String, Object> inputs,
                                 Options options) {

    public record Options(boolean protect, boolean retainOnDelete, List<String> dependsOn, String provider,
                          List<String> ignoreChanges, boolean deleteBeforeReplace, String version) {
    }

    public boolean isKubernetesObject() {
        return type.startsWith("kubernetes:") && !type.startsWith("kubernetes:helm.sh/") && !type.equals("kubernetes:yaml:ConfigFile");
    }

    /** An input by dotted path, e.g. {@code input("metadata.name")}; empty when absent. */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (var part : path.split("\\.")) {
            if (current instanceof Secret secret) {
                current = secret.value();
            }
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    public String metadataName() {
        return input("metadata.name").map(Object::toString).orElse(name);
    }

    public String namespace() {
        return input("metadata.namespace").map(Object::toString).orElse("cluster");
    }

    public String kind() {
        return input("kind").map(Object::toString).orElse(type.substring(type.lastIndexOf(':') + 1));
    }
}
