package platform.render.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import platform.Stacks;
import platform.render.Project;
import platform.render.Render;
import platform.render.RenderReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff of two renders, on real stacks changed through config as a pull request would change them. */
class StackDiffTest {
    private static final String KEY = "test-fingerprint-key";

    @TempDir
    static Path temp;

    private StackDiff diff(String stack, String[] before, String[] after) throws IOException {
        return StackDiff.of(stack, write(stack, "before", before), write(stack, "after", after));
    }

    private RenderedStack write(String stack, String name, String[] overrides) throws IOException {
        var result = Stacks.run(stack, overrides);
        var dir = temp.resolve(name + "-" + Math.abs(List.of(overrides).hashCode()) + "-" + stack);
        if (!Files.exists(dir)) {
            Render.write(dir, stack, result, RenderReport.of(stack, result), KEY);
        }
        return RenderedStack.read(dir);
    }

    private static String[] none() {
        return new String[0];
    }

    @Test
    void theSameConfigHasNoChanges() throws IOException {
        var diff = diff("prod", none(), none());
        assertThat(diff.hasChanges()).isFalse();
        assertThat(diff.warnings()).isEmpty();
        assertThat(diff.unchanged()).isGreaterThan(100);
    }

    @Test
    void aRotationChangesThePasswordsSecretWithoutShowingIt() throws IOException {
        var diff = diff("prod", none(), new String[]{"bowmark.postgres.rotation=1"});

        var key = "random:index/randomPassword:RandomPassword::postgres-password";
        assertThat(diff.changed().get(key).replacedBy()).contains("a new value is generated");
        var secret = diff.changed().get("kubernetes:core/v1:Secret::bowmark-postgres");
        assertThat(secret).as("the postgres Secret follows its regenerated password").isNotNull();
        assertThat(secret.fields()).extracting(FieldChange::line).anyMatch(line -> line.startsWith("stringData.password: [unknown] -> [unknown] (may change: "
                + key));
        assertThat(diff.changed()).doesNotContainKey("kubernetes:core/v1:Secret::bowmark-rabbitmq");
    }

    @Test
    void aChangedSecretFromConfigIsSaidToChangeAndAnUnchangedOneIsNotMentioned() throws IOException {
        var diff = diff("prod", none(), new String[]{"!platform:bowmarkSearchApiKey=rotated-key-value"});

        var search = diff.changed().get("kubernetes:core/v1:Secret::bowmark-search");
        assertThat(search.fields()).extracting(FieldChange::line).containsExactly("stringData.apiKey: [secret] -> [secret] (changed)");
        assertThat(diff.changed()).doesNotContainKey("kubernetes:core/v1:Secret::bowmark-email");
        var text = DiffReport.text("a", "b", List.of(diff));
        assertThat(text).doesNotContain("rotated-key-value").doesNotContain("test-value-of");
    }

    @Test
    void warningsComeFirstForClaimTemplatesAndSchedules() throws IOException {
        var diff = diff("prod", none(), new String[]{"bowmark.postgres.storageSize=20Gi", "bowmark.backup.schedule=0 9 * * *"});

        assertThat(diff.warnings()).anyMatch(w -> w.startsWith("touches a claim template of StatefulSet bowmark/postgres")
                        && w.contains("ignoreChanges"))
                .anyMatch(w -> w.equals("schedule of CronJob bowmark/pg-backup: schedule \"0 8 * * *\" -> \"0 9 * * *\""));
        var text = DiffReport.text("main", "work tree", List.of(diff));
        assertThat(text.indexOf("WARNINGS")).isLessThan(text.indexOf("changed\n"));
        assertThat(text).contains("~ StatefulSet bowmark/postgres").contains("spec.volumeClaimTemplates[0].spec.resources.requests.storage: \"10Gi\" -> \"20Gi\"");
    }

    @Test
    void protectedRemovalsReplacementsMajorImagesAndLostRoutesAreWarnings() {
        var statefulSet = Map.<String, Object>of("type", "kubernetes:apps/v1:StatefulSet", "name", "db", "parent", "",
                "options", Map.of("protect", true, "ignoreChanges", List.of()),
                "inputs", Map.of("kind", "StatefulSet", "metadata", Map.of("name", "db", "namespace", "app"), "spec", Map.of(
                        "serviceName", "db-headless", "template", Map.of("spec", Map.of("containers",
                                List.of(Map.of("name", "postgres", "image", "postgres:16.10")))))));
        var upgraded = Map.<String, Object>of("type", "kubernetes:apps/v1:StatefulSet", "name", "db", "parent", "",
                "options", Map.of("protect", true, "ignoreChanges", List.of()),
                "inputs", Map.of("kind", "StatefulSet", "metadata", Map.of("name", "db", "namespace", "app"), "spec", Map.of(
                        "serviceName", "db", "template", Map.of("spec", Map.of("containers",
                                List.of(Map.of("name", "postgres", "image", "postgres:17.6")))))));
        var route = Map.<String, Object>of("type", "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "name", "web", "parent", "",
                "options", Map.of("protect", false), "inputs", Map.of("kind", "HTTPRoute", "metadata", Map.of("name", "web", "namespace", "app"),
                        "spec", Map.of("hostnames", List.of("a.example.com"))));
        var bucket = Map.<String, Object>of("type", "digitalocean:index/spacesBucket:SpacesBucket", "name", "backups", "parent", "",
                "options", Map.of("protect", true), "inputs", Map.of("name", "b", "region", "tor1"));
        var before = new RenderedStack(Map.of("a::db", statefulSet, "r::web", route,
                "digitalocean:index/spacesBucket:SpacesBucket::backups", bucket), null);
        var after = new RenderedStack(Map.of("a::db", upgraded), null);

        var diff = StackDiff.of("prod", before, after);

        assertThat(diff.warnings()).anyMatch(w -> w.startsWith("REPLACES protected StatefulSet app/db (changes spec.serviceName"))
                .anyMatch(w -> w.startsWith("datastore image major version in StatefulSet app/db") && w.contains("postgres:16.10 -> postgres:17.6"))
                .anyMatch(w -> w.equals("removes route HTTPRoute app/web (hosts a.example.com)"))
                .anyMatch(w -> w.startsWith("REMOVES protected digitalocean:index/spacesBucket:SpacesBucket backups"));
        assertThat(diff.removed()).containsExactlyInAnyOrder("r::web", "digitalocean:index/spacesBucket:SpacesBucket::backups");
    }

    @Test
    void aRevisionThatIsNoCommitFailsCleanly() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var exit = DiffCommand.run(new String[]{"no-such-revision-anywhere"}, new Project(Stacks.projectRoot(), Stacks.projectRoot()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-revision-anywhere is not a commit");
        assertThat(DiffCommand.run(new String[0], new Project(Stacks.projectRoot(), Stacks.projectRoot()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(64);
    }
}
