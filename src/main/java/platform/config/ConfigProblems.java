package platform.config;

import java.util.ArrayList;
import java.util.List;

/** Collects config problems so that one run reports all of them at once. */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    public void add(String key, String problem) {
        addWhole(key + ": " + problem);
    }

    /** A problem whose text already starts with its key. */
    void addWhole(String problem) {
        // One mistake read by several readers (a tag shared by three images) is reported once.
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
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
