package platform.config;

import java.util.List;

/**
 * Every secret config key the program reads (without the {@code platform:} namespace). Reading a
 * secret that is not listed here is a programming error, so the list is always whole: the README's
 * "secrets to set" and the render's placeholders both come from it.
 */
public final class SecretKeys {
    private SecretKeys() {
    }

    public static final List<String> ALL = List.copyOf(BowmarkSettings.SECRET_KEYS);

    static void requireListed(String key) {
        if (!ALL.contains(key)) {
            throw new IllegalStateException("secret config key " + key + " is read but not listed in SecretKeys.ALL");
        }
    }
}
