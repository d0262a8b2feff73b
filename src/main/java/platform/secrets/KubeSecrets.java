package platform.secrets;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.k8s.AppLabels;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kubernetes Secrets written from Pulumi values; the whole data map stays a Pulumi secret. */
public final class KubeSecrets {
    private KubeSecrets() {
    }

    public static Secret create(Resource parent, String name, NamespaceRef namespace, AppLabels labels,
                                Map<String, Output<String>> data) {
        return new Secret(namespace.name() + "-" + name, SecretArgs.builder()
                .metadata(Meta.of(name, namespace, labels))
                .type("Opaque")
                .stringData(perKey(data))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /**
     * The map with each value its own output, so a preview shows every key, with the generated ones
     * unknown or secret and the others readable. The SDK serializes outputs nested in inputs; the
     * generated type only cannot say so.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Output<Map<String, String>> perKey(Map<String, Output<String>> data) {
        return (Output) Output.of(new LinkedHashMap<>(data));
    }
}
