package platform.render;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a successful run's desired state to a directory, replacing it whole: everything is
 * written beside it first, so a failure leaves the previous render untouched, and only a
 * directory {@link OutputDir} allows is replaced.
 */
public final class Render {
    private Render() {
    }

    /** Writes {@code report} (of {@code result}) to {@code outDir}; refused like {@link OutputDir#refusal}. */
    public static void write(Path outDir, String stack, ProgramRun.Result result, RenderReport report) throws IOException {
        write(outDir, stack, result, report, System.getenv(SecretFingerprints.KEY_VARIABLE));
    }

    /** With {@code fingerprintKey} (may be null) for {@link SecretFingerprints}, as {@code diff} renders its work tree. */
    public static void write(Path outDir, String stack, ProgramRun.Result result, RenderReport report, String fingerprintKey) throws IOException {
        var target = outDir.toAbsolutePath().normalize();
        var refusal = OutputDir.refusal(target, outDir.toString());
        if (refusal.isPresent()) {
            throw new IOException(refusal.get());
        }
        var staging = OutputDir.staging(target);
        try {
            writeInto(staging, stack, result, report, fingerprintKey);
            OutputDir.replace(target, staging);
        } finally {
            OutputDir.deleteTree(staging);
        }
    }

    public static void write(Path outDir, String stack, ProgramRun.Result result) throws IOException {
        write(outDir, stack, result, RenderReport.of(stack, result));
    }

    private static void writeInto(Path dir, String stack, ProgramRun.Result result, RenderReport report, String fingerprintKey) throws IOException {
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
        Files.writeString(dir.resolve("summary.txt"), report.text());
        Files.writeString(dir.resolve("summary.json"), report.json() + "\n");
        Files.writeString(dir.resolve("architecture.md"), report.architecture());
        SecretFingerprints.write(dir, result.resources(), fingerprintKey);
        Files.writeString(dir.resolve(OutputDir.MARKER), OutputDir.marker(stack, OutputDir.entries(dir)));
    }
}
