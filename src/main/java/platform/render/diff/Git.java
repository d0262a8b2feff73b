package platform.render.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The few git commands the diff needs, run in the project. */
record Git(Path dir) {
    String run(String... args) throws IOException {
        var command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new DiffCommand.RenderFailure("git " + String.join(" ", args) + " failed: " + output.strip());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
        return output.strip();
    }

    /** The commit a revision names; fails with git's message for a name that is none. */
    String commit(String revision) throws IOException {
        return run("rev-parse", "--verify", "--quiet", revision + "^{commit}");
    }

    /** The tree id of a path at a commit, or "none" when the commit has no such path. */
    String tree(String commit, String path) throws IOException {
        try {
            return run("rev-parse", commit + ":" + path);
        } catch (DiffCommand.RenderFailure missing) {
            return "none";
        }
    }
}
