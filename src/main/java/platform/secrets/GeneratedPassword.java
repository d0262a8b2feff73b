package platform.secrets;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.providers.random.RandomPassword;
import platform.providers.random.RandomPasswordArgs;

import java.util.Map;

/**
 * A generated password: letters and digits only (safe in URLs and connection strings, the lesson
 * of Bow-Mark's {@code openssl rand -hex 32}), 40 characters, a Pulumi secret end to end.
 * Bumping {@code rotation} in stack config replaces it with a new one; nothing else changes.
 */
public final class GeneratedPassword {
    public static final int LENGTH = 40;

    private final RandomPassword password;
    private final String name;
    private final int rotation;

    public GeneratedPassword(Resource parent, String name, int rotation) {
        this(parent, name, rotation, false, LENGTH);
    }

    /** A 256-bit key of 32 letters and digits, e.g. for encrypting backups at rest (SSE-C). Never rotated by config. */
    public static GeneratedPassword encryptionKey(Resource parent, String name) {
        return new GeneratedPassword(parent, name, 0, false, 32);
    }

    /** @param symbol include one of {@code -_} (still URL-safe), for servers whose policy demands a symbol */
    public GeneratedPassword(Resource parent, String name, int rotation, boolean symbol) {
        this(parent, name, rotation, symbol, LENGTH);
    }

    private GeneratedPassword(Resource parent, String name, int rotation, boolean symbol, int length) {
        if (rotation < 0) {
            throw new IllegalArgumentException("rotation of " + name + " must be 0 or more, got " + rotation);
        }
        this.name = name;
        this.rotation = rotation;
        this.password = new RandomPassword(name,
                symbol ? RandomPasswordArgs.urlSafeWithSymbol(length, Map.of("rotation", Integer.toString(rotation)))
                        : RandomPasswordArgs.alphanumeric(length, Map.of("rotation", Integer.toString(rotation))),
                CustomResourceOptions.builder().parent(parent).build());
    }

    public Output<String> value() {
        return password.result().asSecret();
    }

    /** {@code name@rotation}: put on the pod templates of everything using it, so they roll on rotation. */
    public String version() {
        return name + "@" + rotation;
    }
}
