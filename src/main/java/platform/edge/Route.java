package platform.edge;

import platform.config.Patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a system publishes on the shared gateway: its hosts and, per path, a backend, a fixed
 * response, or nothing from outside (internal-only paths answer 404 at the edge). Timeouts, the
 * request body limit and the security headers apply to the whole route.
 *
 * @param name          the HTTPRoute's name in the app namespace
 * @param hosts         each must be a host the gateway serves
 * @param rules         most specific first: exact paths, then longer prefixes before shorter ones
 * @param timeout       the request and backend timeouts (the seeds' 600 s proxy timeouts)
 * @param maxBody       the largest request body, e.g. {@code 100Mi}; larger requests get 413
 * @param headers       response headers set on every answer; {@link SecurityHeaders#DEFAULT} unless changed
 * @param sessionAffinity sticky sessions on every rule with a backend (the cookie's Path is the rule's
 *                      path, so a site with one backend at {@code /} gets one cookie); none by default
 * @param websockets    path prefixes whose WebSocket upgrades go to a backend streamed, never buffered: the body
 *                      limit's request buffering would hold an upgrade forever, so they get an HTTPRoute of their own
 *                      ({@code <name>-websocket}) that matches {@code Upgrade: websocket} and has no body limit
 */
public record Route(String name, List<String> hosts, List<Rule> rules, Duration timeout, Optional<String> maxBody,
                    Map<String, String> headers, Optional<SessionAffinity> sessionAffinity, List<Rule> websockets) {
    private static final Pattern SIZE = Pattern.compile("[1-9]\\d*(Ki|Mi|Gi)");

    public enum Match { EXACT, PREFIX }

    /**
     * One path of a route: to a backend (as requested, or as {@code forward} changes the request), a
     * fixed response, or blocked.
     */
    public record Rule(Match match, String path, Optional<Backend> backend, Optional<FixedResponse> response, Forward forward) {
        public Rule {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("route path must start with '/', got " + path);
            }
            if (backend.isPresent() == response.isPresent()) {
                throw new IllegalArgumentException("route path " + path + " needs exactly one of a backend or a fixed response");
            }
            Objects.requireNonNull(forward, "forward");
            if (!forward.equals(Forward.AS_IS) && backend.isEmpty()) {
                throw new IllegalArgumentException("route path " + path + " changes requests but answers them itself");
            }
            if (forward.replacePrefixWith().isPresent() && match != Match.PREFIX) {
                throw new IllegalArgumentException("route path " + path + " can only replace the prefix of a prefix match");
            }
        }

        public Rule(Match match, String path, Optional<Backend> backend, Optional<FixedResponse> response) {
            this(match, path, backend, response, Forward.AS_IS);
        }
    }

    /** An answer the edge gives itself, e.g. marc's landing page or a 404 for an internal path. */
    public record FixedResponse(int status, String contentType, String body) {
        public static FixedResponse notFound() {
            return new FixedResponse(404, "text/plain", "not found\n");
        }
    }

    public Route {
        if (!Patterns.DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("route name must be a DNS label, got " + name);
        }
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " needs at least one host");
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " needs at least one rule");
        }
        var seen = new java.util.HashSet<String>();
        for (var rule : rules) {
            if (!seen.add(rule.match() + rule.path())) {
                throw new IllegalArgumentException("route " + name + " matches " + rule.match() + " " + rule.path() + " twice");
            }
        }
        rules = rules.stream().sorted(Comparator
                .comparing((Rule rule) -> rule.match() == Match.PREFIX)
                .thenComparing(rule -> -rule.path().length())).toList();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("route " + name + " timeout must be between 1 s and 1 h, got " + timeout);
        }
        maxBody.ifPresent(size -> {
            if (!SIZE.matcher(size).matches()) {
                throw new IllegalArgumentException("route " + name + " maxBody must be a quantity such as 100Mi, got " + size);
            }
        });
        websockets = List.copyOf(websockets);
        if (!websockets.isEmpty() && name.length() > 63 - "-websocket".length()) {
            throw new IllegalArgumentException("route " + name + " is too long to name its WebSocket route " + name + "-websocket");
        }
        var upgradePaths = new java.util.HashSet<String>();
        for (var upgrade : websockets) {
            if (upgrade.match() != Match.PREFIX || upgrade.backend().isEmpty() || !upgradePaths.add(upgrade.path())) {
                throw new IllegalArgumentException("route " + name + " WebSocket path " + upgrade.path() + " must be a prefix with a backend, once");
            }
        }
        // Insertion order is kept: the headers become a list, and a reordered list would read as a change.
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(sessionAffinity, "sessionAffinity");
    }

    /** Without session affinity. */
    public Route(String name, List<String> hosts, List<Rule> rules, Duration timeout, Optional<String> maxBody,
                 Map<String, String> headers) {
        this(name, hosts, rules, timeout, maxBody, headers, Optional.empty(), List.of());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final List<String> hosts = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private Duration timeout = Duration.ofSeconds(60);
        private String maxBody;
        private Map<String, String> headers = SecurityHeaders.DEFAULT;
        private SessionAffinity sessionAffinity;
        private final List<Rule> websockets = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder hosts(List<String> values) { hosts.addAll(values); return this; }
        public Builder prefix(String path, Backend backend) { rules.add(new Rule(Match.PREFIX, path, Optional.of(backend), Optional.empty())); return this; }
        /** Requests under {@code path} go to {@code backend} changed as {@code forward} says (prefix replaced, headers set). */
        public Builder prefix(String path, Backend backend, Forward forward) { rules.add(new Rule(Match.PREFIX, path, Optional.of(backend), Optional.empty(), forward)); return this; }
        public Builder exact(String path, Backend backend) { rules.add(new Rule(Match.EXACT, path, Optional.of(backend), Optional.empty())); return this; }
        public Builder fixed(Match match, String path, FixedResponse response) { rules.add(new Rule(match, path, Optional.empty(), Optional.of(response))); return this; }
        /** A path not reachable from outside: answered 404 at the edge, still reachable inside the cluster. */
        public Builder blocked(String pathPrefix) { return fixed(Match.PREFIX, pathPrefix, FixedResponse.notFound()); }
        public Builder timeout(Duration value) { timeout = Objects.requireNonNull(value); return this; }
        public Builder maxBody(String value) { maxBody = value; return this; }
        public Builder headers(Map<String, String> value) { headers = new LinkedHashMap<>(value); return this; }
        /** Sticky sessions: a client keeps reaching the pod that answered it first, by a cookie the gateway sets. */
        public Builder sessionAffinity(String cookieName, Duration ttl) { sessionAffinity = new SessionAffinity(cookieName, ttl); return this; }

        /** WebSocket upgrades on this path prefix go to {@code backend}, streamed (plain requests there follow the other rules). */
        public Builder websocket(String pathPrefix, Backend backend) {
            websockets.add(new Rule(Match.PREFIX, pathPrefix, Optional.of(backend), Optional.empty()));
            return this;
        }

        public Route build() {
            return new Route(name, hosts, rules, timeout, Optional.ofNullable(maxBody), headers, Optional.ofNullable(sessionAffinity), websockets);
        }
    }
}
