package platform.config;

import com.pulumi.core.Output;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:observability}: where the collector ships logs, metrics and traces, which ruler
 * loads the alert rules, and the alerts' thresholds. Each destination is optional: one left out
 * ships nothing, and a stack with none collects nothing for anyone (the {@code observability}
 * output says so). A destination with a username takes its password or token from secret config.
 * Without the section the stack installs no collector at all.
 */
public record ObservabilitySettings(Optional<Destination> logs, Optional<Destination> metrics, Optional<Destination> traces,
                                    Optional<Destination> rules, Optional<String> rulerPathPrefix, Thresholds thresholds) {

    /** The four destinations, by the name of their field. */
    public static final List<String> SIGNALS = List.of("logs", "metrics", "traces", "rules");

    /** Each destination's password, in the order of {@link #SIGNALS}. */
    public static final List<SecretKeys.SecretKey> SECRETS = SIGNALS.stream()
            .map(signal -> SecretKeys.SecretKey.optional(passwordKey(signal),
                    "password or API token of platform:observability." + signal + " (required when it has a username)"))
            .toList();

    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?(/[A-Za-z0-9._~/%-]*)?");
    private static final String URL_TEXT = "an http(s) URL without query or credentials, such as https://logs-prod-006.grafana.net/loki/api/v1/push";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    /**
     * Where one signal goes. {@code password} is present exactly when {@code username} is: basic
     * auth, the scheme Grafana Cloud, Loki, Mimir and Tempo gateways take.
     */
    public record Destination(String url, Optional<String> username, Optional<Output<String>> password) {
    }

    /**
     * @param gateway5xxPercent  share of the gateway's HTTPS responses that may be 5xx over 5 minutes
     * @param volumeFullPercent  how full a persistent volume may get
     * @param backupGraceMinutes how long after its next scheduled run a backup may still be missing
     */
    public record Thresholds(int gateway5xxPercent, int volumeFullPercent, int backupGraceMinutes) {
        public static final Thresholds DEFAULTS = new Thresholds(5, 80, 120);
    }

    /** {@code observabilityLogsPassword}, ... */
    public static String passwordKey(String signal) {
        return "observability" + Character.toUpperCase(signal.charAt(0)) + signal.substring(1) + "Password";
    }

    /** Each signal and where it goes, or {@code nowhere}: the {@code observability} stack output. */
    public Map<String, String> whereSignalsGo() {
        return Map.of("logs", where(logs), "metrics", where(metrics), "traces", where(traces), "rules", where(rules));
    }

    public static final String NOWHERE = "nowhere";

    /** When the section is absent: no collector, so every signal goes nowhere. */
    public static Map<String, String> nothingCollected() {
        return Map.of("logs", NOWHERE, "metrics", NOWHERE, "traces", NOWHERE, "rules", NOWHERE);
    }

    private static String where(Optional<Destination> destination) {
        return destination.map(Destination::url).orElse(NOWHERE);
    }

    static Optional<ObservabilitySettings> read(ConfigNode observability, StackConfig config) {
        if (!observability.isPresent()) {
            return Optional.empty();
        }
        var node = observability.object();
        var logs = destination(node.field("logs"), config);
        var metrics = destination(node.field("metrics"), config);
        var traces = destination(node.field("traces"), config);
        var rules = destination(node.field("rules"), config);
        if (rules.isPresent() && metrics.isEmpty()) {
            node.field("rules").problem("needs platform:observability.metrics too: the rules evaluate the metrics this stack ships");
        }
        // Where the backend serves its Prometheus API (and ruler): Mimir's default is /prometheus.
        var prefix = node.field("rules").object().field("prometheusHttpPrefix")
                .matching(Patterns.ABSOLUTE_PATH, "a path such as /prometheus (Mimir) or /api/prom");
        var thresholds = node.field("thresholds").object();
        var defaults = Thresholds.DEFAULTS;
        return Optional.of(new ObservabilitySettings(logs, metrics, traces, rules, prefix, new Thresholds(
                thresholds.field("gateway5xxPercent").asInteger(defaults.gateway5xxPercent(), 1, 100),
                thresholds.field("volumeFullPercent").asInteger(defaults.volumeFullPercent(), 50, 99),
                thresholds.field("backupGraceMinutes").asInteger(defaults.backupGraceMinutes(), 10, 24 * 60))));
    }

    private static Optional<Destination> destination(ConfigNode field, StackConfig config) {
        var signal = field.key().substring(field.key().lastIndexOf('.') + 1);
        var secretKey = passwordKey(signal);
        var password = config.optionalSecret(secretKey);
        if (!field.isPresent()) {
            if (password.isPresent()) {
                field.problem("is not set, but " + StackConfig.fullKey(secretKey) + " is; expected the destination with it, or the secret removed");
            }
            return Optional.empty();
        }
        var node = field.object();
        var urlNode = node.field("url");
        var url = urlNode.requireMatching(URL, URL_TEXT);
        var username = node.field("username").matching(USERNAME, "a username such as the Grafana Cloud instance ID (letters, digits, . _ @ -)");
        if (username.isPresent() && password.isEmpty()) {
            field.problem("has a username but its password is not set; set it with `pulumi config set --secret "
                    + StackConfig.fullKey(secretKey) + " <password or API token>`");
        }
        if (username.isEmpty() && password.isPresent()) {
            field.problem("has no username, but " + StackConfig.fullKey(secretKey)
                    + " is set; expected a username with it (basic auth), or the secret removed");
        }
        if (username.isPresent() && url.startsWith("http://")) {
            urlNode.reject("an https URL: credentials are never sent in clear text");
        }
        if (URL.matcher(url).matches()) {
            try {
                new URI(url);
            } catch (URISyntaxException malformed) {
                urlNode.reject(URL_TEXT);
            }
        }
        return Optional.of(new Destination(url, username, username.isPresent() ? password : Optional.empty()));
    }
}
