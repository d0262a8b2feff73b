package platform.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Kubernetes CronJob schedule, checked field by field the way the controller parses it: five
 * fields (minute, hour, day of month, month, day of week), each {@code *}, a number or a name, a
 * range {@code a-b}, a step {@code * / n} or {@code a-b/n}, or a comma list of those; or one of the
 * macros ({@code @daily}, ...). A schedule the API server would accept but that can never fire
 * (minute 61) is refused here, before anything is registered.
 */
public final class CronSchedule {
    private CronSchedule() {
    }

    public static final String EXPECTATION =
            "a five-field cron expression in UTC such as \"0 8 * * *\" (minute 0-59, hour 0-23, day 1-31, month 1-12 or JAN-DEC, weekday 0-7 or SUN-SAT)";

    private static final List<String> MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private record Field(String name, int min, int max, List<String> names, int firstNamed) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of(), 0),
            new Field("hour", 0, 23, List.of(), 0),
            new Field("day of month", 1, 31, List.of(), 0),
            new Field("month", 1, 12, MONTHS, 1),
            new Field("day of week", 0, 7, WEEKDAYS, 0));

    /** What is wrong with {@code schedule}, in words; empty when it is valid. */
    public static Optional<String> problem(String schedule) {
        var text = schedule == null ? "" : schedule.trim();
        if (MACROS.contains(text)) {
            return Optional.empty();
        }
        var parts = text.split("\\s+");
        if (text.isEmpty() || parts.length != FIELDS.size()) {
            return Optional.of("has " + (text.isEmpty() ? 0 : parts.length) + " fields, expected 5");
        }
        var problems = new ArrayList<String>();
        for (int i = 0; i < parts.length; i++) {
            fieldProblem(parts[i], FIELDS.get(i)).ifPresent(problems::add);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The schedule, or an {@link IllegalArgumentException} naming the job and what is wrong. */
    public static String require(String job, String schedule) {
        problem(schedule).ifPresent(problem -> {
            throw new IllegalArgumentException("schedule of " + job + " \"" + schedule + "\" " + problem
                    + "; expected " + EXPECTATION);
        });
        return schedule.trim();
    }

    private static Optional<String> fieldProblem(String field, Field spec) {
        for (var item : field.split(",", -1)) {
            var problem = itemProblem(item, spec);
            if (problem.isPresent()) {
                return Optional.of(spec.name() + " \"" + field + "\": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> itemProblem(String item, Field spec) {
        if (item.isEmpty()) {
            return Optional.of("an empty list item");
        }
        var range = item;
        var slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            var step = number(item.substring(slash + 1));
            if (step.isEmpty() || step.get() < 1 || step.get() > spec.max()) {
                return Optional.of("step \"" + item.substring(slash + 1) + "\" must be a number from 1 to " + spec.max());
            }
        }
        // "?" means the same as "*" in the two day fields.
        if (range.equals("*") || range.equals("?") && spec.name().startsWith("day")) {
            return Optional.empty();
        }
        var dash = range.indexOf('-');
        var bounds = dash >= 0 ? List.of(range.substring(0, dash), range.substring(dash + 1)) : List.of(range);
        var values = new ArrayList<Integer>();
        for (var bound : bounds) {
            var value = value(bound, spec);
            if (value.isEmpty() || value.get() < spec.min() || value.get() > spec.max()) {
                return Optional.of("\"" + bound + "\" is not " + allowed(spec));
            }
            values.add(value.get());
        }
        if (values.size() == 2 && values.get(0) > values.get(1)) {
            return Optional.of("range \"" + range + "\" runs backwards");
        }
        return Optional.empty();
    }

    private static Optional<Integer> value(String text, Field spec) {
        var index = spec.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return Optional.of(index + spec.firstNamed());
        }
        return number(text);
    }

    private static Optional<Integer> number(String text) {
        return text.matches("\\d{1,2}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    private static String allowed(Field spec) {
        var range = "a number from " + spec.min() + " to " + spec.max();
        return spec.names().isEmpty() ? range : range + " or a name " + spec.names().get(0) + "-" + spec.names().get(spec.names().size() - 1);
    }
}
