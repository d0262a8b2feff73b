package platform.render;

import platform.config.SecretKeys;
import platform.config.StackConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --config} and {@code --secret} pairs of a render, checked before they are applied: a
 * secret goes only to a key the program reads as a secret ({@link SecretKeys#ALL}, or a provider's
 * credential), and plain config never to one. Problems name the key, never the value.
 */
final class ConfigOverrides {
    record Override(boolean secret, String key, String value) {
        /** {@code platform:name...} for a key without a namespace. */
        String fullKey() {
            return StackFile.fullKey(key);
        }

        /** The key up to its first path step: {@code platform:cluster} of {@code cluster.nodePools[0].size}. */
        String rootKey() {
            return StackFile.rootKey(key);
        }
    }

    private ConfigOverrides() {
    }

    static boolean isSecretKey(String rootKey) {
        if (rootKey.startsWith(StackConfig.NAMESPACE + ":")) {
            return SecretKeys.ALL.contains(rootKey.substring(StackConfig.NAMESPACE.length() + 1));
        }
        return StackConfig.PROVIDER_SECRETS.contains(rootKey);
    }

    static boolean isProgramKey(String rootKey) {
        return rootKey.startsWith(StackConfig.NAMESPACE + ":");
    }

    /** Every problem with the overrides, each naming its key and saying what to do. */
    static List<String> problems(List<Override> overrides) {
        var problems = new ArrayList<String>();
        for (var override : overrides) {
            var root = override.rootKey();
            var secretKey = isSecretKey(root);
            if (override.secret() && !secretKey && isProgramKey(root)) {
                problems.add(override.fullKey() + ": given with --secret, but " + root + " is plain config that the program reads "
                        + "and may print; set it with --config (secret keys: " + String.join(", ", SecretKeys.ALL.stream().map(StackConfig::fullKey).toList()) + ")");
            } else if (!override.secret() && secretKey) {
                problems.add(override.fullKey() + ": given with --config, but it is a secret; set it with --secret");
            } else if (secretKey && !root.equals(override.fullKey())) {
                problems.add(override.fullKey() + ": " + root + " is a secret string; set it whole with --secret " + root + "=...");
            }
        }
        return problems;
    }
}
