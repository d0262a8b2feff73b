package platform.render.architecture;

import platform.render.Project;
import platform.render.StackFile;
import platform.render.ProgramRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;

/**
 * {@code architecture [--check]}: renders every stack ({@code Pulumi.*.yaml}) and writes its
 * picture to {@code docs/architecture/<stack>.md}, the copies the README links; with
 * {@code --check} it only says which copies differ from a fresh render (exit 1).
 */
public final class ArchitectureCommand {
    public static final String DOCS = "docs/architecture";
    static final String USAGE = """
            usage: ./platform architecture [--check]
              renders every stack and writes docs/architecture/<stack>.md (the picture the README links);
              --check: write nothing, exit 1 when a committed copy differs from a fresh render
            """;

    private ArchitectureCommand() {
    }

    public static int run(String[] args) {
        return run(args, Project.current(), System.out, System.err);
    }

    static int run(String[] args, Project project, PrintStream out, PrintStream err) {
        var check = false;
        for (var arg : args) {
            if (arg.equals("--check")) {
                check = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else {
                err.print("unexpected argument " + arg + "\n" + USAGE);
                return 64;
            }
        }
        try {
            var stale = new ArrayList<String>();
            for (var stack : project.stacks()) {
                var fresh = fresh(project, stack);
                var copy = project.dir().resolve(DOCS).resolve(stack + ".md");
                var current = Files.isRegularFile(copy) ? Files.readString(copy) : null;
                if (fresh.equals(current)) {
                    continue;
                }
                stale.add(DOCS + "/" + stack + ".md");
                if (!check) {
                    Files.createDirectories(copy.getParent());
                    Files.writeString(copy, fresh);
                    out.println("wrote " + DOCS + "/" + stack + ".md");
                }
            }
            if (check && !stale.isEmpty()) {
                err.println("out of date (refresh with ./platform architecture): " + String.join(", ", stale));
                return 1;
            }
            if (stale.isEmpty()) {
                out.println("docs/architecture is up to date");
            }
            return 0;
        } catch (IOException | IllegalStateException failure) {
            err.println("architecture failed: " + failure.getMessage());
            return 2;
        }
    }

    /** The architecture.md a render of the stack's committed config writes. */
    public static String fresh(Project project, String stack) throws IOException {
        var result = ProgramRun.platform(stack, StackFile.offline(project.stackFile(stack)));
        if (!result.succeeded()) {
            throw new IllegalStateException("stack " + stack + " does not render: " + String.join("; ", result.problems()));
        }
        return ArchitectureDiagram.of(stack, result.resources()).markdown();
    }
}
