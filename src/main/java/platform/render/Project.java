package platform.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    /** The stacks of the project: every {@code Pulumi.<stack>.yaml}. */
    public List<String> stacks() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.matches("Pulumi\\.[^.]+\\.yaml"))
                    .map(name -> name.substring("Pulumi.".length(), name.length() - ".yaml".length())).sorted().toList();
        }
    }
}
