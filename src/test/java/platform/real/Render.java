package platform.real;

import com.pulumi.Context;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.render.ProgramRun;
import platform.render.Secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static platform.Stacks.map;

/** What the program renders, read the way a cluster reads it: ConfigMaps as files, containers as run. */
public final class Render {
    private Render() {
    }

    /** A program run as an update against a cloud that answers, so generated passwords are known. */
    public static ProgramRun.Result answered(Consumer<Context> program) {
        var result = ProgramRun.run(program, "test", Map.of(), Set.of(), new AnsweringCloud(), false);
        if (!result.succeeded()) {
            throw new AssertionError("the test program failed: " + result);
        }
        return result;
    }

    public static Map<String, String> configMap(ProgramRun.Result result, String namespace, String name) {
        var files = new LinkedHashMap<String, String>();
        map(Stacks.object(result, "ConfigMap", namespace, name).inputs().get("data")).forEach((key, value) -> files.put(key, value.toString()));
        return files;
    }

    /** A rendered Secret's value as the kubelet would read it; fails when the render does not know it. */
    public static String secret(ProgramRun.Result result, String namespace, String name, String key) {
        return knownSecret(result, namespace, name, key)
                .orElseThrow(() -> new AssertionError("Secret " + namespace + "/" + name + " has no known " + key));
    }

    /** A rendered Secret's value as the kubelet would read it; empty when the render does not know it (a preview). */
    static Optional<String> knownSecret(ProgramRun.Result result, String namespace, String name, String key) {
        var value = map(Stacks.object(result, "Secret", namespace, name).inputs().getOrDefault("stringData", Map.of())).get(key);
        return Optional.ofNullable(value).map(known -> known instanceof Secret hidden ? hidden.value().toString() : known.toString());
    }

    /** The first container of a Deployment's or StatefulSet's pod. */
    public static Map<String, Object> container(ProgramRun.Result result, String kind, String namespace, String name) {
        return Stacks.container(Stacks.object(result, kind, namespace, name));
    }

    /** A CronJob's container or init container by name. */
    public static Map<String, Object> jobContainer(ProgramRun.Result result, String namespace, String cronJob, String container) {
        var job = Stacks.object(result, "CronJob", namespace, cronJob);
        for (var key : List.of("initContainers", "containers")) {
            for (var candidate : Stacks.containers(job, key)) {
                if (candidate.get("name").equals(container)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("CronJob " + namespace + "/" + cronJob + " has no container " + container);
    }

    /** The files of a ConfigMap volume, as the kubelet mounts them (executable, like the platform's script mounts). */
    public static Path mount(Map<String, String> files, Path dir) {
        try {
            Files.createDirectories(dir);
            for (var file : files.entrySet()) {
                var path = dir.resolve(file.getKey());
                Files.writeString(path, file.getValue());
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
