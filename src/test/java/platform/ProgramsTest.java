package platform;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing program skips a test class by hand and fails it in CI, always with the reason. */
class ProgramsTest {

    @Test
    void aMissingProgramSkipsByHandAndFailsUnderCi() {
        var reason = "the real-server tests need no-such-server, which is not installed";

        assertThatThrownBy(() -> Programs.unavailable(reason, false)).isInstanceOf(TestAbortedException.class).hasMessageContaining(reason);
        assertThatThrownBy(() -> Programs.unavailable(reason, true)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true and " + reason);
    }

    @Test
    void programsAreFoundInTheGivenDirectoriesFirstThenOnThePath() {
        assertThat(Programs.find("bash", Path.of("/nonexistent"))).hasValueSatisfying(path -> assertThat(path.getFileName()).hasToString("bash"));
        assertThat(Programs.find("no-such-program-anywhere")).isEmpty();
        assertThat(Programs.all("sh", Path.of("/bin"))).first().isEqualTo(Path.of("/bin/sh"));
    }
}
