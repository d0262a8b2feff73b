package platform.secrets;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.providers.random.RandomBytes;
import platform.providers.random.RandomBytesArgs;
import platform.providers.random.RandomPassword;
import platform.providers.random.RandomPasswordArgs;

import java.util.Map;

/**
 * A password or key, a Pulumi secret end to end: generated with letters and digits only (safe in
 * URLs and connection strings, the lesson of Bow-Mark's {@code openssl rand -hex 32}), or, for a
 * key an application decodes itself, as random bytes in URL-safe base64; or given through secret
 * config ({@link CredentialSource}). A given one creates no random resource.
 */
public final class Credential {
    /** What is generated when nothing is given. */
    public enum Kind {
        /** 40 letters and digits. */
        PASSWORD(40, false),
        /** 40 characters with at least one of {@code -_} (still URL-safe), for servers whose policy demands a symbol. */
        PASSWORD_WITH_SYMBOL(40, true),
        /** A 256-bit key of 32 letters and digits, e.g. for encrypting backups at rest (SSE-C). */
        ENCRYPTION_KEY(32, false),
        /**
         * 32 random bytes in URL-safe base64 with padding (44 characters of {@code A-Z a-z 0-9 - _ =}):
         * the form of a Fernet key ({@code Fernet.generate_key()}), e.g. Mortimer's secret key.
         */
        URL_SAFE_BASE64_KEY(32, false);

        final int length;
        final boolean symbol;

        Kind(int length, boolean symbol) {
            this.length = length;
            this.symbol = symbol;
        }
    }

    private final String name;
    private final CredentialSource source;
    private final Output<String> value;

    private Credential(String name, CredentialSource source, Output<String> value) {
        this.name = name;
        this.source = source;
        this.value = value.asSecret();
    }

    /** @param name the RandomPassword's name when generated; also names the credential's version */
    public static Credential of(Resource parent, String name, Kind kind, CredentialSource source) {
        if (source.given().isPresent()) {
            return new Credential(name, source, source.given().get());
        }
        var keepers = Map.of("rotation", Integer.toString(source.rotation()));
        var options = CustomResourceOptions.builder().parent(parent).build();
        if (kind == Kind.URL_SAFE_BASE64_KEY) {
            var bytes = new RandomBytes(name, RandomBytesArgs.of(kind.length, keepers), options);
            return new Credential(name, source, bytes.base64().applyValue(Credential::urlSafe));
        }
        var password = new RandomPassword(name,
                kind.symbol ? RandomPasswordArgs.urlSafeWithSymbol(kind.length, keepers) : RandomPasswordArgs.alphanumeric(kind.length, keepers),
                options);
        return new Credential(name, source, password.result());
    }

    /** Standard base64 to the URL-safe alphabet (RFC 4648 section 5), padding kept: what Python's urlsafe_b64decode reads. */
    static String urlSafe(String base64) {
        return base64.replace('+', '-').replace('/', '_');
    }

    public static Credential password(Resource parent, String name, CredentialSource source) {
        return of(parent, name, Kind.PASSWORD, source);
    }

    public Output<String> value() {
        return value;
    }

    public boolean isGiven() {
        return source.given().isPresent();
    }

    /**
     * {@code name@rotation} ({@code name@given.rotation} for a given value): put on the pod templates of
     * everything using it, so they roll on rotation. Never the value, nor a hash of it.
     */
    public String version() {
        return name + "@" + (isGiven() ? "given." : "") + source.rotation();
    }
}
