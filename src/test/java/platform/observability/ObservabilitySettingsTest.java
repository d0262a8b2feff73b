package platform.observability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.Stacks;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad {@code platform:observability} config fails before any resource, naming the key. */
class ObservabilitySettingsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "platform:observability.logs.url | ftp://logs.example.org | platform:observability.logs.url: got \"ftp://logs.example.org\", expected an http(s) URL",
            "platform:observability.metrics.url | https://user:pw@example.org/push | platform:observability.metrics.url: got \"https://user:pw@example.org/push\", expected an http(s) URL",
            "platform:observability.traces.url | https://otlp.example.org/?tenant=1 | platform:observability.traces.url: got \"https://otlp.example.org/?tenant=1\", expected an http(s) URL",
            "platform:observability.thresholds.gateway5xxPercent | 0 | platform:observability.thresholds.gateway5xxPercent: got 0, expected a whole number from 1 to 100",
            "platform:observability.thresholds.volumeFullPercent | 100 | platform:observability.thresholds.volumeFullPercent: got 100, expected a whole number from 50 to 99",
            "platform:observability.thresholds.backupGraceMinutes | 5 | platform:observability.thresholds.backupGraceMinutes: got 5, expected a whole number from 10 to 1440",
            "platform:observability.rules.prometheusHttpPrefix | api/prom | platform:observability.rules.prometheusHttpPrefix: got \"api/prom\", expected a path such as /prometheus",
            "platform:observability.logs.usernam | 1234 | platform:observability.logs.usernam",
    })
    void aBadValueFailsNamingItsKey(String key, String value, String expectedProblem) {
        var result = Stacks.run("dev", key + "=" + value);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).startsWith(expectedProblem));
        assertThat(result.resources()).isEmpty();
    }

    @Test
    void aUsernameNeedsItsPasswordFromSecretConfig() {
        var result = Stacks.run("prod", "platform:observability.logs.url=https://logs.example.org/loki/api/v1/push",
                "platform:observability.logs.username=1234");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                "platform:observability.logs: has a username but its password is not set; set it with "
                        + "`pulumi config set --secret platform:observabilityLogsPassword"));
        assertThat(result.resources()).isEmpty();
    }

    @Test
    void credentialsAreNeverSentInClearText() {
        var result = Stacks.run("prod", "platform:observability.metrics.url=http://mimir.example.org/api/v1/push",
                "platform:observability.metrics.username=1234", "!platform:observabilityMetricsPassword=canary-token");

        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                "platform:observability.metrics.url: got \"http://mimir.example.org/api/v1/push\", expected an https URL"));
        assertThat(String.join("\n", result.problems())).doesNotContain("canary-token");
    }

    @Test
    void aPasswordWithoutItsDestinationOrUsernameIsAMistake() {
        var orphan = Stacks.run("prod", "!platform:observabilityTracesPassword=canary-token");
        assertThat(orphan.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                "platform:observability.traces: is not set, but platform:observabilityTracesPassword is"));

        var noUser = Stacks.run("prod", "platform:observability.traces.url=https://otlp.example.org/otlp",
                "!platform:observabilityTracesPassword=canary-token");
        assertThat(noUser.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                "platform:observability.traces: has no username, but platform:observabilityTracesPassword is set"));
        assertThat(String.join("\n", noUser.problems())).doesNotContain("canary-token");
    }

    @Test
    void rulesNeedTheMetricsTheyEvaluate() {
        var result = Stacks.run("prod", "platform:observability.rules.url=https://mimir.example.org");

        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                "platform:observability.rules: needs platform:observability.metrics too"));
    }

    @Test
    void aDestinationWithoutCredentialsIsShippedToWithoutAuth() {
        var result = Stacks.run("dev", "platform:observability.logs.url=http://loki.monitoring.svc:3100/loki/api/v1/push");

        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        var text = Stacks.object(result, "ConfigMap", Observability.NAMESPACE, "alloy-config").input("data").map(Stacks::map)
                .orElseThrow().get("config.alloy").toString();
        assertThat(text).contains("url = \"http://loki.monitoring.svc:3100/loki/api/v1/push\"").doesNotContain("basic_auth", "local.file");
    }
}
