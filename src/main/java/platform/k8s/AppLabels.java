package platform.k8s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The recommended labels every object carries ({@code app.kubernetes.io/*}), plus any a seed's
 * runbook selects on (Bow-Mark's {@code component=consumer}). Pods are selected by name and
 * instance only, so adding a label never changes an immutable selector.
 *
 * @param partOf    the system: {@code bowmark}, {@code marc}, ... or {@code platform}
 * @param name      what runs: {@code postgres}, {@code server}, {@code pg-backup}
 * @param instance  this one of it: {@code postgres}, {@code server-concrete}
 * @param component its role: {@code database}, {@code api}, {@code worker}, {@code backup}
 * @param extra     further labels, e.g. {@code component=consumer} for a seed's runbook
 */
public record AppLabels(String partOf, String name, String instance, String component, Map<String, String> extra) {
    public static final String MANAGED_BY = "pulumi";

    public AppLabels {
        Objects.requireNonNull(partOf, "partOf");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(component, "component");
        extra = Map.copyOf(extra);
    }

    public static AppLabels of(String partOf, String name, String instance, String component) {
        return new AppLabels(partOf, name, instance, component, Map.of());
    }

    public AppLabels with(String key, String value) {
        var more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new AppLabels(partOf, name, instance, component, more);
    }

    /** {@link #with} for each entry, e.g. a seed's log labels ({@code service}, {@code env}). */
    public AppLabels withAll(Map<String, String> labels) {
        var more = new LinkedHashMap<>(extra);
        more.putAll(labels);
        return new AppLabels(partOf, name, instance, component, more);
    }

    /** The same system and role for another object, e.g. a datastore's backup job. */
    public AppLabels forInstance(String otherName, String otherInstance, String otherComponent) {
        return of(partOf, otherName, otherInstance, otherComponent);
    }

    public Map<String, String> all() {
        var labels = new LinkedHashMap<String, String>();
        labels.put("app.kubernetes.io/name", name);
        labels.put("app.kubernetes.io/instance", instance);
        labels.put("app.kubernetes.io/component", component);
        labels.put("app.kubernetes.io/part-of", partOf);
        labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
        labels.putAll(extra);
        return labels;
    }

    public Map<String, String> selector() {
        return Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/instance", instance);
    }
}
