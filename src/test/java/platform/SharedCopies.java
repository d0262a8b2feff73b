package platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The schemas from {@code ../shared} that tests check against, copied unchanged into the repository
 * ({@code src/test/resources/shared/}) because CI on GitHub has no {@code ../shared}. Tests read the
 * copies; {@code SharedCopiesTest} keeps them equal to {@code ../shared} wherever it is present.
 */
public final class SharedCopies {
    private SharedCopies() {
    }

    public static final String PROVIDER_SCHEMAS = "provider-schemas";
    public static final String CRD_SCHEMAS = "crd-schemas";

    /** The repository's copy of a folder of {@code ../shared}. */
    public static Path copy(String folder) {
        return Stacks.projectRoot().resolve("src/test/resources/shared").resolve(folder);
    }

    /** {@code ../shared} beside the project (or the directory in the system property {@code shared.dir}), when there is one. */
    public static Optional<Path> upstream() {
        var configured = System.getProperty("shared.dir");
        var dir = configured != null ? Path.of(configured) : Stacks.projectRoot().resolveSibling("shared");
        return Files.isDirectory(dir) ? Optional.of(dir.toAbsolutePath().normalize()) : Optional.empty();
    }
}
