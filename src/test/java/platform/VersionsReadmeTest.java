package platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Versions" table lists every pin {@code platform.Versions} makes, with the value it has now. */
class VersionsReadmeTest {

    @Test
    void everyPinIsInTheReadmesVersionsTable() throws IOException {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        var start = readme.indexOf("### Versions\n");
        assertThat(start).as("a \"### Versions\" section in README.md").isNotNegative();
        var section = readme.substring(start, readme.indexOf("\n#", start + 1));

        var pins = Arrays.stream(Versions.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .toList();
        assertThat(pins).hasSizeGreaterThan(10);
        for (var pin : pins) {
            try {
                assertThat(section).as("README's Versions table, for Versions.%s", pin.getName())
                        .contains("`" + pin.get(null) + "`");
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }
}
