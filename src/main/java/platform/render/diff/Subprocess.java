package platform.render.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a program (git, tar, the Maven wrapper, a revision's jar) to its end in a directory, its output and errors read together. */
final class Subprocess {
    private Subprocess() {
    }

    /** The program's output, stripped; when it exits non-zero, a {@link DiffCommand.RenderFailure} saying {@code failed} and the output. */
    static String run(List<String> command, Path dir, Map<String, String> env, String failed) throws IOException {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new DiffCommand.RenderFailure(failed + output.strip());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
        return output.strip();
    }
}
