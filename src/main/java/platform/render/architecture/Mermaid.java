package platform.render.architecture;

/** Mermaid's spelling rules: identifiers of letters, digits and underscores; labels quoted. */
final class Mermaid {
    private Mermaid() {
    }

    static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9_]", "_");
    }

    static String label(String text) {
        return "\"" + text.replace("\"", "'") + "\"";
    }
}
