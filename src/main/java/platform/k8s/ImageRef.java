package platform.k8s;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image as configured: {@code repository:tag}, optionally {@code @sha256:<digest>}.
 * Always tagged (never {@code latest}), so a reader sees which release runs; the digest, when
 * known, is what the cluster pulls.
 *
 * @param repository e.g. {@code postgres}, {@code registry.digitalocean.com/platform-registry/srq-hpn-api}
 * @param tag        e.g. {@code 16.10}, a release or a commit SHA
 * @param digest     e.g. {@code sha256:<64 hex>}
 */
public record ImageRef(String repository, String tag, Optional<String> digest) {
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*");
    /** A tag as registries take it; {@code latest} and floating majors fit it and are refused separately. */
    public static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    public static final String TAG_TEXT = "a release or commit tag: letters, digits, '.', '_', '-' (at most 128)";
    /** A content digest, what the cluster pulls when it is known. */
    public static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    public static final String DIGEST_TEXT = "an image digest such as sha256:<64 hex>";
    /** A full git commit as a tag: what a CI build from a reviewed commit is tagged with. */
    public static final Pattern COMMIT_TAG = Pattern.compile("[a-f0-9]{40}");
    public static final String COMMIT_TAG_TEXT = "a 40-hex commit SHA";
    /** An all-zero tag or digest: a placeholder someone forgot to replace, not a release. */
    public static final Pattern PLACEHOLDER = Pattern.compile("0{7,}|sha256:0{64}");
    /** A tag that only moves to the newest release of a major line, e.g. {@code dbmate:2} or {@code postgres:16}. */
    private static final Pattern FLOATING = Pattern.compile("v?\\d{1,2}(-[a-z]+)?");

    public static final String EXPECTATION = "an image reference repository:tag or repository:tag@sha256:<64 hex>, "
            + "with a release tag (not latest, not a floating major such as :2)";

    public ImageRef {
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("image repository \"" + repository + "\" is not a valid repository name");
        }
        if (!TAG.matcher(tag).matches() || tag.equals("latest")) {
            throw new IllegalArgumentException("image " + repository + " needs a release tag, not \"" + tag + "\"");
        }
        if (FLOATING.matcher(tag).matches()) {
            throw new IllegalArgumentException("image " + repository + ":" + tag + " has a floating major tag; pin a release");
        }
        digest.ifPresent(value -> {
            if (!DIGEST.matcher(value).matches()) {
                throw new IllegalArgumentException("image " + repository + " digest \"" + value + "\" is not sha256:<64 hex>");
            }
        });
    }

    /** Parses {@code repository:tag[@sha256:...]}; an {@link IllegalArgumentException} says what is wrong. */
    public static ImageRef parse(String reference) {
        var at = reference.indexOf('@');
        var digest = at >= 0 ? Optional.of(reference.substring(at + 1)) : Optional.<String>empty();
        var name = at >= 0 ? reference.substring(0, at) : reference;
        var colon = name.lastIndexOf(':');
        if (colon < 0 || colon < name.lastIndexOf('/')) {
            throw new IllegalArgumentException("image " + name + " has no tag");
        }
        return new ImageRef(name.substring(0, colon), name.substring(colon + 1), digest);
    }

    public ImageRef withDigest(String value) {
        return new ImageRef(repository, tag, Optional.of(value));
    }

    /** {@code repository:tag} without the digest. */
    public String tagged() {
        return repository + ":" + tag;
    }

    /** What a pod spec names: {@code repository:tag@digest} when the digest is known. */
    public String reference() {
        return tagged() + digest.map(value -> "@" + value).orElse("");
    }

    /** The leading number of the tag ({@code 16} of {@code 16.10-alpine}), for major-version checks. */
    public Optional<Integer> major() {
        var matcher = Pattern.compile("^v?(\\d+)").matcher(tag);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** Whether the tag or the digest is a {@link #PLACEHOLDER}. */
    public boolean isPlaceholder() {
        return PLACEHOLDER.matcher(tag).matches() || digest.map(value -> PLACEHOLDER.matcher(value).matches()).orElse(false);
    }

    @Override
    public String toString() {
        return reference();
    }
}
