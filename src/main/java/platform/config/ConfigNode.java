package platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import platform.k8s.CronSchedule;

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
 * and every problem is reported in one run. Every field asked for is remembered in
 * {@link KnownKeys}, so a key nobody reads can be reported as a typo. A value under a secret key
 * is never shown in a message.
 */
public final class ConfigNode {
    static final String SECRET_SHOWN = "a secret value";

    private final String key;
    private final JsonElement value;
    private final ConfigProblems problems;
    private final KnownKeys known;
    private final boolean secret;

    ConfigNode(String key, JsonElement value, ConfigProblems problems, KnownKeys known, boolean secret) {
        this.key = key;
        this.value = value == null ? JsonNull.INSTANCE : value;
        this.problems = problems;
        this.known = known;
        this.secret = secret;
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

    /** "got <the value>, expected <expectation>": the value is never shown for a secret key. */
    public void reject(String expectation) {
        problem("got " + shown() + ", expected " + expectation);
    }

    /** For a value that must be unique: "got <the value> twice, expected <expectation>". */
    public void rejectRepeated(String expectation) {
        problem("got " + shown() + " twice, expected " + expectation);
    }

    /** A field of this object; absent when this is not an object or has no such field. */
    public ConfigNode field(String name) {
        var childKey = key + "." + name;
        known.add(childKey);
        var child = value.isJsonObject() ? value.getAsJsonObject().get(name) : null;
        return new ConfigNode(childKey, child, problems, known, secret);
    }

    /**
     * The names of this object's fields, in the stack file's order (a map keyed by names the operator
     * chooses, such as marc's pools); none when absent or not an object. Read each with {@link #field}.
     */
    public List<String> fieldNames() {
        return value.isJsonObject() ? List.copyOf(value.getAsJsonObject().keySet()) : List.of();
    }

    /**
     * A section that does not apply to this stack (e.g. {@code registry} on an existing cluster):
     * whatever it holds is accepted unread instead of being reported as unknown keys.
     */
    public void notApplicable() {
        known.addSubtree(key);
    }

    /** This value as an object; an absent one reads as empty so that its fields take their defaults. */
    public ConfigNode object() {
        if (isPresent() && !value.isJsonObject()) {
            reject("an object");
        }
        return value.isJsonObject() ? this : new ConfigNode(key, new JsonObject(), problems, known, secret);
    }

    public List<ConfigNode> items() {
        if (!isPresent()) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            reject("a list");
            return List.of();
        }
        var array = value.getAsJsonArray();
        var items = new ArrayList<ConfigNode>();
        for (int i = 0; i < array.size(); i++) {
            items.add(new ConfigNode(key + "[" + i + "]", array.get(i), problems, known, secret));
        }
        return items;
    }

    public Optional<String> asString() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive()) {
            reject("a string");
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
            reject(expectation);
        }
        return text;
    }

    public String oneOf(String fallback, List<String> allowed) {
        var text = asString(fallback);
        if (!allowed.contains(text)) {
            reject("one of: " + String.join(", ", allowed));
            return fallback;
        }
        return text;
    }

    /** A CronJob schedule, checked field by field; {@code fallback} when absent. */
    public String cron(String fallback) {
        var schedule = asString(fallback);
        var problem = CronSchedule.problem(schedule);
        if (problem.isPresent()) {
            problem("got " + shown() + ", which " + problem.get() + "; expected " + CronSchedule.EXPECTATION);
            return fallback;
        }
        return schedule.trim();
    }

    public boolean asBoolean(boolean fallback) {
        if (!isPresent()) {
            return fallback;
        }
        if (value.isJsonPrimitive() && (value.getAsString().equals("true") || value.getAsString().equals("false"))) {
            return Boolean.parseBoolean(value.getAsString());
        }
        reject("true or false");
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
            reject("a whole number from " + min + " to " + max);
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
            reject("a map of strings");
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

    /** The value as a message shows it: quoted text, a number, or {@value #SECRET_SHOWN}. */
    String shown() {
        if (secret) {
            return SECRET_SHOWN;
        }
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            return "\"" + primitive.getAsString() + "\"";
        }
        return value.toString();
    }
}
