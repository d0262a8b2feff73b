package platform.config;

import platform.k8s.ImageRef;

import java.util.Optional;

/** Reads image references from config the same way for every system, with the production rules. */
public final class ImageSettings {
    private ImageSettings() {
    }

    /** What production demands of an image beyond a release tag. */
    public enum Pinning {
        /** A digest in config, or one resolved from the registry at deploy time. */
        DIGEST_OR_RESOLVED,
        /** A digest in config (Project 88's seed: "all images pinned by digest in prod.env"). */
        DIGEST_IN_CONFIG
    }

    /** A required {@code repository:tag[@sha256:...]}; empty after reporting what is wrong. */
    public static Optional<ImageRef> read(ConfigNode node, Environment environment, Pinning pinning) {
        if (!node.isPresent()) {
            node.problem("is required, expected " + ImageRef.EXPECTATION);
            return Optional.empty();
        }
        return node.asString().flatMap(text -> {
            ImageRef image;
            try {
                image = ImageRef.parse(text.trim());
            } catch (IllegalArgumentException invalid) {
                node.reject(ImageRef.EXPECTATION);
                return Optional.empty();
            }
            return checked(node, image, environment, pinning);
        });
    }

    /**
     * An upstream image whose release {@code platform.Versions} pins, carried with its digest in config
     * where a seed wants every image pinned in the stack file (Project 88's "all images pinned by digest
     * in prod.env"). Absent, the release as pinned (development); production requires the release with
     * its digest; another repository or tag is refused, so the version is still chosen in one place.
     *
     * @param release the {@code Versions} constant, e.g. {@code postgres:16.15-alpine}
     */
    public static Optional<ImageRef> upstream(ConfigNode node, String release, Environment environment, Pinning pinning) {
        var pinned = ImageRef.parse(release);
        var expected = pinned.tagged() + "@sha256:<64 hex> (the release platform.Versions pins, with its digest)";
        if (!node.isPresent()) {
            if (environment == Environment.PRODUCTION && pinning == Pinning.DIGEST_IN_CONFIG) {
                node.problem("is required in production, expected " + expected);
                return Optional.empty();
            }
            return Optional.of(pinned);
        }
        return read(node, environment, pinning).flatMap(image -> {
            if (!image.tagged().equals(pinned.tagged())) {
                node.reject(expected);
                return Optional.empty();
            }
            return Optional.of(image);
        });
    }

    /** The production rules for an image assembled from parts (Bow-Mark's tag and digests). */
    public static Optional<ImageRef> checked(ConfigNode node, ImageRef image, Environment environment, Pinning pinning) {
        if (environment == Environment.PRODUCTION && image.isPlaceholder()) {
            node.reject("a real release in production, not an all-zero placeholder");
            return Optional.empty();
        }
        if (environment == Environment.PRODUCTION && pinning == Pinning.DIGEST_IN_CONFIG && image.digest().isEmpty()) {
            node.reject("in production an image pinned by digest in config: repository:tag@sha256:<64 hex>");
            return Optional.empty();
        }
        return Optional.of(image);
    }
}
