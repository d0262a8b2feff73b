package platform.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An env file as compose reads it ({@code env_file:}): {@code NAME=value} lines, blank lines and
 * {@code #} comments, an optional {@code export}, values optionally in single or double quotes, and
 * a {@code #} after a space ending an unquoted value. Problems name the line and never repeat its
 * text, because an env file holds secrets.
 *
 * @param entries  name to value, in file order
 * @param problems one per bad line, e.g. "line 3: expected NAME=value"
 */
public record DotEnv(Map<String, String> entries, List<String> problems) {
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public DotEnv {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        problems = List.copyOf(problems);
    }

    public static DotEnv parse(String text) {
        var entries = new LinkedHashMap<String, String>();
        var problems = new ArrayList<String>();
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].replaceFirst("\r$", "").strip();
            var where = "line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            var eq = line.indexOf('=');
            if (eq <= 0 || !NAME.matcher(line.substring(0, eq).strip()).matches()) {
                problems.add(where + ": expected NAME=value (NAME of letters, digits and _)");
                continue;
            }
            var name = line.substring(0, eq).strip();
            var value = value(line.substring(eq + 1).strip());
            if (value == null) {
                problems.add(where + ": " + name + " has a quote that is not closed");
            } else if (entries.putIfAbsent(name, value) != null) {
                problems.add(where + ": " + name + " is set twice");
            }
        }
        return new DotEnv(entries, problems);
    }

    /** The value without its quotes or trailing comment; null when a quote is not closed. */
    private static String value(String raw) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            var close = raw.indexOf(raw.charAt(0), 1);
            if (close < 0) {
                return null;
            }
            return raw.substring(1, close);
        }
        var comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
