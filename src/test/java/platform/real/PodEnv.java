package platform.real;

import platform.render.ProgramRun;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * A rendered container's environment as the kubelet gives it: plain values with {@code $(VAR)}
 * expanded, {@code secretKeyRef}s read from the Secrets the same render registered. A test
 * replaces what only the cluster knows (a Service's address, a bucket's credentials) with its
 * local servers' by name, and adds what the container image sets (paths, a port), so a script
 * runs with the rendered variables and nothing it does not get in production.
 */
public final class PodEnv {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final ProgramRun.Result render;
    private final String namespace;
    private final Map<String, Map<String, Object>> rendered = new LinkedHashMap<>();
    private final Map<String, String> replaced = new LinkedHashMap<>();
    private final Map<String, String> added = new LinkedHashMap<>();

    private PodEnv(ProgramRun.Result render, String namespace, Map<String, Object> container) {
        this.render = render;
        this.namespace = namespace;
        for (var entry : list(container.getOrDefault("env", java.util.List.of()))) {
            var variable = map(entry);
            rendered.put(variable.get("name").toString(), variable);
        }
    }

    public static PodEnv of(ProgramRun.Result render, String namespace, Map<String, Object> container) {
        return new PodEnv(render, namespace, container);
    }

    /** A rendered variable whose production value is the cluster's, given the test's instead. */
    public PodEnv replace(String name, String value) {
        if (!rendered.containsKey(name)) {
            throw new AssertionError("the rendered container has no variable " + name + " to replace; it has " + rendered.keySet());
        }
        replaced.put(name, value);
        return this;
    }

    /** A variable the render does not set (the image or the test's machine does). */
    public PodEnv add(String name, String value) {
        if (rendered.containsKey(name)) {
            throw new AssertionError("the rendered container already sets " + name + "; replace it instead");
        }
        added.put(name, value);
        return this;
    }

    public PodEnv addAll(Map<String, String> variables) {
        variables.forEach(this::add);
        return this;
    }

    public boolean renders(String name) {
        return rendered.containsKey(name);
    }

    public Map<String, String> resolve() {
        var env = new LinkedHashMap<String, String>();
        rendered.forEach((name, variable) -> env.put(name, replaced.containsKey(name) ? replaced.get(name) : value(name, variable, env)));
        env.putAll(added);
        return env;
    }

    private String value(String name, Map<String, Object> variable, Map<String, String> earlier) {
        if (variable.containsKey("value")) {
            return expand(variable.get("value").toString(), earlier);
        }
        var ref = map(map(variable.get("valueFrom")).get("secretKeyRef"));
        return Render.knownSecret(render, namespace, ref.get("name").toString(), ref.get("key").toString())
                .orElseThrow(() -> new AssertionError(name + " comes from Secret " + namespace + "/" + ref.get("name") + " key " + ref.get("key")
                        + ", which this render does not know (a preview?); replace it with the test's value"));
    }

    /** The kubelet's {@code $(VAR)} expansion against variables defined before. */
    public static String expand(String value, Map<String, String> env) {
        var matcher = REFERENCE.matcher(value);
        var out = new StringBuilder();
        while (matcher.find()) {
            var known = env.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(known != null ? known : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
