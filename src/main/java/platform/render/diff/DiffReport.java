package platform.render.diff;

import java.util.List;

/**
 * The diff as a reviewer reads it, per stack: a one-line count, WARNINGS first, then resources
 * added, removed and changed (by type and name) with the field changes of each. Plain text for a
 * terminal; Markdown (the same text in code blocks under headings) for a pull-request comment.
 */
final class DiffReport {
    /** Lets the comment job find and update its own comment. */
    static final String MARKER = "<!-- platform-render-diff -->";

    private DiffReport() {
    }

    static String text(String base, String head, List<StackDiff> diffs) {
        var out = new StringBuilder("render diff " + base + " -> " + head + "\n");
        for (var diff : diffs) {
            out.append('\n').append(headline(diff)).append('\n');
            if (!diff.warnings().isEmpty()) {
                out.append("WARNINGS\n");
                diff.warnings().forEach(warning -> out.append("  ! ").append(warning).append('\n'));
            }
            changes(out, diff);
        }
        return out.toString();
    }

    static String markdown(String base, String head, List<StackDiff> diffs) {
        var out = new StringBuilder(MARKER + "\n## Offline render diff: `" + base + "` → `" + head + "`\n\n");
        out.append("What the program would change, from `./platform diff` (no cloud access; secrets only as changed or not).\n");
        for (var diff : diffs) {
            out.append("\n### ").append(headline(diff)).append("\n\n");
            if (!diff.warnings().isEmpty()) {
                out.append("**Warnings**\n\n");
                diff.warnings().forEach(warning -> out.append("- :warning: ").append(warning.replace("|", "\\|")).append('\n'));
                out.append('\n');
            }
            if (diff.hasChanges()) {
                var body = new StringBuilder();
                changes(body, diff);
                out.append("<details><summary>changes</summary>\n\n```\n").append(body.toString().replace("```", "'''")).append("```\n</details>\n");
            }
        }
        return out.toString();
    }

    private static String headline(StackDiff diff) {
        if (!diff.hasChanges()) {
            return diff.stack() + ": no changes (" + diff.unchanged() + " resources)";
        }
        return diff.stack() + ": " + diff.added().size() + " added, " + diff.removed().size() + " removed, " + diff.changed().size()
                + " changed (" + diff.changed().values().stream().filter(c -> c.replacedBy() != null).count() + " replaced), "
                + diff.unchanged() + " unchanged" + (diff.warnings().isEmpty() ? "" : "; " + diff.warnings().size() + " WARNING"
                + (diff.warnings().size() == 1 ? "" : "S"));
    }

    /** Resources added, removed and changed, with the field changes of each. */
    private static void changes(StringBuilder out, StackDiff diff) {
        if (!diff.added().isEmpty()) {
            out.append("added\n");
            diff.added().forEach(key -> out.append("  + ").append(StackDiff.display(key, diff.after().resources().get(key))).append('\n'));
        }
        if (!diff.removed().isEmpty()) {
            out.append("removed\n");
            diff.removed().forEach(key -> out.append("  - ").append(StackDiff.display(key, diff.before().resources().get(key))).append('\n'));
        }
        if (!diff.changed().isEmpty()) {
            out.append("changed\n");
            diff.changed().forEach((key, changed) -> {
                out.append("  ~ ").append(StackDiff.display(key, diff.after().resources().get(key)))
                        .append(changed.replacedBy() == null ? "" : "  (REPLACED: " + changed.replacedBy() + ")").append('\n');
                changed.fields().forEach(field -> out.append("      ").append(field.line()).append('\n'));
            });
        }
        if (diff.hasChanges() && !diff.fingerprinted()) {
            out.append("  (secrets compared by their dependencies only: a render without secret fingerprints is on one side)\n");
        }
    }
}
