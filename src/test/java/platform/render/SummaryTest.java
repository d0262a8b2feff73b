package platform.render;

import org.junit.jupiter.api.Test;
import platform.Stacks;

import static org.assertj.core.api.Assertions.assertThat;

/** The render summary says where the collector ships each signal, from the stack's own output. */
class SummaryTest {

    @Test
    void aStackWithoutDestinationsSaysItShipsNothing() {
        var report = RenderReport.of("prod", Stacks.run("prod"));

        assertThat(report.summary().observability()).containsOnlyKeys("logs", "metrics", "traces", "rules")
                .allSatisfy((signal, where) -> assertThat(where).isEqualTo("nowhere"));
        assertThat(report.text()).contains("""
                observability (where the collector ships; platform:observability):
                  logs     nowhere
                  metrics  nowhere
                  rules    nowhere
                  traces   nowhere
                  nothing is shipped: no destination is set
                """);
        assertThat(report.json()).contains("\"observability\": {");
    }

    @Test
    void aDestinationIsNamedAndTheRestStayNowhere() {
        var report = RenderReport.of("prod", Stacks.run("prod", "observability.logs.url=https://logs.example.com/loki/api/v1/push"));

        assertThat(report.text()).contains("  logs     https://logs.example.com/loki/api/v1/push\n  metrics  nowhere\n")
                .doesNotContain("nothing is shipped");
    }
}
