package platform.config;

import java.util.List;

/** Every problem found in a stack's config, each naming its full key; thrown before any resource is registered. */
public final class InvalidConfigException extends RuntimeException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("invalid stack config:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
