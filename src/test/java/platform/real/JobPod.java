package platform.real;

import platform.Stacks;
import platform.render.ProgramRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * One run of a rendered CronJob's pod on this machine: its init containers, then its containers,
 * each running its rendered command with its rendered environment, stopping at the first that
 * fails (restartPolicy Never). Volumes are local directories: a ConfigMap's files are written
 * into its directory, an emptyDir is shared by the containers. The scripts find their volumes
 * through variables whose defaults are the mount paths, so each mount sets its variable.
 */
public final class JobPod {
    /** How the platform's scripts are told where a volume is mounted. */
    static final Map<String, String> MOUNT_VARIABLES = Map.of(
            "/scripts", "SCRIPTS_DIR", "/backup", "BACKUP_DIR", "/restore", "RESTORE_DIR", "/tmp", "TMPDIR");

    /** A step's limit: generous, as every AWS CLI call starts a Python interpreter. */
    static final java.time.Duration STEP_TIMEOUT = java.time.Duration.ofMinutes(5);

    private final ProgramRun.Result render;
    private final String namespace;
    private final Map<String, Object> pod;
    private final Path dir;
    private final Map<String, UnaryOperator<PodEnv>> environments = new LinkedHashMap<>();

    public JobPod(ProgramRun.Result render, String namespace, String cronJob, Path dir) {
        this.render = render;
        this.namespace = namespace;
        this.pod = map(Stacks.object(render, "CronJob", namespace, cronJob).input("spec.jobTemplate.spec.template.spec").orElseThrow());
        this.dir = dir;
        for (var volume : list(pod.get("volumes"))) {
            var spec = map(volume);
            var local = volumeDir(spec.get("name").toString());
            if (spec.containsKey("configMap")) {
                Render.mount(Render.configMap(render, namespace, map(spec.get("configMap")).get("name").toString()), local);
            } else if (spec.containsKey("emptyDir")) {
                createDirectories(local);
            } else {
                throw new AssertionError("the test cannot provide volume " + spec);
            }
        }
    }

    /** What the test replaces and adds in a container's rendered environment. */
    public JobPod env(String container, UnaryOperator<PodEnv> environment) {
        environments.put(container, environment);
        return this;
    }

    public Path volumeDir(String volume) {
        return dir.resolve(volume);
    }

    /** A container's run. */
    public record Step(String container, Command.Outcome outcome) {
    }

    /** The pod's run: every container that ran, the last one the first to fail if any did. */
    public record Run(List<Step> steps) {
        public boolean succeeded() {
            return steps.stream().allMatch(step -> step.outcome().succeeded());
        }

        public String output() {
            var out = new StringBuilder();
            steps.forEach(step -> out.append("[").append(step.container()).append("] ").append(step.outcome()).append('\n'));
            return out.toString();
        }

        public Step last() {
            return steps.get(steps.size() - 1);
        }

        public List<String> ran() {
            return steps.stream().map(Step::container).toList();
        }
    }

    public Run run() {
        var steps = new ArrayList<Step>();
        for (var key : List.of("initContainers", "containers")) {
            for (var entry : list(pod.getOrDefault(key, List.of()))) {
                var container = map(entry);
                var name = container.get("name").toString();
                var outcome = run(name, container);
                System.out.println("[" + name + "] " + outcome);
                steps.add(new Step(name, outcome));
                if (!outcome.succeeded()) {
                    return new Run(steps);
                }
            }
        }
        return new Run(steps);
    }

    private Command.Outcome run(String name, Map<String, Object> container) {
        var env = environments.getOrDefault(name, UnaryOperator.identity()).apply(PodEnv.of(render, namespace, container));
        var mounts = new LinkedHashMap<String, Path>();
        for (var mount : list(container.get("volumeMounts"))) {
            var spec = map(mount);
            var path = spec.get("mountPath").toString();
            var variable = MOUNT_VARIABLES.get(path);
            if (variable == null) {
                throw new AssertionError("container " + name + " mounts " + path + ", which the test does not know how to give its scripts");
            }
            var local = volumeDir(spec.get("name").toString());
            mounts.put(path, local);
            env.add(variable, local.toString());
        }
        var command = list(container.get("command")).stream().map(Object::toString).map(arg -> {
            for (var mount : mounts.entrySet()) {
                if (arg.startsWith(mount.getKey() + "/")) {
                    return mount.getValue() + arg.substring(mount.getKey().length());
                }
            }
            return arg;
        }).toArray(String[]::new);
        return new Command(List.of(command), env.resolve(), dir, STEP_TIMEOUT).run();
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
