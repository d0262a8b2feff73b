package platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DotEnvTest {

    @Test
    void itReadsAnEnvFileAsComposeDoes() {
        var env = DotEnv.parse("""
                # vaulted secrets
                SECRET_KEY=abc=def
                export SMTP_PASSWORD="p@ss # not a comment"
                QUOTED='single'   # a comment
                PLAIN=value # a comment
                EMPTY=

                WINDOWS=crlf\r
                """);

        assertThat(env.problems()).isEmpty();
        assertThat(env.entries()).containsExactly(Map.entry("SECRET_KEY", "abc=def"), Map.entry("SMTP_PASSWORD", "p@ss # not a comment"),
                Map.entry("QUOTED", "single"), Map.entry("PLAIN", "value"), Map.entry("EMPTY", ""), Map.entry("WINDOWS", "crlf"));
    }

    @Test
    void badLinesAreNamedByNumberWithoutTheirText() {
        var env = DotEnv.parse("A=1\nsk_live_123456\n9BAD=x\nB=\"open\nA=2\n");

        assertThat(env.entries()).containsOnlyKeys("A");
        assertThat(env.problems()).isEqualTo(List.of(
                "line 2: expected NAME=value (NAME of letters, digits and _)",
                "line 3: expected NAME=value (NAME of letters, digits and _)",
                "line 4: B has a quote that is not closed",
                "line 5: A is set twice"));
        assertThat(String.join("", env.problems())).doesNotContain("sk_live").doesNotContain("open");
    }
}
