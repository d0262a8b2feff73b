package platform;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's copies of {@code ../shared}'s schema folders are byte for byte what {@code ../shared} holds. */
class SharedCopiesTest {

    @ParameterizedTest
    @ValueSource(strings = {SharedCopies.PROVIDER_SCHEMAS, SharedCopies.CRD_SCHEMAS})
    void copyEqualsShared(String folder) throws IOException {
        var shared = SharedCopies.upstream();
        Assumptions.assumeTrue(shared.isPresent(), "../shared not found beside " + Stacks.projectRoot()
                + ": src/test/resources/shared/" + folder + " cannot be compared with it here (tests read the copy)");
        var upstream = shared.get().resolve(folder);
        var copy = SharedCopies.copy(folder);
        assertThat(differences(upstream, copy))
                .as("src/test/resources/shared/%s differs from %s; refresh it: rm -r %s && cp -r %s %s",
                        folder, upstream, copy, upstream, copy.getParent())
                .isEmpty();
    }

    @Test
    void aChangedMissingOrExtraFileIsADifference(@TempDir Path dir) throws IOException {
        var upstream = Files.createDirectories(dir.resolve("upstream/sub"));
        var copy = Files.createDirectories(dir.resolve("copy/sub"));
        for (var root : List.of(upstream, copy)) {
            Files.writeString(root.resolve("same.json"), "{}\n");
            Files.writeString(root.resolve("changed.json"), root == upstream ? "{\"a\": 1}\n" : "{\"a\": 2}\n");
        }
        Files.writeString(upstream.resolve("new.json"), "{}");
        Files.writeString(copy.resolve("stale.json"), "{}");

        assertThat(differences(dir.resolve("upstream"), dir.resolve("copy"))).containsExactly(
                "sub/changed.json: differs", "sub/new.json: missing from the copy", "sub/stale.json: only in the copy");
    }

    /** Files only on one side, and files whose bytes differ. */
    static List<String> differences(Path upstream, Path copy) throws IOException {
        var names = new TreeSet<String>();
        names.addAll(files(upstream));
        names.addAll(files(copy));
        var differences = new ArrayList<String>();
        for (var name : names) {
            var a = upstream.resolve(name);
            var b = copy.resolve(name);
            if (!Files.exists(a)) {
                differences.add(name + ": only in the copy");
            } else if (!Files.exists(b)) {
                differences.add(name + ": missing from the copy");
            } else if (!Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b))) {
                differences.add(name + ": differs");
            }
        }
        return differences;
    }

    private static List<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
