package platform.config;

import java.util.ArrayList;
import java.util.List;

/** Collects config problems so that one run reports all of them at once. */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    public void add(String key, String problem) {
        problems.add(key + ": " + problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }
}
