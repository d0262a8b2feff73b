package platform.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.Stacks;
import platform.render.StackFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The image bump changes exactly the announced value of a stack file, and refuses anything else. */
class ImageBumpTest {
    private static final String COMMIT = "3f0c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b";
    private static final String DIGEST = "sha256:" + "ab12".repeat(16);
    private static final String OTHER_DIGEST = "sha256:" + "cd34".repeat(16);

    /** A stack file in the shape the systems' images take: references under platform:<system>. */
    private static final String SAMPLE = """
            # Production.
            config:
              platform:environment: production
              platform:marc:
                # marc's two images, built by its own CI.
                images:
                  web: ghcr.io/acme/marc-web:1.4.0 # the landing page
                  api: "ghcr.io/acme/marc-api:1.4.0@%s"
                replicas: 2
              platform:bowmark:
                imageTag: "%s"
                serverPaths: [/api]
            """.formatted(OTHER_DIGEST, COMMIT);

    private static ImageBump.Request request(String system, String image, String tag, String digest) {
        return new ImageBump.Request(system, image, tag, Optional.ofNullable(digest));
    }

    private static List<Integer> changedLines(String before, String after) {
        var a = before.lines().toList();
        var b = after.lines().toList();
        assertThat(b).hasSameSizeAs(a);
        return IntStream.range(0, a.size()).filter(i -> !a.get(i).equals(b.get(i))).boxed().toList();
    }

    @Test
    void aReferenceKeepsItsRepositoryAndItsLineComment() {
        var result = ImageBump.apply(SAMPLE, request("marc", "images.web", "1.5.0", DIGEST));

        assertThat(result.before()).isEqualTo("ghcr.io/acme/marc-web:1.4.0");
        assertThat(result.after()).isEqualTo("ghcr.io/acme/marc-web:1.5.0@" + DIGEST);
        assertThat(changedLines(SAMPLE, result.document())).hasSize(1);
        assertThat(result.document()).contains("      web: \"ghcr.io/acme/marc-web:1.5.0@" + DIGEST + "\" # the landing page\n")
                .contains("# marc's two images, built by its own CI.");
    }

    @Test
    void aNewTagWithoutDigestDropsTheOldDigest() {
        var result = ImageBump.apply(SAMPLE, request("marc", "images.api", "1.5.0", null));

        assertThat(result.after()).isEqualTo("ghcr.io/acme/marc-api:1.5.0");
        assertThat(changedLines(SAMPLE, result.document())).hasSize(1);
    }

    @Test
    void theSameValueIsNoChange() {
        var result = ImageBump.apply(SAMPLE, request("marc", "images.api", "1.4.0", OTHER_DIGEST));

        assertThat(result.changed()).isFalse();
        assertThat(result.document()).isEqualTo(SAMPLE);
    }

    @Test
    void bowmarksSharedCommitTagInTheRealStackFilesChangesOneLine() throws IOException {
        for (var stack : List.of("dev", "prod")) {
            var file = Stacks.projectRoot().resolve("Pulumi." + stack + ".yaml");
            var before = Files.readString(file);
            var result = ImageBump.apply(before, request("bowmark", "imageTag", COMMIT, null));

            assertThat(changedLines(before, result.document())).as(stack).hasSize(1);
            var edited = Files.createTempFile("Pulumi." + stack, ".yaml");
            try {
                Files.writeString(edited, result.document());
                assertThat(StackFile.load(edited).engineConfig().get("platform:bowmark")).contains("\"imageTag\":\"" + COMMIT + "\"");
            } finally {
                Files.delete(edited);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            marc    | images.web   | latest                                   | none   | expected a real release
            marc    | images.web   | 0000000                                  | none   | all-zero placeholder
            marc    | images.web   | '1.5.0;rm -rf /'                         | none   | tag: got
            marc    | images.web   | '$(id)'                                  | none   | tag: got
            marc    | images.web   | '../../etc'                              | none   | tag: got
            marc    | images.web   | 1.5.0                                    | sha256:abc | digest: got
            marc    | images.web   | 1.5.0                                    | sha256:0000000000000000000000000000000000000000000000000000000000000000 | placeholder
            ../x    | images.web   | 1.5.0                                    | none   | system: got
            marc    | images..web  | 1.5.0                                    | none   | image: got
            marc    | images/web   | 1.5.0                                    | none   | image: got
            """)
    void badAnnouncementsAreRefusedBeforeTheFileIsRead(String system, String image, String tag, String digest, String expected) {
        assertThatThrownBy(() -> request(system, image, tag, digest))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            mortimer | images.web  | 1.5.0     | none    | no platform:mortimer section
            marc     | images.docs | 1.5.0     | none    | no platform:marc.images.docs to bump
            marc     | images      | 1.5.0     | none    | is not a single value
            marc     | replicas    | 1.5.0     | none    | not an image reference
            bowmark  | imageTag    | 1.5.0     | none    | expected a 40-hex commit SHA
            """)
    void anAnnouncementThatDoesNotFitTheStackFileIsRefused(String system, String image, String tag, String digest, String expected) {
        assertThatThrownBy(() -> ImageBump.apply(SAMPLE, request(system, image, tag, digest)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    }

    @Test
    void aSharedTagTakesNoDigestAndNeverLeavesStaleDigestsBehind() {
        assertThatThrownBy(() -> ImageBump.apply(SAMPLE, request("bowmark", "imageTag", COMMIT.replace('3', '4'), DIGEST)))
                .hasMessageContaining("a digest belongs to one image");
        var pinned = SAMPLE.replace("    serverPaths: [/api]\n", "    imageDigests:\n      server: " + DIGEST + "\n    serverPaths: [/api]\n");
        assertThatThrownBy(() -> ImageBump.apply(pinned, request("bowmark", "imageTag", COMMIT.replace('3', '4'), null)))
                .hasMessageContaining("platform:bowmark.imageDigests pins the images of the current tag");
    }

    @Test
    void theCommandWritesTheFileOrLeavesItUntouched(@TempDir Path dir) throws IOException {
        var file = dir.resolve("Pulumi.prod.yaml");
        Files.writeString(file, SAMPLE);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        var ok = ImageBump.run(new String[]{file.toString(), "marc", "images.web", "1.5.0", ""}, print(out), print(err));
        var bad = ImageBump.run(new String[]{file.toString(), "marc", "images.web", "latest"}, print(out), print(err));

        assertThat(ok).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("platform:marc.images.web ghcr.io/acme/marc-web:1.4.0 -> ghcr.io/acme/marc-web:1.5.0");
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tag: got \"latest\"");
        assertThat(Files.readString(file)).isEqualTo(SAMPLE.replace("web: ghcr.io/acme/marc-web:1.4.0 #", "web: \"ghcr.io/acme/marc-web:1.5.0\" #"));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
