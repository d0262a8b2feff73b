package platform.k8s;

import com.pulumi.kubernetes.core.v1.inputs.ConfigMapKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;

/**
 * Container environment. Secrets reach containers only by reference ({@code secretKeyRef}), never
 * as a literal value, so a secret is never part of a Deployment's spec.
 */
public final class Env {
    private Env() {
    }

    public static EnvVarArgs plain(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    public static EnvVarArgs fromSecret(String name, SecretKeyRef ref) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder().name(ref.secret()).key(ref.key()).build())
                .build()).build();
    }

    public static EnvVarArgs fromConfigMap(String name, String configMap, String key) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .configMapKeyRef(ConfigMapKeySelectorArgs.builder().name(configMap).key(key).build())
                .build()).build();
    }
}
