package platform.render.diff;

/**
 * One changed field of an object: its path (list items named by their {@code name} where they
 * have one, e.g. {@code spec.template.spec.containers[server].image}) and how it reads before and
 * after; for a secret only whether it changed.
 */
record FieldChange(String path, String before, String after) {
    String line() {
        if (before == null) {
            return path + ": + " + after;
        }
        if (after == null) {
            return path + ": - " + before;
        }
        return path + ": " + before + " -> " + after;
    }
}
