package platform.config;

import platform.secrets.CredentialSource;

/**
 * A generated password or key as config describes it: its rotation counter, and optionally the value
 * to use instead, from secret config (e.g. a database password kept across a move).
 */
public final class CredentialSettings {
    private CredentialSettings() {
    }

    /**
     * @param rotation  the counter's node, e.g. {@code platform:bowmark.postgres.rotation}
     * @param givenKey  the optional secret config key that supplies the value, e.g. {@code bowmarkPostgresPassword}
     */
    public static CredentialSource read(ConfigNode rotation, StackConfig config, String givenKey) {
        var counter = rotation.asInteger(0, 0, 1_000_000);
        return config.optionalSecret(givenKey)
                .map(given -> new CredentialSource(counter, java.util.Optional.of(given)))
                .orElseGet(() -> CredentialSource.generated(counter));
    }
}
