package platform.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A named group of alerting rules, evaluated together by the ruler. */
public record RuleGroup(String name, List<AlertRule> rules) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public RuleGroup {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a rule group's name is lower-case with '-', got " + name);
        }
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("rule group " + name + " has no rules");
        }
    }

    Map<String, Object> toSpec() {
        var group = new LinkedHashMap<String, Object>();
        group.put("name", name);
        group.put("rules", rules.stream().map(AlertRule::toSpec).toList());
        return group;
    }
}
