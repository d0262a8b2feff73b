package platform.render.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few git commands the diff needs, run in the project. */
record Git(Path dir) {
    String run(String... args) throws IOException {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return Subprocess.run(command, dir, Map.of(), "git " + String.join(" ", args) + " failed: ");
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
