package platform.k8s;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Map;

/** ConfigMaps of files and settings that are not secret; the Pulumi name is the object's, prefixed with its namespace. */
public final class ConfigMaps {
    private ConfigMaps() {
    }

    public static ConfigMap create(Resource parent, String name, NamespaceRef namespace, AppLabels labels, Map<String, String> data) {
        return new ConfigMap(namespace.name() + "-" + name, ConfigMapArgs.builder()
                .metadata(Meta.of(name, namespace, labels))
                .data(data)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
