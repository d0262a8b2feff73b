package platform.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import platform.Stacks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of ../shared/design/render.md, against the real stack files. */
class RenderCommandTest {
    private static final String CANARY = "canary-7f3a9c1e-must-never-be-written";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int render(String... args) throws IOException {
        var project = temp.resolve("project");
        if (!Files.exists(project)) {
            Files.createDirectories(project);
            for (var stack : new String[]{"dev", "prod"}) {
                Files.copy(Stacks.projectRoot().resolve("Pulumi." + stack + ".yaml"), project.resolve("Pulumi." + stack + ".yaml"));
            }
        }
        return RenderCommand.run(args, new Project(project, project), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path outDir(String stack) {
        return temp.resolve("project/build/render/" + stack);
    }

    @Test
    void devRendersResourcesOutputsSummaryAndOneFilePerObject() throws IOException {
        assertThat(render("dev")).isEqualTo(0);

        var dir = outDir("dev");
        assertThat(dir.resolve("resources.json")).isRegularFile();
        assertThat(dir.resolve("outputs.json")).isRegularFile();
        assertThat(Files.readString(dir.resolve("summary.txt"))).startsWith("stack dev: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("stack dev: ");
        var resources = Files.readString(dir.resolve("resources.json"));
        assertThat(resources).contains("\"type\": \"digitalocean:index/kubernetesCluster:KubernetesCluster\"")
                .contains("\"protect\": false").contains("\"version\": \"4.76.0\"").contains("\"dependsOn\"");
        try (Stream<Path> manifests = Files.list(dir.resolve("1-manifest"))) {
            var names = manifests.map(p -> p.getFileName().toString()).toList();
            assertThat(names).isNotEmpty().allMatch(name -> name.matches("([a-z0-9.-]+_)?v[0-9a-z]+-[A-Z][A-Za-z]+-[a-z0-9-]+-[a-z0-9.-]+\\.yaml"));
        }
    }

    @Test
    void manifestsAreNamedLikeTheProvidersRenderAndWriteWholeNumbersAsIntegers() throws IOException {
        assertThat(render("prod", "--out", "rendered")).isEqualTo(0);

        var dir = temp.resolve("project/rendered/1-manifest");
        assertThat(dir.resolve("v1-Namespace-cluster-bowmark.yaml")).isRegularFile();
        var statefulSet = Files.readString(dir.resolve("apps_v1-StatefulSet-bowmark-postgres.yaml"));
        assertThat(statefulSet).startsWith("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:")
                .contains("replicas: 1\n").doesNotContain("replicas: 1.0");
    }

    @Test
    void twoRendersOfTheSameConfigAreIdentical() throws IOException {
        assertThat(render("prod", "--out", "first")).isEqualTo(0);
        assertThat(render("prod", "--out", "second")).isEqualTo(0);

        var first = temp.resolve("project/first");
        var second = temp.resolve("project/second");
        try (Stream<Path> files = Files.walk(first)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(second.resolve(first.relativize(file)))).as(file.toString()).isEqualTo(Files.readString(file));
            }
        }
    }

    @Test
    void aCanarySecretIsNeverWrittenAnywhere() throws IOException {
        assertThat(render("prod", "--secret", "bowmarkSearchApiKey=" + CANARY, "--secret", "bowmarkEmailPassword=" + CANARY)).isEqualTo(0);

        try (Stream<Path> files = Files.walk(outDir("prod"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(CANARY);
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).doesNotContain(CANARY);
        assertThat(Files.readString(outDir("prod").resolve("1-manifest/v1-Secret-bowmark-search.yaml"))).contains("apiKey: '[secret]'");
    }

    @Test
    void badConfigFailsWithEveryProblemAndLeavesThePreviousRenderUntouched() throws IOException {
        assertThat(render("dev")).isEqualTo(0);
        var before = Files.readString(outDir("dev").resolve("resources.json"));

        var exit = render("dev", "--config", "cluster.nodePools[0].minNodes=9", "--config", "platform:cluster.region=atlantis");

        assertThat(exit).isEqualTo(2);
        var errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("platform:cluster.nodePools[0].minNodes: got 9, expected minNodes <= maxNodes (3)")
                .contains("platform:cluster.region: got \"atlantis\"")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readString(outDir("dev").resolve("resources.json"))).isEqualTo(before);
    }

    @Test
    void aConfigOverrideWorksLikePulumiConfigSetPath() throws IOException {
        assertThat(render("dev", "--config", "platform:cluster.mode=existing", "--config", "cluster.context=kind-platform")).isEqualTo(0);

        var resources = Files.readString(outDir("dev").resolve("resources.json"));
        assertThat(resources).doesNotContain("digitalocean:").contains("\"context\": \"kind-platform\"");
    }

    @Test
    void aMissingStackOrBadArgumentIsACleanError() throws IOException {
        assertThat(render("staging")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no stack file Pulumi.staging.yaml");
        assertThat(render("dev", "--config", "novalue")).isEqualTo(64);
    }
}
