package platform.render.diff;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import platform.render.SecretFingerprints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A render directory read back: its resources by identity ({@code type::name}, Pulumi's own) and,
 * when the render was asked for them, its secret fingerprints.
 */
record RenderedStack(Map<String, Map<String, Object>> resources, Map<String, Map<String, String>> fingerprints) {

    static RenderedStack read(Path dir) throws IOException {
        var gson = new Gson();
        List<Map<String, Object>> list = gson.fromJson(Files.readString(dir.resolve("resources.json")),
                new TypeToken<List<Map<String, Object>>>() { }.getType());
        var resources = new LinkedHashMap<String, Map<String, Object>>();
        for (var resource : list) {
            resources.put(resource.get("type") + "::" + resource.get("name"), resource);
        }
        var file = dir.resolve(SecretFingerprints.FILE);
        Map<String, Map<String, String>> fingerprints = Files.isRegularFile(file)
                ? gson.fromJson(Files.readString(file), new TypeToken<Map<String, Map<String, String>>>() { }.getType())
                : null;
        return new RenderedStack(resources, fingerprints);
    }
}
