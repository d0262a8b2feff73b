package platform.render.diff;

import platform.k8s.Sha256;
import platform.render.SecretFingerprints;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the stacks of one git revision with that revision's own code: a clean copy of it
 * ({@code git archive}, nothing of the work tree), its jar built with its Maven wrapper (offline
 * first, so a machine with the dependencies cached needs no network) or taken from the cache,
 * and its {@code render} command run in the copy.
 */
final class RevisionRender {
    static final String CACHE = "build/diff-cache";

    private final Git git;
    private final Path projectDir;
    private final PrintStream log;

    RevisionRender(Git git, Path projectDir, PrintStream log) {
        this.git = git;
        this.projectDir = projectDir;
        this.log = log;
    }

    Map<String, Path> render(String revision, List<String> stacks, Path dir, String fingerprintKey) throws IOException {
        var start = System.nanoTime();
        String commit;
        try {
            commit = git.commit(revision);
        } catch (DiffCommand.RenderFailure notACommit) {
            throw new DiffCommand.RenderFailure(revision + " is not a commit of this repository");
        }
        var checkout = dir.resolve("checkout");
        Files.createDirectories(checkout);
        var archive = dir.resolve("revision.tar");
        git.run("archive", "--format=tar", "-o", archive.toString(), commit);
        run(List.of("tar", "-xf", archive.toString(), "-C", checkout.toString()), checkout, Map.of(), "unpack " + revision);
        var jar = jar(revision, commit, checkout);
        var dirs = new LinkedHashMap<String, Path>();
        for (var stack : stacks) {
            var out = dir.resolve("render-" + stack);
            if (!Files.isRegularFile(checkout.resolve("Pulumi." + stack + ".yaml"))) {
                // A stack the revision does not have yet: everything in it is new.
                Files.createDirectories(out);
                Files.writeString(out.resolve("resources.json"), "[]\n");
                dirs.put(stack, out);
                continue;
            }
            // The wrapper's fast-start options (see ./platform); an old revision's jar runs with them too.
            run(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4",
                    "-Dplatform.project=" + checkout, "-jar", jar.toString(), "render", stack,
                    "--out", out.toString()), checkout, Map.of(SecretFingerprints.KEY_VARIABLE, fingerprintKey),
                    "render " + stack + " at " + revision);
            dirs.put(stack, out);
        }
        log.printf("rendered %s (%s) in %.0f s%n", revision, commit.substring(0, 10), (System.nanoTime() - start) / 1e9);
        return dirs;
    }

    /** The revision's jar, built once per distinct program (src/main, pom.xml, .mvn) and kept in the cache. */
    private Path jar(String revision, String commit, Path checkout) throws IOException {
        // A short digest is enough for a cache key.
        var key = Sha256.hex(git.tree(commit, "src/main") + git.tree(commit, "pom.xml") + git.tree(commit, ".mvn")).substring(0, 20);
        var cached = projectDir.resolve(CACHE).resolve(key + ".jar");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        log.println("building the jar of " + revision + " (" + commit.substring(0, 10) + "); cached afterwards in " + CACHE);
        var build = List.of("./mvnw", "-q", "-B", "-ntp", "-o", "package", "-Dmaven.test.skip=true");
        try {
            run(build, checkout, Map.of(), "build " + revision + " offline");
        } catch (DiffCommand.RenderFailure offline) {
            var online = new ArrayList<>(build);
            online.remove("-o");
            run(online, checkout, Map.of(), "build " + revision);
        }
        Files.createDirectories(cached.getParent());
        var temporary = Files.createTempFile(cached.getParent(), key, ".part");
        Files.copy(checkout.resolve("target/platform.jar"), temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return cached;
    }

    private static void run(List<String> command, Path dir, Map<String, String> env, String what) throws IOException {
        Subprocess.run(command, dir, env, what + " failed:\n");
    }
}
