package platform.edge;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sticky sessions at the edge: the gateway sets a cookie naming the pod that answered a client's
 * first request and sends the client's later requests to that pod while it is ready. For apps that
 * keep per-user state in process memory (Mortimer's running experiments).
 *
 * <p>Rendered as the HTTPRoute rule's Gateway API {@code sessionPersistence} (cookie, permanent with
 * the TTL as its lifetime), which Envoy Gateway implements with Envoy's stateful-session filter: the
 * cookie holds the pod's address, so adding a pod never moves an existing session (a hash over the
 * pods would move some), and a session whose pod is gone falls back to normal load balancing.
 *
 * @param cookieName the cookie the gateway sets and reads
 * @param ttl        the cookie's lifetime (Max-Age); whole seconds, 1 s to 99999 h
 */
public record SessionAffinity(String cookieName, Duration ttl) {
    /** A cookie name is an RFC 6265 token; Gateway API allows 128 characters. */
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");
    private static final long MAX_FIELD = 99_999;

    public SessionAffinity {
        if (cookieName == null || !COOKIE_NAME.matcher(cookieName).matches()) {
            throw new IllegalArgumentException("session affinity cookie name must be a cookie token of 1-128 characters, got " + cookieName);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.toNanos() % 1_000_000_000L != 0 || ttl.toHours() > MAX_FIELD) {
            throw new IllegalArgumentException("session affinity ttl must be whole seconds from 1 s to " + MAX_FIELD + " h, got " + ttl);
        }
    }

    /** The TTL as a Gateway API duration ({@code 48h}, {@code 90m}, {@code 45s}): the largest unit that divides it, at most 5 digits. */
    String gatewayDuration() {
        var seconds = ttl.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0 && seconds / 60 <= MAX_FIELD) {
            return seconds / 60 + "m";
        }
        if (seconds <= MAX_FIELD) {
            return seconds + "s";
        }
        return (seconds / 3600) + "h" + (seconds % 3600 / 60) + "m" + (seconds % 60) + "s";
    }
}
