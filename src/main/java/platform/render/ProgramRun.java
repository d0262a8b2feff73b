package platform.render;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import platform.Platform;
import platform.config.ConfigKeys;
import platform.config.InvalidConfigException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program in-process on the SDK's mock engine, as a preview, and returns what it
 * registered. The render and the tests both go through here, so they see the same thing.
 */
public final class ProgramRun {
    private ProgramRun() {
    }

    public record Result(int exitCode, List<RegisteredResource> resources, Map<String, Object> outputs,
                         List<String> problems) {
        public boolean succeeded() {
            return exitCode == 0 && problems.isEmpty();
        }

        public List<RegisteredResource> ofType(String type) {
            return resources.stream().filter(r -> r.type().equals(type)).toList();
        }
    }

    /** The platform program on a stack file's config (the offline tools read it with {@link StackFile#offline}). */
    public static Result platform(String stack, StackFile config) {
        return platform(stack, config.engineConfig(), config.secretKeys());
    }

    /** The platform program on a stack's config, as the render and the stack tests run it. */
    public static Result platform(String stack, Map<String, String> config, Set<String> secretKeys) {
        return platform(stack, config, secretKeys, new RenderMocks(), true);
    }

    /** The platform program with other mocks, e.g. ones that answer like a cloud account in an update. */
    public static Result platform(String stack, Map<String, String> config, Set<String> secretKeys, Mocks mocks, boolean preview) {
        var keys = ConfigKeys.of(config, secretKeys);
        return run(ctx -> Platform.define(ctx, keys), stack, config, secretKeys, mocks, preview);
    }

    public static Result run(Consumer<Context> program, String stack, Map<String, String> config, Set<String> secretKeys) {
        return run(program, stack, config, secretKeys, new RenderMocks(), true);
    }

    /** With other mocks, e.g. ones that answer like a cloud account in an update ({@code preview=false}). */
    public static Result run(Consumer<Context> program, String stack, Map<String, String> config, Set<String> secretKeys,
                             Mocks mocks, boolean preview) {
        var recorded = Collections.synchronizedList(new ArrayList<RegisteredResource>());
        var quiet = Logger.getAnonymousLogger();
        quiet.setUseParentHandlers(false);
        quiet.setLevel(Level.OFF);
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("platform").stackName(stack).preview(preview).build())
                .mocks(mocks)
                .config(config, secretKeys)
                .standardLogger(quiet)
                .monitorDecorator(original -> new RecordingMonitor(mocks, recorded))
                .build();
        try {
            var result = test.runTest(program);
            // The runner may report one failure more than once (as thrown and as logged).
            var problems = new LinkedHashSet<String>();
            for (var exception : result.exceptions()) {
                problems.addAll(problemsOf(exception));
            }
            if (problems.isEmpty()) {
                problems.addAll(result.errors());
            }
            return new Result(result.exitCode(), stableOrder(recorded), outputs(result.outputs()), List.copyOf(problems));
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /**
     * Registration order made repeatable: the SDK registers a resource once its inputs resolve, so the
     * raw order varies between runs. Here each resource follows its parent, siblings by type and
     * name, so two renders of the same commit are identical and diffs show only real changes.
     */
    static List<RegisteredResource> stableOrder(List<RegisteredResource> recorded) {
        var byParent = new java.util.HashMap<String, List<RegisteredResource>>();
        var names = new java.util.HashSet<String>();
        for (var resource : recorded) {
            byParent.computeIfAbsent(resource.parent(), ignored -> new ArrayList<>()).add(resource);
            names.add(resource.type() + "::" + resource.name());
        }
        var ordered = new ArrayList<RegisteredResource>();
        byParent.keySet().stream().filter(parent -> !names.contains(parent)).sorted()
                .forEach(root -> appendTree(root, byParent, ordered));
        return List.copyOf(ordered);
    }

    private static void appendTree(String parent, Map<String, List<RegisteredResource>> byParent, List<RegisteredResource> ordered) {
        byParent.getOrDefault(parent, List.of()).stream()
                .sorted(java.util.Comparator.comparing(RegisteredResource::type).thenComparing(RegisteredResource::name))
                .forEach(child -> {
                    ordered.add(child);
                    appendTree(child.type() + "::" + child.name(), byParent, ordered);
                });
    }

    private static List<String> problemsOf(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigException invalid) {
                return invalid.problems();
            }
        }
        return List.of(exception.toString());
    }

    private static Map<String, Object> outputs(Map<String, Output<?>> exports) {
        var values = new LinkedHashMap<String, Object>();
        new TreeMap<>(exports).forEach((name, output) -> {
            var data = PulumiTestInternal.extractOutputData(output);
            Object value = data.isKnown() ? data.getValueNullable() : Unknown.VALUE;
            values.put(name, data.isSecret() ? new Secret(value) : value);
        });
        return values;
    }
}
