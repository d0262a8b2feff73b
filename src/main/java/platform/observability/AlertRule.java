package platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Prometheus alerting rule, as a PrometheusRule lists it: the alert's name, its PromQL
 * expression, how long it must hold, how bad it is, what it says, and the README section that
 * tells the person it reaches what to do.
 *
 * @param alert       the alert's name (CamelCase), also the README runbook heading
 * @param expr        a PromQL expression; every series it returns is one firing alert
 * @param holdFor     how long the expression must hold before the alert fires ({@code 10m})
 * @param summary     one line; may use {@code {{ $labels.x }}} and {@code {{ $value }}}
 * @param extraLabels labels besides {@code severity}, e.g. the node pool a per-pool rule watches
 */
public record AlertRule(String alert, String expr, String holdFor, Severity severity, String summary, String description,
                        Map<String, String> extraLabels) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]+");
    private static final Pattern DURATION = Pattern.compile("\\d+[smh]");

    /** Where the rules' runbooks are: the README, one heading per alert name. */
    public static final String RUNBOOKS = "README.md";

    public enum Severity {
        /** Data or users are affected now: act today. */
        CRITICAL,
        /** Something degrades or will fail: act this week. */
        WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AlertRule {
        if (!NAME.matcher(alert).matches()) {
            throw new IllegalArgumentException("an alert name is CamelCase, got " + alert);
        }
        if (!DURATION.matcher(holdFor).matches()) {
            throw new IllegalArgumentException(alert + ": hold duration such as 10m, got " + holdFor);
        }
        if (expr.isBlank() || summary.isBlank() || description.isBlank()) {
            throw new IllegalArgumentException(alert + " needs an expression, a summary and a description");
        }
        Objects.requireNonNull(severity, "severity");
        extraLabels = Map.copyOf(extraLabels);
    }

    public static AlertRule of(String alert, String expr, String holdFor, Severity severity, String summary, String description) {
        return new AlertRule(alert, expr, holdFor, severity, summary, description, Map.of());
    }

    /** The README anchor of this alert's runbook heading ({@code #### BackupFailed} becomes {@code #backupfailed}). */
    public String runbookAnchor() {
        return alert.toLowerCase(java.util.Locale.ROOT);
    }

    public String runbookUrl() {
        return RUNBOOKS + "#" + runbookAnchor();
    }

    /** The rule as an entry of a PrometheusRule group's {@code rules}. */
    Map<String, Object> toSpec() {
        var labels = new LinkedHashMap<String, String>();
        labels.put("severity", severity.label());
        labels.putAll(new java.util.TreeMap<>(extraLabels));
        var rule = new LinkedHashMap<String, Object>();
        rule.put("alert", alert);
        rule.put("expr", expr);
        rule.put("for", holdFor);
        rule.put("labels", labels);
        rule.put("annotations", Map.of("summary", summary, "description", description, "runbook_url", runbookUrl()));
        return rule;
    }
}
