package platform.k8s;

/** Image references: always a tag (never {@code latest}) or a digest, so what runs is what was reviewed. */
public final class Images {
    private Images() {
    }

    public static String requirePinned(String what, String image) {
        var name = image.substring(image.lastIndexOf('/') + 1);
        if (image.contains("@sha256:")) {
            return image;
        }
        if (!name.contains(":") || name.endsWith(":latest")) {
            throw new IllegalArgumentException(what + " image must carry a pinned tag (not latest) or a digest, got " + image);
        }
        return image;
    }
}
