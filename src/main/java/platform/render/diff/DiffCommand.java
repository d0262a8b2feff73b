package platform.render.diff;

import platform.render.Project;
import platform.render.ProgramRun;
import platform.render.Render;
import platform.render.RenderReport;
import platform.render.OutputDir;
import platform.render.StackFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code diff BASE [HEAD] [--stack NAME]... [--markdown]}: renders each stack at two git revisions
 * (HEAD omitted: the work tree as it is) and prints what changes, warnings first. A revision is
 * rendered by its own code: {@code git archive} into a temporary directory, its jar built there
 * with the Maven wrapper (offline first; jars are cached by the revision's src/main, pom.xml and
 * .mvn trees in build/diff-cache), and its {@code render} run. Exit 0: no changes; 1: changes;
 * 2: a revision could not be rendered; 64: bad command line.
 */
public final class DiffCommand {
    static final int NO_CHANGES = 0;
    static final int CHANGES = 1;
    static final int FAILED = 2;
    static final int USAGE = 64;
    static final String USAGE_TEXT = """
            usage: ./platform diff BASE [HEAD] [--stack NAME]... [--markdown]
              BASE, HEAD   git revisions (HEAD omitted: the work tree, uncommitted changes included)
              --stack      a stack to compare (repeatable); default every Pulumi.<stack>.yaml of the work tree
              --markdown   Markdown for a pull-request comment instead of plain text
            Each revision is rendered from a clean copy of it (git archive) with its own code: its jar is
            built once and cached in build/diff-cache (about 20-40 s per new revision, then a few seconds).
            Exit 0 no changes; 1 changes; 2 a revision cannot be rendered; 64 usage.
            """;

    private DiffCommand() {
    }

    public static int run(String[] args) {
        return run(args, Project.current(), System.out, System.err);
    }

    static int run(String[] args, Project project, PrintStream out, PrintStream err) {
        var revisions = new ArrayList<String>();
        var stacks = new ArrayList<String>();
        var markdown = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    return NO_CHANGES;
                }
                case "--markdown" -> markdown = true;
                case "--stack" -> {
                    if (i + 1 >= args.length) {
                        err.print("--stack needs a value\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    stacks.add(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("-") || revisions.size() == 2) {
                        err.print("unexpected argument " + args[i] + "\n" + USAGE_TEXT);
                        return USAGE;
                    }
                    revisions.add(args[i]);
                }
            }
        }
        if (revisions.isEmpty()) {
            err.print("diff needs a BASE revision\n" + USAGE_TEXT);
            return USAGE;
        }
        var key = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        Path scratch = null;
        try {
            if (stacks.isEmpty()) {
                stacks.addAll(project.stacks());
            }
            scratch = Files.createTempDirectory("platform-diff");
            var revisionRender = new RevisionRender(new Git(project.dir()), project.dir(), err);
            var base = revisions.get(0);
            var head = revisions.size() > 1 ? revisions.get(1) : null;
            var baseDirs = revisionRender.render(base, stacks, scratch.resolve("base"), key);
            Map<String, Path> headDirs = head == null ? workTree(project, stacks, scratch.resolve("head"), key)
                    : revisionRender.render(head, stacks, scratch.resolve("head"), key);
            var diffs = new ArrayList<StackDiff>();
            for (var stack : stacks) {
                diffs.add(StackDiff.of(stack, RenderedStack.read(baseDirs.get(stack)), RenderedStack.read(headDirs.get(stack))));
            }
            var headName = head == null ? "work tree" : head;
            out.print(markdown ? DiffReport.markdown(base, headName, diffs) : DiffReport.text(base, headName, diffs));
            return diffs.stream().anyMatch(StackDiff::hasChanges) ? CHANGES : NO_CHANGES;
        } catch (IOException | RenderFailure failure) {
            err.println("diff failed: " + failure.getMessage());
            return FAILED;
        } finally {
            try {
                if (scratch != null) {
                    OutputDir.deleteTree(scratch);
                }
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    /** The work tree's stacks, rendered in this JVM by this jar (which the wrapper rebuilt from the work tree). */
    private static Map<String, Path> workTree(Project project, List<String> stacks, Path dir, String key) throws IOException {
        var dirs = new LinkedHashMap<String, Path>();
        for (var stack : stacks) {
            var config = StackFile.offline(project.stackFile(stack));
            var result = ProgramRun.platform(stack, config);
            if (!result.succeeded()) {
                throw new RenderFailure("the work tree's " + stack + " stack does not render: " + String.join("; ", result.problems()));
            }
            var out = dir.resolve(stack);
            Render.write(out, stack, result, RenderReport.of(stack, result), key);
            dirs.put(stack, out);
        }
        return dirs;
    }

    /** A revision that could not be checked out, built or rendered. */
    static final class RenderFailure extends RuntimeException {
        RenderFailure(String message) {
            super(message);
        }
    }
}
