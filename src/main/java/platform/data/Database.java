package platform.data;

import java.util.regex.Pattern;

/**
 * A PostgreSQL database and the key its name has in the credentials Secret (Bow-Mark's
 * {@code dbPaving}); the Secret also gets {@code <secretKey>Url}, a ready connection string.
 */
public record Database(String name, String secretKey) {
    /** A lower-case PostgreSQL identifier (at most 63 bytes, never quoted): database and role names. */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

    public Database {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must be a lower-case SQL identifier, got " + name);
        }
        if (!KEY.matcher(secretKey).matches()) {
            throw new IllegalArgumentException("database secret key must be alphanumeric, got " + secretKey);
        }
    }
}
