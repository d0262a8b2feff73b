package platform.k8s;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;

import java.util.Map;

/** Object metadata with an explicit name: Kubernetes objects are named as the seeds name them, never auto-named. */
public final class Meta {
    private Meta() {
    }

    public static ObjectMetaArgs of(String name, NamespaceRef namespace, AppLabels labels) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace.output()).labels(labels.all()).build();
    }

    public static ObjectMetaArgs of(String name, NamespaceRef namespace, AppLabels labels, Map<String, String> annotations) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace.output()).labels(labels.all()).annotations(annotations).build();
    }

    public static ObjectMetaArgs clusterScoped(String name, AppLabels labels) {
        return ObjectMetaArgs.builder().name(name).labels(labels.all()).build();
    }
}
