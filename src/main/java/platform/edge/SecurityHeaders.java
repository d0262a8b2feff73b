package platform.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/** Response headers every route sets unless it says otherwise. */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static final Map<String, String> DEFAULT = defaults();

    /** The defaults plus one more header (e.g. the {@code Permissions-Policy} a system's own proxy set), after them. */
    public static Map<String, String> with(String name, String value) {
        if (name == null || !name.matches("[A-Za-z0-9-]+") || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a response header needs a token name and a value, got " + name + ": " + value);
        }
        var headers = new LinkedHashMap<>(DEFAULT);
        headers.put(name, value);
        return java.util.Collections.unmodifiableMap(headers);
    }

    private static Map<String, String> defaults() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "SAMEORIGIN");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return java.util.Collections.unmodifiableMap(headers);
    }
}
