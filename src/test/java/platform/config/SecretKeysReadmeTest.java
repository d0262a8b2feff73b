package platform.config;

import org.junit.jupiter.api.Test;
import platform.Stacks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's list of secret config keys is {@link SecretKeys#KEYS}, row for row: a key added,
 * renamed or re-described in code fails this test until the README says the same. The failure
 * prints the expected block, to paste between the markers.
 */
class SecretKeysReadmeTest {
    static final String START = "<!-- secret-keys:start (generated from SecretKeysReadmeTest) -->";
    static final String END = "<!-- secret-keys:end -->";

    /** The table as the README must show it. */
    static List<String> expected() {
        var lines = new ArrayList<String>();
        lines.add("| key | required | what it holds |");
        lines.add("|-----|----------|---------------|");
        for (var key : SecretKeys.KEYS) {
            lines.add("| `" + StackConfig.fullKey(key.name()) + "` | " + (key.required() ? "yes" : "no")
                    + " | " + key.purpose().replace("|", "\\|") + " |");
        }
        return lines;
    }

    @Test
    void theReadmeListsEverySecretKeyAsSecretKeysDoes() throws IOException {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        assertThat(readme).contains(START).contains(END);
        var block = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END)).strip();
        assertThat(block.lines().toList()).as("the README's secret keys; expected between the markers:%n%s%n", String.join("\n", expected()))
                .containsExactlyElementsOf(expected());
    }

    @Test
    void everyCredentialTheProgramGeneratesCanBeGiven() {
        // The optional keys that stand in for a generated value, one per generated password or key of every system.
        assertThat(SecretKeys.KEYS.stream().filter(key -> !key.required()).map(SecretKeys.SecretKey::name)).contains(
                "bowmarkPostgresPassword", "bowmarkRabbitmqPassword", "bowmarkJwtSecret",
                "srqHpnPostgresPassword", "srqHpnPostgresAppPassword", "srqHpnJwtSecret", "srqHpnBigtopIngestToken", "srqHpnRedisPassword",
                "project88PostgresPassword", "project88RedisPassword", "project88SearchPassword", "project88PgadminPassword",
                "mortimerMongoRootPassword", "mortimerMongoPassword", "mortimerSecretKey", "mortimerBackupKey");
    }
}
