package platform;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The machine's programs that tests run (the real-server tests' servers and tools, and any other). A
 * missing one skips the test class with the reason when run by hand, and fails it under
 * {@code CI=true}: CI can never pass without them.
 */
public final class Programs {
    /** What installs the Debian programs; the README's line says the same. */
    public static final String INSTALL = "run .ci/install-test-servers (as root), or see the README's 'Tests on real servers'";

    private Programs() {
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (by hand) or fails (CI) the current test class with {@code reason}. */
    public static void unavailable(String reason) {
        unavailable(reason, underCi());
    }

    static void unavailable(String reason, boolean ci) {
        if (ci) {
            Assertions.fail("CI=true and " + reason);
        }
        Assumptions.abort(reason);
    }

    /** The first executable {@code program} in {@code dirs} then on PATH; unavailable if none. */
    public static Path require(String program, Path... dirs) {
        return find(program, dirs).orElseGet(() -> {
            unavailable("the real-server tests need " + program + ", which is not installed: " + INSTALL);
            throw new IllegalStateException("unreachable");
        });
    }

    public static Optional<Path> find(String program, Path... dirs) {
        return all(program, dirs).stream().findFirst();
    }

    /** Every executable {@code program} in {@code dirs}, then on PATH, in that order. */
    public static List<Path> all(String program, Path... dirs) {
        var candidates = new ArrayList<>(List.of(dirs));
        for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir));
            }
        }
        return candidates.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).distinct().toList();
    }
}
