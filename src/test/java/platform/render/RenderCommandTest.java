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
import static org.assertj.core.api.Assertions.within;

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
        assertThat(resources).doesNotContain("digitalocean:").doesNotContain("do-block-storage").contains("\"context\": \"kind-platform\"");
    }

    @Test
    void aMissingStackOrBadArgumentIsACleanError() throws IOException {
        assertThat(render("staging")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no stack file Pulumi.staging.yaml");
        assertThat(render("dev", "--config", "novalue")).isEqualTo(64);
    }

    @Test
    void anOutputDirectoryThatNoRenderWroteIsRefusedAndLeftUntouched() throws IOException {
        var project = temp.resolve("project");
        render("dev");
        Files.createDirectories(project.resolve("src/main"));
        Files.writeString(project.resolve("src/main/Keep.java"), "class Keep {}");

        assertThat(render("dev", "--out", "src")).isEqualTo(2);
        assertThat(render("dev", "--out", ".")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("will not replace src is not empty and was not written by a render")
                .contains("will not replace . is not empty");
        assertThat(project.resolve("src/main/Keep.java")).hasContent("class Keep {}");
        assertThat(project.resolve("Pulumi.dev.yaml")).isRegularFile();
        assertThat(project.resolve("build/render/dev/resources.json")).isRegularFile();
    }

    @Test
    void aPreviousRenderIsReplacedButNotOnceSomethingElseIsAddedToIt() throws IOException {
        assertThat(render("dev", "--out", "out")).isEqualTo(0);
        var dir = temp.resolve("project/out");
        assertThat(dir.resolve(OutputDir.MARKER)).content().contains("entries:").contains("resources.json").contains("summary.json");
        assertThat(render("prod", "--out", "out")).isEqualTo(0);
        assertThat(Files.readString(dir.resolve("summary.txt"))).startsWith("stack prod: ");

        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(render("dev", "--out", "out")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds files a render did not write (notes.txt)");
        assertThat(Files.readString(dir.resolve("summary.txt"))).startsWith("stack prod: ");
    }

    @Test
    void anEmptyDirectoryIsFilledInPlaceAndRelativePathsStartWhereTheUserStands() throws IOException {
        var project = temp.resolve("project");
        render("--help");
        var elsewhere = Files.createDirectories(temp.resolve("elsewhere/empty"));
        var exit = RenderCommand.run(new String[]{"dev", "--out", "empty"}, new Project(project, elsewhere.getParent()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(0);
        assertThat(elsewhere.resolve("resources.json")).isRegularFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("written to empty\n");
        assertThat(project.resolve("empty")).doesNotExist();
    }

    @Test
    void aSecretForPlainConfigIsRefusedWithoutShowingItsValue() throws IOException {
        assertThat(render("dev", "--secret", "cluster.region=CANARY")).isEqualTo(2);
        assertThat(render("dev", "--secret", "platform:cluster.nodePools[0].size=CANARY")).isEqualTo(2);
        assertThat(render("dev", "--secret", "CANARY")).isEqualTo(64);

        var printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("CANARY").contains("platform:cluster.region: given with --secret, but platform:cluster is plain config");
        assertThat(temp.resolve("project/build/render/dev")).doesNotExist();
    }

    @Test
    void plainConfigForASecretKeyIsRefusedWithoutShowingItsValue() throws IOException {
        assertThat(render("dev", "--config", "bowmarkSearchApiKey=" + CANARY, "--config", "digitalocean:token=" + CANARY)).isEqualTo(2);

        var errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("platform:bowmarkSearchApiKey: given with --config, but it is a secret; set it with --secret")
                .contains("digitalocean:token: given with --config, but it is a secret").doesNotContain(CANARY);
    }

    @Test
    void aSecretValueIsScrubbedFromEveryProblemThePrintsEvenWhenTheProgramQuotesIt() {
        var scrubber = new SecretScrubber(java.util.List.of(CANARY, "587", StackFile.PLACEHOLDER));
        assertThat(scrubber.scrub("platform:bowmarkEmailPort: got \"" + CANARY + "\", expected a port; 587 stays"))
                .isEqualTo("platform:bowmarkEmailPort: got \"[secret]\", expected a port; 587 stays");
        assertThat(scrubber.scrub("got offline-placeholder")).isEqualTo("got [secret]");
    }

    @Test
    void summaryJsonHasTheCostAndEveryPoolsCapacity() throws IOException {
        assertThat(render("prod")).isEqualTo(0);

        var summary = com.google.gson.JsonParser.parseString(Files.readString(outDir("prod").resolve("summary.json"))).getAsJsonObject();
        var cost = summary.getAsJsonObject("cost");
        // 4-6 x s-1vcpu-2gb ($12) + 4-6 x c-2 ($42) + 2-4 x s-4vcpu-8gb ($48) + HA ($40) + basic registry ($5) + one LB node ($12)
        // + 71 GiB of volumes ($7.10: Bow-Mark 10 + 5, Mortimer 5 + 10, Project 88 20 + 10, srq-hpn 10, Meilisearch none) + Spaces ($5)
        assertThat(cost.get("monthlyAtMinNodes").getAsDouble()).isCloseTo(4 * 12 + 4 * 42 + 2 * 48 + 40 + 5 + 12 + 7.1 + 5, within(0.001));
        assertThat(cost.get("monthlyAtMaxNodes").getAsDouble()).isCloseTo(6 * 12 + 6 * 42 + 4 * 48 + 40 + 5 + 12 + 7.1 + 5, within(0.001));
        assertThat(cost.getAsJsonObject("sources").keySet()).contains("droplets", "allocatable", "volumes");
        var pools = summary.getAsJsonObject("capacity").getAsJsonArray("pools");
        assertThat(pools).hasSize(3);
        var cpuPool = java.util.stream.StreamSupport.stream(pools.spliterator(), false).map(pool -> pool.getAsJsonObject())
                .filter(pool -> pool.get("pool").getAsString().equals("dedicated-cpu-optimized")).findFirst().orElseThrow();
        // The four Bow-Mark server replicas, 1000m each (the live requests), are the only pods pinned to the CPU pool.
        assertThat(cpuPool.getAsJsonObject("requests").get("cpuMillicores").getAsLong()).isEqualTo(4 * 1000);
        assertThat(cpuPool.getAsJsonObject("atMax").get("fits").getAsBoolean()).isTrue();
        assertThat(Files.readString(outDir("prod").resolve("summary.txt"))).contains("estimated cost").contains("capacity");
    }

    @Test
    void podsThatCannotFitTheirPoolAtMaxFailTheRenderNamingThePool() throws IOException {
        var exit = render("prod", "--config", "cluster.nodePools[0].minNodes=1", "--config", "cluster.nodePools[0].maxNodes=1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed (capacity)").contains("node pool default-pool (s-1vcpu-2gb, 1-1 nodes)")
                .contains("pods would stay Pending");
        assertThat(outDir("prod")).doesNotExist();
    }

    @Test
    void existingClusterModeSaysItHasNoPoolsToCheck() throws IOException {
        assertThat(render("dev", "--config", "cluster.mode=existing", "--config", "cluster.context=kind-platform")).isEqualTo(0);

        assertThat(Files.readString(outDir("dev").resolve("summary.txt"))).contains("existing cluster: no node pools in this stack");
        var capacity = com.google.gson.JsonParser.parseString(Files.readString(outDir("dev").resolve("summary.json"))).getAsJsonObject().getAsJsonObject("capacity");
        assertThat(capacity.get("checked").getAsBoolean()).isFalse();
    }

    @Test
    void theCommandLinePrintsUsageWithoutAStackTrace() {
        var stdout = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(platform.Main.run(new String[0])).isEqualTo(0);
            assertThat(platform.Main.run(new String[]{"--help"})).isEqualTo(0);
            assertThat(platform.Main.run(new String[]{"benchmark", "--help"})).isEqualTo(0);
            assertThat(platform.Main.run(new String[]{"diff", "--help"})).isEqualTo(0);
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("usage: ./platform COMMAND").contains("usage: ./platform benchmark")
                .contains("usage: ./platform diff").doesNotContain("Exception");
    }
}
