package platform.render;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The last guard of "secrets are never echoed": every line the render prints passes through here,
 * and any secret value it knows (from --secret, from the stack file or a placeholder) becomes
 * {@code [secret]}. Values shorter than {@link #MIN_LENGTH} are left alone: replacing them would
 * mangle ordinary words and numbers while hiding nothing worth hiding.
 */
final class SecretScrubber {
    static final int MIN_LENGTH = 4;
    private final List<String> values;

    SecretScrubber(Collection<String> values) {
        // Longest first, so that a value containing another is replaced whole.
        this.values = values.stream().filter(value -> value != null && value.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String scrub(String text) {
        var result = text;
        for (var value : values) {
            result = result.replace(value, Secret.REDACTED);
        }
        return result;
    }
}
