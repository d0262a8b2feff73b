package platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory of dbmate migrations named in config, read with the rest of the config: every
 * {@code YYYYMMDDHHMMSS_description.sql} file, each with a {@code -- migrate:up} section.
 */
final class MigrationFiles {
    static final String MARKER = "-- migrate:up";

    private MigrationFiles() {
    }

    /** File name to content in version order; every bad file is reported on {@code node}. */
    static Map<String, String> read(ConfigNode node, String directory) {
        var path = Path.of(directory);
        if (!Files.isDirectory(path)) {
            node.reject("a directory of dbmate *.sql migrations (relative to the project)");
            return Map.of();
        }
        var files = new TreeMap<String, String>();
        try (var listing = Files.list(path)) {
            for (var file : listing.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                var name = file.getFileName().toString();
                var content = Files.readString(file);
                if (!name.matches("\\d{14}_[A-Za-z0-9_]+\\.sql")) {
                    node.problem(name + " is not named YYYYMMDDHHMMSS_description.sql");
                }
                if (!content.contains(MARKER)) {
                    node.problem(name + " has no '" + MARKER + "' section");
                }
                files.put(name, content);
            }
        } catch (IOException unreadable) {
            node.problem("cannot read " + directory + ": " + unreadable.getMessage());
        }
        if (files.isEmpty()) {
            node.reject("a directory that holds *.sql migrations");
        }
        return new LinkedHashMap<>(files);
    }
}
