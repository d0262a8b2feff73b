package platform.release;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import platform.config.StackConfig;
import platform.k8s.ImageRef;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Moves one image of one system to a new build in a stack file, as {@code .github/workflows/image-bump.yml}
 * does when an app's pipeline announces an image. Only that value changes: comments, order and layout
 * stay, so the pull request's diff is one line per stack file.
 *
 * <pre>java -cp target/platform.jar platform.release.ImageBump Pulumi.prod.yaml SYSTEM IMAGE TAG [DIGEST]</pre>
 *
 * {@code IMAGE} is the key under {@code platform:SYSTEM} that holds the image: either a reference
 * {@code repository:tag[@sha256:...]}, whose repository is kept (an announcement cannot point a system
 * at another repository), or {@code imageTag}, the tag a system's images share (Bow-Mark's, a commit).
 */
public final class ImageBump {
    private ImageBump() {
    }

    private static final Pattern SYSTEM = Pattern.compile("[a-z][A-Za-z0-9]{0,30}");
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,62}(\\.[A-Za-z][A-Za-z0-9]{0,62}){0,3}");
    /** The key of a tag that a system's images share (Bow-Mark's: the commit they were all built from). */
    private static final String SHARED_TAG = "imageTag";
    /** Per-image digests beside a shared tag; they pin the previous build, so a new tag cannot keep them. */
    private static final String SHARED_TAG_DIGESTS = "imageDigests";

    /** What an app's pipeline announces, checked before anything is read or written. */
    public record Request(String system, String image, String tag, Optional<String> digest) {
        public Request {
            var problems = new ArrayList<String>();
            check(problems, "system", system, SYSTEM, "a system section name such as marc or srqHpn");
            check(problems, "image", image, IMAGE, "the key under the system that holds the image, such as images.web or imageTag");
            check(problems, "tag", tag, ImageRef.TAG, ImageRef.TAG_TEXT);
            if (tag != null && (tag.equals("latest") || tag.contains("..") || ImageRef.PLACEHOLDER.matcher(tag).matches())) {
                problems.add("tag: got \"" + tag + "\", expected a real release (not latest, not an all-zero placeholder)");
            }
            digest.ifPresent(value -> {
                check(problems, "digest", value, ImageRef.DIGEST, ImageRef.DIGEST_TEXT);
                if (ImageRef.PLACEHOLDER.matcher(value).matches()) {
                    problems.add("digest: an all-zero placeholder is not a build");
                }
            });
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        private static void check(List<String> problems, String name, String value, Pattern pattern, String expected) {
            if (value == null || !pattern.matcher(value).matches()) {
                problems.add(name + ": got " + (value == null ? "nothing" : "\"" + printable(value) + "\"") + ", expected " + expected);
            }
        }

        /** The system's section of the stack file, {@code platform:SYSTEM}. */
        String section() {
            return StackConfig.fullKey(system);
        }

        String key() {
            return section() + "." + image;
        }
    }

    /** The outcome: the document with the one value changed (or the same document when it already was). */
    public record Result(String document, String before, String after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** @throws IllegalArgumentException when the stack file has no such image or the request does not fit it */
    public static Result apply(String document, Request request) {
        var root = new Yaml().compose(new StringReader(document));
        var section = child(root, "config").flatMap(config -> child(config, request.section()))
                .filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("the stack file has no " + request.section() + " section"));
        Node node = section;
        for (var part : request.image().split("\\.")) {
            node = child(node, part).orElseThrow(() -> new IllegalArgumentException(
                    "the stack file has no " + request.key() + " to bump (the workflow only moves an image that is configured)"));
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new IllegalArgumentException(request.key() + " is not a single value");
        }
        var before = scalar.getValue();
        var after = request.image().equals(SHARED_TAG) ? sharedTag(section, request) : reference(before, request);
        if (before.equals(after)) {
            return new Result(document, before, after);
        }
        var start = document.offsetByCodePoints(0, scalar.getStartMark().getIndex());
        var end = document.offsetByCodePoints(0, scalar.getEndMark().getIndex());
        var edited = document.substring(0, start) + '"' + after + '"' + document.substring(end);
        checkOnlyTheValueChanged(document, edited, request, after);
        return new Result(edited, before, after);
    }

    /** {@code repository:tag[@digest]}: the repository stays, tag and digest are the announced ones. */
    private static String reference(String before, Request request) {
        var name = before.contains("@") ? before.substring(0, before.indexOf('@')) : before;
        var colon = name.lastIndexOf(':');
        if (colon <= 0 || colon < name.lastIndexOf('/')) {
            throw new IllegalArgumentException(request.key() + " holds \"" + printable(before) + "\", not an image reference repository:tag");
        }
        return name.substring(0, colon) + ":" + request.tag() + request.digest().map(d -> "@" + d).orElse("");
    }

    /** A tag shared by a system's images (Bow-Mark): the commit CI built them from, nothing else. */
    private static String sharedTag(MappingNode section, Request request) {
        if (!ImageRef.COMMIT_TAG.matcher(request.tag()).matches()) {
            throw new IllegalArgumentException(request.key() + " is a tag shared by the system's images: expected "
                    + ImageRef.COMMIT_TAG_TEXT + " (the commit they were built from), got \""
                    + request.tag() + "\"");
        }
        if (request.digest().isPresent()) {
            throw new IllegalArgumentException(request.key() + " is a shared tag: a digest belongs to one image ("
                    + request.section() + "." + SHARED_TAG_DIGESTS + "); the deploy resolves the tag's digests");
        }
        if (child(section, SHARED_TAG_DIGESTS).isPresent()) {
            throw new IllegalArgumentException(request.section() + "." + SHARED_TAG_DIGESTS
                    + " pins the images of the current tag; bump this system by hand (tag and digests together)");
        }
        return request.tag();
    }

    private static Optional<Node> child(Node parent, String key) {
        if (!(parent instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream()
                .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key))
                .map(NodeTuple::getValueNode)
                .findFirst();
    }

    /** Reads both documents and requires them equal except for the bumped value. */
    private static void checkOnlyTheValueChanged(String before, String after, Request request, String value) {
        var expected = load(before);
        var parts = new ArrayList<String>();
        parts.add(request.section());
        parts.addAll(List.of(request.image().split("\\.")));
        var target = map(expected.get("config"));
        for (var part : parts.subList(0, parts.size() - 1)) {
            target = map(target.get(part));
        }
        target.put(parts.get(parts.size() - 1), value);
        if (!Objects.equals(expected, load(after))) {
            throw new IllegalStateException("editing " + request.key() + " would change more than that value; edit the stack file by hand");
        }
    }

    private static Map<String, Object> load(String document) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String printable(String value) {
        return value.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** @return 0 when the file now holds the image (changed or already), 2 on bad input */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 4 || args.length > 5) {
            err.println("usage: ImageBump Pulumi.<stack>.yaml SYSTEM IMAGE TAG [DIGEST]");
            return 2;
        }
        var file = Path.of(args[0]);
        try {
            var request = new Request(args[1], args[2], args[3], args.length == 5 && !args[4].isEmpty() ? Optional.of(args[4]) : Optional.empty());
            var result = apply(Files.readString(file), request);
            if (result.changed()) {
                Files.writeString(file, result.document());
                out.println(file + ": " + request.key() + " " + result.before() + " -> " + result.after());
            } else {
                out.println(file + ": " + request.key() + " is already " + result.after());
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
