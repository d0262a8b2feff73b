package platform.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/** Response headers every route sets unless it says otherwise. */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static final Map<String, String> DEFAULT = defaults();

    private static Map<String, String> defaults() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "SAMEORIGIN");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return java.util.Collections.unmodifiableMap(headers);
    }
}
