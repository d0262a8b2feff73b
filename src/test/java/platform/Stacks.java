package platform;

import com.pulumi.test.Mocks;
import platform.config.SecretKeys;
import platform.config.StackConfig;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.StackFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs the real program against a real stack file ({@code Pulumi.<stack>.yaml} at the project
 * root), with overrides, exactly as the render does.
 */
public final class Stacks {
    private Stacks() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
    }

    public static ProgramRun.Result run(String stack, String... overrides) {
        return run(stack, null, true, overrides);
    }

    /** {@code overrides}: {@code key=value} set with --path semantics; a key starting with {@code !} is a secret. */
    public static ProgramRun.Result run(String stack, Mocks mocks, boolean preview, String... overrides) {
        var config = load(stack);
        var secrets = new LinkedHashMap<String, String>();
        for (var override : overrides) {
            var eq = override.indexOf('=');
            var key = override.substring(0, eq);
            if (key.startsWith("!")) {
                secrets.put(key.substring(1), override.substring(eq + 1));
            } else {
                config.set(key, override.substring(eq + 1));
            }
        }
        for (var key : SecretKeys.REQUIRED) {
            secrets.putIfAbsent(StackConfig.fullKey(key), "test-value-of-" + key);
        }
        secrets.forEach(config::setSecret);
        return mocks == null
                ? ProgramRun.platform(stack, config.engineConfig(), config.secretKeys())
                : ProgramRun.platform(stack, config.engineConfig(), config.secretKeys(), mocks, preview);
    }

    public static StackFile load(String stack) {
        try {
            return StackFile.load(projectRoot().resolve("Pulumi." + stack + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RegisteredResource only(ProgramRun.Result result, String type, String name) {
        var matches = result.resources().stream().filter(r -> r.type().equals(type) && r.name().equals(name)).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + name + ", found " + matches.size());
        }
        return matches.get(0);
    }

    /** The Kubernetes object of a kind with a metadata.name in a namespace. */
    public static RegisteredResource object(ProgramRun.Result result, String kind, String namespace, String name) {
        var matches = result.resources().stream()
                .filter(RegisteredResource::isKubernetesObject)
                .filter(r -> r.kind().equals(kind) && r.namespace().equals(namespace) && r.metadataName().equals(name))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + namespace + "/" + name + ", found " + matches.size());
        }
        return matches.get(0);
    }

    public static List<RegisteredResource> where(ProgramRun.Result result, Predicate<RegisteredResource> filter) {
        return result.resources().stream().filter(filter).toList();
    }

    /** The first container of a Deployment's or StatefulSet's pod template. */
    public static Map<String, Object> container(RegisteredResource workload) {
        return map(list(workload.input("spec.template.spec.containers").orElseThrow()).get(0));
    }

    /** A Deployment's, StatefulSet's or CronJob's pod containers of one list ({@code containers}, {@code initContainers}); none when it has none. */
    public static List<Map<String, Object>> containers(RegisteredResource workload, String list) {
        var pod = workload.kind().equals("CronJob") ? "spec.jobTemplate.spec.template.spec." : "spec.template.spec.";
        return workload.input(pod + list).map(Stacks::list).orElse(List.of()).stream().map(Stacks::map).toList();
    }

    public static Map<String, Object> map(Object value) {
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) value;
        return map;
    }

    public static List<Object> list(Object value) {
        @SuppressWarnings("unchecked")
        var list = (List<Object>) value;
        return list;
    }
}
