package platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every secret config key the program reads (without the {@code platform:} namespace). Reading a
 * secret that is not listed here is a programming error, so the list is always whole: the README's
 * "secrets to set" and the render's placeholders both come from it.
 */
public final class SecretKeys {
    private SecretKeys() {
    }

    /**
     * @param required a required key must be set before {@code pulumi up}; an optional one supplies a
     *                 value the program would otherwise generate (a password kept across a move)
     * @param purpose  what it holds, for the README and error messages
     */
    public record SecretKey(String name, boolean required, String purpose) {
        public static SecretKey required(String name, String purpose) {
            return new SecretKey(name, true, purpose);
        }

        public static SecretKey optional(String name, String purpose) {
            return new SecretKey(name, false, purpose);
        }
    }

    public static final List<SecretKey> KEYS = all(
            BackupSettings.SECRETS,
            BowmarkSettings.SECRETS,
            MarcSettings.SECRETS,
            MortimerSettings.SECRETS,
            Project88Settings.SECRETS,
            SrqHpnSettings.SECRETS,
            ObservabilitySettings.SECRETS);

    /** Every key's name. */
    public static final List<String> ALL = KEYS.stream().map(SecretKey::name).toList();

    /** The keys that must be set; offline renders stand in placeholders for them. */
    public static final List<String> REQUIRED = KEYS.stream().filter(SecretKey::required).map(SecretKey::name).toList();

    public static Optional<SecretKey> find(String name) {
        return KEYS.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    static SecretKey requireListed(String name, boolean required) {
        var key = find(name).orElseThrow(() -> new IllegalStateException(
                "secret config key " + name + " is read but not listed in SecretKeys"));
        if (key.required() != required) {
            throw new IllegalStateException("secret config key " + name + " is read as " + (required ? "required" : "optional")
                    + " but listed as " + (key.required() ? "required" : "optional"));
        }
        return key;
    }

    @SafeVarargs
    private static List<SecretKey> all(List<SecretKey>... lists) {
        var keys = new ArrayList<SecretKey>();
        for (var list : lists) {
            keys.addAll(list);
        }
        return List.copyOf(keys);
    }
}
