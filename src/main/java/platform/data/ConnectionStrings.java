package platform.data;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Connection strings with user and password percent-encoded, so any value is safe inside them. */
public final class ConnectionStrings {
    private ConnectionStrings() {
    }

    public static String url(String scheme, String user, String password, String host, int port, String path, String query) {
        return scheme + "://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/" + path
                + (query.isEmpty() ? "" : "?" + query);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
