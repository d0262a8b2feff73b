package platform.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where a render goes, and the rule that keeps it from destroying anything else: a directory is
 * replaced only when it does not exist, is empty, or holds exactly what a previous render wrote
 * (its {@link #MARKER} lists the entries). Anything else is refused before the program runs.
 */
public final class OutputDir {
    /** Written into every render; names what the render wrote, so a stray file makes the next render refuse. */
    public static final String MARKER = ".platform-render";

    private OutputDir() {
    }

    /** Why {@code dir} must not be replaced, or empty when it may be. {@code shown} is the path as the user gave it. */
    public static Optional<String> refusal(Path dir, String shown) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            return Optional.of(shown + " is a symbolic link; give the directory itself");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(shown + " is a file, not a directory");
        }
        var present = entries(dir);
        if (present.isEmpty()) {
            return Optional.empty();
        }
        var marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(shown + " is not empty and was not written by a render (no " + MARKER
                    + " in it); give a new or empty directory, or one a render wrote");
        }
        var written = new TreeSet<>(writtenEntries(Files.readString(marker)));
        written.add(MARKER);
        var foreign = present.stream().filter(name -> !written.contains(name) && !isLeftover(name)).toList();
        if (!foreign.isEmpty()) {
            return Optional.of(shown + " holds files a render did not write (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                    + (foreign.size() > 5 ? ", ..." : "") + "); move them away or give another directory");
        }
        return Optional.empty();
    }

    /** A staging or trash directory an interrupted render left behind. */
    private static boolean isLeftover(String name) {
        return name.startsWith(".next-render-") || name.startsWith(".previous-render-");
    }

    /** The marker's text for a render whose top-level entries are {@code names}. */
    static String marker(String stack, List<String> names) {
        return "Written by `./platform render " + stack + "`; the next render replaces this directory whole.\n"
                + "Anything added here makes the next render refuse to replace it.\n"
                + "entries: " + String.join(" ", names) + "\n";
    }

    private static List<String> writtenEntries(String marker) {
        return marker.lines().filter(line -> line.startsWith("entries:"))
                .flatMap(line -> Arrays.stream(line.substring("entries:".length()).trim().split(" ")))
                .filter(name -> !name.isBlank()).toList();
    }

    /**
     * Puts the content of {@code staged} (a fresh render) in place of {@code dir}'s. A new directory is
     * moved into place at once; an existing one keeps its identity (a shell standing in it stays valid)
     * and has its entries swapped, all inside it, so only the directory itself needs to be writable.
     */
    static void replace(Path dir, Path staged) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException notAtomic) {
                Files.move(staged, dir);
            }
            return;
        }
        var old = Files.createTempDirectory(dir, ".previous-render-");
        for (var name : entries(dir)) {
            var entry = dir.resolve(name);
            if (!entry.equals(old) && !entry.equals(staged)) {
                Files.move(entry, old.resolve(name));
            }
        }
        for (var name : entries(staged)) {
            Files.move(staged.resolve(name), dir.resolve(name));
        }
        deleteTree(old);
        deleteTree(staged);
    }

    /** A place to write a render next to (or, when it exists, inside) {@code dir}, on the same file system. */
    static Path staging(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Files.createTempDirectory(dir, ".next-render-");
        }
        Files.createDirectories(dir.getParent());
        return Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".next-render-");
    }

    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return new ArrayList<>(list.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (var file : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
