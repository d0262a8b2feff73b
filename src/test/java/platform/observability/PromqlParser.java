package platform.observability;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import org.junit.jupiter.api.Assumptions;
import platform.Stacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PromQL parsed by Prometheus' own grammar ({@code @prometheus-io/lezer-promql} from npm, the one
 * Prometheus' UI uses), run with node. The package is installed once under
 * {@code target/ci-tools}, as {@code .ci/run} installs its tools. Without node and npm the tests
 * that need it are skipped with the reason, except in CI ({@code CI=true}), where they fail.
 */
final class PromqlParser {
    static final String PACKAGE = "@prometheus-io/lezer-promql";
    static final String VERSION = "0.315.0";
    private static final Path TOOLS = Stacks.projectRoot().resolve("target/ci-tools/lezer-promql-" + VERSION);
    private static final Gson GSON = new Gson();

    /** One expression's result: the offsets of syntax errors (none: it parses) and the metric names it selects. */
    record Parsed(List<Integer> errors, List<String> metrics) {
    }

    private PromqlParser() {
    }

    /** Parses every expression in one node run. */
    static List<Parsed> parse(List<String> expressions) {
        var script = installed();
        var output = run(List.of("node", script.toString()), GSON.toJson(expressions), script.getParent());
        var results = new ArrayList<Parsed>();
        for (var item : GSON.fromJson(output, JsonArray.class)) {
            var object = item.getAsJsonObject();
            var errors = new ArrayList<Integer>();
            object.getAsJsonArray("errors").forEach(offset -> errors.add(offset.getAsInt()));
            var metrics = new ArrayList<String>();
            object.getAsJsonArray("metrics").forEach(name -> metrics.add(name.getAsString()));
            results.add(new Parsed(errors, metrics));
        }
        if (results.size() != expressions.size()) {
            throw new AssertionError("the parser answered " + results.size() + " results for " + expressions.size() + " expressions");
        }
        return results;
    }

    /** The check script beside an installed parser, installing it first if needed. */
    private static synchronized Path installed() {
        for (var tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                var reason = tool + " is not installed: the PromQL of the alert rules cannot be parsed";
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError(reason + " (CI needs node and npm, see .ci/run)");
                }
                Assumptions.abort(reason + "; install Node.js to run these tests");
            }
        }
        var module = TOOLS.resolve("node_modules/" + PACKAGE + "/package.json");
        if (!Files.exists(module)) {
            run(List.of("npm", "install", "--prefix", TOOLS.toString(), "--no-audit", "--no-fund", "--silent",
                    PACKAGE + "@" + VERSION, "@lezer/lr@1", "@lezer/highlight@1"), "", Stacks.projectRoot());
        }
        var script = TOOLS.resolve("promql-check.mjs");
        try (InputStream source = PromqlParser.class.getResourceAsStream("promql-check.mjs")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    private static boolean onPath(String tool) {
        var path = System.getenv().getOrDefault("PATH", "");
        for (var dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command, String input, Path directory) {
        try {
            var process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            var stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
