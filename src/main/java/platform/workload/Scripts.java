package platform.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shell scripts this package ships in the jar, under {@code /platform/workload/}. */
final class Scripts {
    private Scripts() {
    }

    static String load(String name) {
        try (var stream = Scripts.class.getResourceAsStream("/platform/workload/" + name)) {
            if (stream == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
