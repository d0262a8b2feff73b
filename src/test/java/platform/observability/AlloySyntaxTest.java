package platform.observability;

import org.junit.jupiter.api.Test;
import platform.observability.AlloySyntax.Block;
import platform.observability.AlloySyntax.Document;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlloySyntaxTest {

    @Test
    void componentsRenderAsAlloysSyntaxWithEveryTextEscaped() {
        var config = new Document();
        var source = config.add("a source", Block.component("discovery.kubernetes", "pods").set("role", "pod"));
        config.add("a \"quoted\" path", Block.component("discovery.relabel", "logs")
                .set("targets", source.export("targets"))
                .add(Block.block("rule").set("regex", "a\\d+\"\n").set("replace", true).set("port", 4318))
                .set("labels", AlloySyntax.textObject(Map.of("app.kubernetes.io/name", "x", "env", "prod")))
                .set("names", AlloySyntax.texts(List.of("a", "b"))));

        assertThat(config.render()).isEqualTo("""
                // a source
                discovery.kubernetes "pods" {
                  role = "pod"
                }

                // a "quoted" path
                discovery.relabel "logs" {
                  targets = discovery.kubernetes.pods.targets
                  rule {
                    regex = "a\\\\d+\\"\\n"
                    replace = true
                    port = 4318
                  }
                  labels = {
                    "app.kubernetes.io/name" = "x",
                    env = "prod",
                  }
                  names = ["a", "b"]
                }
                """);
    }

    @Test
    void namesAndReferencesAreChecked() {
        assertThatThrownBy(() -> Block.component("loki.write", "has-dash")).hasMessageContaining("identifier");
        assertThatThrownBy(() -> new AlloySyntax.Reference("a.b\"; evil")).hasMessageContaining("not a reference");
        assertThatThrownBy(() -> Block.block("rule").export("x")).hasMessageContaining("exports nothing");
        assertThatThrownBy(() -> Block.block("rule").set("bad-name", "x")).hasMessageContaining("attribute");
        var config = new Document();
        config.add("one", Block.component("local.file", "a").set("filename", "/x"));
        assertThatThrownBy(() -> config.add("two", Block.component("local.file", "a"))).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> config.add("block", Block.block("endpoint"))).hasMessageContaining("holds components");
    }
}
