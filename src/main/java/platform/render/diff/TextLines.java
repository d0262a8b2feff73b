package platform.render.diff;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two embedded texts (scripts, config files), by longest common subsequence. */
final class TextLines {
    private static final int MAX_LINES = 40;

    private TextLines() {
    }

    static String diff(String before, String after) {
        var a = before.lines().toList();
        var b = after.lines().toList();
        var lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var out = new ArrayList<String>();
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + b.get(j++));
            } else {
                out.add("- " + a.get(i++));
            }
        }
        return lines(out);
    }

    private static String lines(List<String> out) {
        var shown = out.size() > MAX_LINES ? out.subList(0, MAX_LINES) : out;
        var text = new StringBuilder();
        shown.forEach(line -> text.append("    ").append(line).append('\n'));
        if (out.size() > MAX_LINES) {
            text.append("    ... ").append(out.size() - MAX_LINES).append(" more changed lines\n");
        }
        return text.toString().stripTrailing();
    }
}
