package platform.render;

import java.nio.file.Path;

/**
 * Where the tool's two kinds of paths start: the project (stack files, git history), found by the
 * {@code platform} wrapper beside itself and passed as {@code -Dplatform.project}; and the user's
 * working directory, against which every path on the command line is read.
 */
public record Project(Path dir, Path workingDir) {
    public static Project current() {
        var workingDir = Path.of("").toAbsolutePath();
        var dir = System.getProperty("platform.project");
        return new Project(dir == null ? workingDir : Path.of(dir).toAbsolutePath().normalize(), workingDir);
    }

    public Path stackFile(String stack) {
        return dir.resolve("Pulumi." + stack + ".yaml");
    }
}
