package platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value of stack config with its full key ({@code platform:cluster.nodePools[1].minNodes}).
 * Typed reads never throw: a bad or missing value is recorded in {@link ConfigProblems} with the
 * key, the value found and what is expected, and a fallback is returned so that reading goes on
 * and every problem is reported in one run.
 */
public final class ConfigNode {
    private final String key;
    private final JsonElement value;
    private final ConfigProblems problems;

    ConfigNode(String key, JsonElement value, ConfigProblems problems) {
        this.key = key;
        this.value = value == null ? JsonNull.INSTANCE : value;
        this.problems = problems;
    }

    public String key() {
        return key;
    }

    public boolean isPresent() {
        return !value.isJsonNull();
    }

    public void problem(String message) {
        problems.add(key, message);
    }

    /** A field of this object; absent when this is not an object or has no such field. */
    public ConfigNode field(String name) {
        var child = value.isJsonObject() ? value.getAsJsonObject().get(name) : null;
        return new ConfigNode(key + "." + name, child, problems);
    }

    /** This value as an object; an absent one reads as empty so that its fields take their defaults. */
    public ConfigNode object() {
        if (isPresent() && !value.isJsonObject()) {
            problem("got " + shown() + ", expected an object");
        }
        return value.isJsonObject() ? this : new ConfigNode(key, new JsonObject(), problems);
    }

    public List<ConfigNode> items() {
        if (!isPresent()) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            problem("got " + shown() + ", expected a list");
            return List.of();
        }
        var array = value.getAsJsonArray();
        var items = new ArrayList<ConfigNode>();
        for (int i = 0; i < array.size(); i++) {
            items.add(new ConfigNode(key + "[" + i + "]", array.get(i), problems));
        }
        return items;
    }

    public Optional<String> asString() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive()) {
            problem("got " + shown() + ", expected a string");
            return Optional.empty();
        }
        return Optional.of(value.getAsString());
    }

    public String asString(String fallback) {
        return asString().orElse(fallback);
    }

    public String requireString() {
        return asString().orElseGet(() -> {
            if (!isPresent()) {
                problem("is required, expected a string");
            }
            return "";
        });
    }

    /** A required string matching {@code pattern}; {@code expectation} says in words what is allowed. */
    public String requireMatching(Pattern pattern, String expectation) {
        if (!isPresent()) {
            problem("is required, expected " + expectation);
            return "";
        }
        return asString().map(text -> checked(text, pattern, expectation)).orElse("");
    }

    public Optional<String> matching(Pattern pattern, String expectation) {
        return asString().map(text -> checked(text, pattern, expectation));
    }

    private String checked(String text, Pattern pattern, String expectation) {
        if (!pattern.matcher(text).matches()) {
            problem("got \"" + text + "\", expected " + expectation);
        }
        return text;
    }

    public String oneOf(String fallback, List<String> allowed) {
        var text = asString(fallback);
        if (!allowed.contains(text)) {
            problem("got \"" + text + "\", expected one of: " + String.join(", ", allowed));
            return fallback;
        }
        return text;
    }

    public boolean asBoolean(boolean fallback) {
        if (!isPresent()) {
            return fallback;
        }
        if (value.isJsonPrimitive() && (value.getAsString().equals("true") || value.getAsString().equals("false"))) {
            return Boolean.parseBoolean(value.getAsString());
        }
        problem("got " + shown() + ", expected true or false");
        return fallback;
    }

    public int requireInteger(int min, int max) {
        if (!isPresent()) {
            problem("is required, expected a whole number from " + min + " to " + max);
            return min;
        }
        return asInteger(min, min, max);
    }

    public int asInteger(int fallback, int min, int max) {
        if (!isPresent()) {
            return fallback;
        }
        Integer parsed = null;
        if (value.isJsonPrimitive()) {
            try {
                var number = Double.parseDouble(value.getAsString());
                if (number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE) {
                    parsed = (int) number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, with the value found
            }
        }
        if (parsed == null || parsed < min || parsed > max) {
            problem("got " + shown() + ", expected a whole number from " + min + " to " + max);
            return fallback;
        }
        return parsed;
    }

    public Map<String, String> asStringMap() {
        var result = new LinkedHashMap<String, String>();
        if (!isPresent()) {
            return result;
        }
        if (!value.isJsonObject()) {
            problem("got " + shown() + ", expected a map of strings");
            return result;
        }
        for (var entry : value.getAsJsonObject().entrySet()) {
            field(entry.getKey()).asString().ifPresent(text -> result.put(entry.getKey(), text));
        }
        return result;
    }

    public List<String> asStringList() {
        var result = new ArrayList<String>();
        for (var item : items()) {
            item.asString().ifPresent(result::add);
        }
        return result;
    }

    private String shown() {
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            return "\"" + primitive.getAsString() + "\"";
        }
        return value.toString();
    }
}
