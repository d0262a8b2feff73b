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

    /**
     * A value generated once and never rotated by config, or given: for keys whose change would lose
     * data (an app's encryption key, the key of existing backups) or that a server applies only on
     * first start (a root password). Rotation of these is a runbook, not a counter.
     *
     * @param givenKey the optional secret config key that supplies the value, e.g. {@code mortimerSecretKey}
     */
    public static CredentialSource once(StackConfig config, String givenKey) {
        return config.optionalSecret(givenKey).map(CredentialSource::given).orElseGet(CredentialSource::generated);
    }
}
