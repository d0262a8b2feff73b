package platform.render;

import com.google.gson.GsonBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lets {@code diff} tell a changed secret from an unchanged one without seeing either: when the
 * diff asks for it (a random key, made for one diff and never stored, in {@link #KEY_VARIABLE}),
 * the render also writes {@link #FILE}, an HMAC of each secret value under that key, per resource
 * and input path. Equal fingerprints mean equal values; the key is gone when the diff ends, so a
 * fingerprint cannot be tested against guesses. A value only the cloud knows is {@code unknown}.
 */
public final class SecretFingerprints {
    public static final String KEY_VARIABLE = "PLATFORM_SECRET_FINGERPRINT_KEY";
    public static final String FILE = "secret-fingerprints.json";
    public static final String UNKNOWN = "unknown";

    private SecretFingerprints() {
    }

    static void write(Path dir, List<RegisteredResource> resources, String key) throws IOException {
        if (key == null || key.isBlank()) {
            return;
        }
        var all = new TreeMap<String, Map<String, String>>();
        for (var resource : resources) {
            var found = new TreeMap<String, String>();
            walk(key, "", resource.inputs(), found);
            if (!found.isEmpty()) {
                all.put(resource.type() + "::" + resource.name(), found);
            }
        }
        Files.writeString(dir.resolve(FILE), new GsonBuilder().setPrettyPrinting().create().toJson(all) + "\n");
    }

    private static void walk(String key, String path, Object value, Map<String, String> found) {
        if (value instanceof Secret secret) {
            found.put(path, containsUnknown(secret.value()) ? UNKNOWN : hmac(key, canonical(secret.value())));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((name, item) -> walk(key, path.isEmpty() ? String.valueOf(name) : path + "." + name, item, found));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(key, path + "[" + i + "]", list.get(i), found);
            }
        }
    }

    private static boolean containsUnknown(Object value) {
        if (value instanceof Unknown) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(SecretFingerprints::containsUnknown);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(SecretFingerprints::containsUnknown);
        }
        return value instanceof Secret secret && containsUnknown(secret.value());
    }

    private static String canonical(Object value) {
        if (value instanceof Secret secret) {
            return canonical(secret.value());
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new LinkedHashMap<String, String>();
            new TreeMap<>(map).forEach((name, item) -> sorted.put(String.valueOf(name), canonical(item)));
            return sorted.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SecretFingerprints::canonical).toList().toString();
        }
        return String.valueOf(value);
    }

    static String hmac(String key, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }
}
