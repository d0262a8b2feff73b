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
