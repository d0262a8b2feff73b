package platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The jobs' shell scripts, kept as files under {@code src/main/resources/platform/backup/} and shipped in a ConfigMap. */
public final class BackupScripts {
    private BackupScripts() {
    }

    public static String load(String name) {
        try (var stream = BackupScripts.class.getResourceAsStream("/platform/backup/" + name)) {
            if (stream == null) {
                throw new IllegalStateException("backup script " + name + " is missing from the jar");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> all(List<String> names) {
        var scripts = new LinkedHashMap<String, String>();
        names.forEach(name -> scripts.put(name, load(name)));
        return scripts;
    }
}
