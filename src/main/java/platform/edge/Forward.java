package platform.edge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the edge changes one rule's traffic to its backend: the matched path prefix replaced (Gateway
 * API {@code URLRewrite}, {@code ReplacePrefixMatch}), request headers set ({@code RequestHeaderModifier})
 * and response headers added to the route's own. An app served under a prefix it does not know about
 * learns the prefix from a header such as {@code X-Forwarded-Prefix}, which Werkzeug's ProxyFix reads.
 *
 * @param replacePrefixWith what the matched prefix becomes, e.g. {@code /}; empty: the path as requested
 * @param requestHeaders    headers set on the request (replacing any the client sent), in order
 * @param responseHeaders   headers set on this rule's responses besides the route's, e.g. which backend answered
 */
public record Forward(Optional<String> replacePrefixWith, Map<String, String> requestHeaders, Map<String, String> responseHeaders) {
    /** The request as the client sent it. */
    public static final Forward AS_IS = new Forward(Optional.empty(), Map.of(), Map.of());
    /** The header a prefix-stripping proxy names the prefix in (nginx's {@code proxy_set_header X-Forwarded-Prefix}). */
    public static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";
    /** Gateway API's HTTPHeaderName. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]{1,256}");

    public Forward {
        Objects.requireNonNull(replacePrefixWith, "replacePrefixWith");
        replacePrefixWith.ifPresent(path -> {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a replacement path must start with '/', got " + path);
            }
        });
        requestHeaders = checked(requestHeaders);
        responseHeaders = checked(responseHeaders);
    }

    private static Map<String, String> checked(Map<String, String> headers) {
        for (var header : headers.entrySet()) {
            if (!HEADER_NAME.matcher(header.getKey()).matches()) {
                throw new IllegalArgumentException("not an HTTP header name: " + header.getKey());
            }
            if (header.getValue() == null || header.getValue().isEmpty() || header.getValue().contains("\n")) {
                throw new IllegalArgumentException("header " + header.getKey() + " needs a one-line value");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The app behind {@code prefix} sees paths from {@code /} and is told the prefix in {@value #FORWARDED_PREFIX}. */
    public static Forward mountedAt(String prefix) {
        return stripPrefix().requestHeader(FORWARDED_PREFIX, prefix.endsWith("/") && prefix.length() > 1
                ? prefix.substring(0, prefix.length() - 1) : prefix);
    }

    /** The matched prefix becomes {@code /}: {@code /prod/isolates} reaches the backend as {@code /isolates}. */
    public static Forward stripPrefix() {
        return new Forward(Optional.of("/"), Map.of(), Map.of());
    }

    /** This forwarding, also setting request header {@code name}. */
    public Forward requestHeader(String name, String value) {
        return new Forward(replacePrefixWith, with(requestHeaders, name, value), responseHeaders);
    }

    /** This forwarding, also setting response header {@code name} on the rule's answers. */
    public Forward responseHeader(String name, String value) {
        return new Forward(replacePrefixWith, requestHeaders, with(responseHeaders, name, value));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }
}
