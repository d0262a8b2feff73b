package platform.secrets;

import com.pulumi.core.Output;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a password or key comes from: generated (the default), with a rotation counter that asks
 * for a new value when bumped; or given through secret config, e.g. a database's existing password
 * kept across a move. A given value is used as it is; bump the counter when you change it, so that
 * everything using it rolls.
 *
 * @param rotation bump to rotate (generated) or to roll users after changing the given value
 * @param given    the value from secret config, a Pulumi secret
 */
public record CredentialSource(int rotation, Optional<Output<String>> given) {
    public CredentialSource {
        if (rotation < 0) {
            throw new IllegalArgumentException("a rotation counter is 0 or more, got " + rotation);
        }
        Objects.requireNonNull(given, "given");
    }

    public static CredentialSource generated() {
        return new CredentialSource(0, Optional.empty());
    }

    public static CredentialSource generated(int rotation) {
        return new CredentialSource(rotation, Optional.empty());
    }

    public static CredentialSource given(Output<String> value) {
        return new CredentialSource(0, Optional.of(value));
    }
}
