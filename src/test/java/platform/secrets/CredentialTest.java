package platform.secrets;

import org.junit.jupiter.api.Test;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.k8s.AppLabels;
import platform.k8s.NamespaceRef;
import platform.render.ProgramRun;
import platform.render.Secret;

import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.map;

class CredentialTest {

    /** A key of each kind written to a Secret, on a cloud that answers; {@code rotation} for the generated ones. */
    private static ProgramRun.Result keys(int rotation) {
        return ProgramRun.run(ctx -> {
            var parent = new com.pulumi.resources.ComponentResource("test:Keys", "keys");
            var fernet = Credential.of(parent, "app-secret-key", Credential.Kind.URL_SAFE_BASE64_KEY, CredentialSource.generated(rotation));
            var given = Credential.of(parent, "kept-key", Credential.Kind.URL_SAFE_BASE64_KEY,
                    CredentialSource.given(com.pulumi.core.Output.ofSecret("kept")));
            KubeSecrets.create(parent, "keys", NamespaceRef.existing("demo"), AppLabels.of("demo", "keys", "keys", "config"),
                    Map.of("fernet", fernet.value(), "given", given.value()));
        }, "test", Map.of(), Set.of(), new AnsweringCloud(), false);
    }

    @Test
    void aUrlSafeBase64KeyIs32RandomBytesInThePaddedUrlSafeAlphabet() {
        var result = keys(2);
        var bytes = Stacks.only(result, "random:index/randomBytes:RandomBytes", "app-secret-key");
        assertThat(bytes.inputs()).containsEntry("length", 32L).containsEntry("keepers", Map.of("rotation", "2"));
        assertThat(bytes.options().version()).isEqualTo("4.21.1");
        assertThat(result.ofType("random:index/randomBytes:RandomBytes")).hasSize(1);

        var data = map(Stacks.object(result, "Secret", "demo", "keys").inputs().get("stringData"));
        var key = ((Secret) data.get("fernet")).value().toString();
        assertThat(key).hasSize(44).matches("[A-Za-z0-9_-]{43}=")
                .isEqualTo(AnsweringCloud.bytesOf("app-secret-key", "2").replace('+', '-').replace('/', '_'));
        assertThat(Base64.getUrlDecoder().decode(key)).isEqualTo(Base64.getDecoder().decode(AnsweringCloud.bytesOf("app-secret-key", "2")));
        assertThat(data.get("given")).isEqualTo(new Secret("kept"));
    }

    @Test
    void theStandardAlphabetsTwoSymbolsAreReplacedAndNothingElse() {
        assertThat(Credential.urlSafe("ab+/cd+/==")).isEqualTo("ab-_cd-_==");
        assertThat(Credential.urlSafe("plain")).isEqualTo("plain");
    }
}
