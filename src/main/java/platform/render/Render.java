package platform.render;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a successful run's desired state to a directory, replacing it whole: everything is
 * written beside it first, so a failure leaves the previous render untouched.
 */
public final class Render {
    private Render() {
    }

    public static void write(Path outDir, String stack, ProgramRun.Result result) throws IOException {
        var target = outDir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        var staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            writeInto(staging, stack, result);
            deleteTree(target);
            Files.move(staging, target);
        } finally {
            deleteTree(staging);
        }
    }

    private static void writeInto(Path dir, String stack, ProgramRun.Result result) throws IOException {
        var manifests = new ManifestWriter();
        for (var resource : result.resources()) {
            if (resource.isKubernetesObject()) {
                manifests.write(dir, resource);
            }
        }
        var gson = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
        var entries = new ArrayList<Map<String, Object>>();
        for (var resource : result.resources()) {
            var options = resource.options();
            var optionMap = new LinkedHashMap<String, Object>();
            optionMap.put("protect", options.protect());
            optionMap.put("retainOnDelete", options.retainOnDelete());
            optionMap.put("dependsOn", options.dependsOn());
            optionMap.put("provider", options.provider());
            optionMap.put("ignoreChanges", options.ignoreChanges());
            optionMap.put("deleteBeforeReplace", options.deleteBeforeReplace());
            optionMap.put("version", options.version());
            var entry = new LinkedHashMap<String, Object>();
            entry.put("type", resource.type());
            entry.put("name", resource.name());
            entry.put("parent", resource.parent());
            entry.put("inputs", Redaction.printable(resource.inputs()));
            entry.put("options", optionMap);
            entries.add(entry);
        }
        Files.writeString(dir.resolve("resources.json"), gson.toJson(entries) + "\n");
        Files.writeString(dir.resolve("outputs.json"), gson.toJson(Redaction.printable(result.outputs())) + "\n");
        Files.writeString(dir.resolve("summary.txt"), Summary.of(stack, result.resources()));
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (var file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
