package platform.k8s;

import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;

/**
 * A system's namespace: Pod Security "restricted" enforced (so the baseline holds even for objects
 * created by hand), routes on the shared gateway allowed, and all ingress denied by default.
 * Protected in production: deleting a namespace deletes the volume claims in it.
 */
public final class AppNamespace extends ComponentResource {
    /** Namespaces with this label may attach routes to the shared gateway. */
    public static final String ROUTES_LABEL = "platform.dev/gateway-routes";

    private final NamespaceRef ref;

    public AppNamespace(String name, String system, boolean protect, @Nullable ComponentResourceOptions options) {
        super("platform:k8s:AppNamespace", name, options);
        var labels = AppLabels.of(system, "namespace", name, "namespace");
        var namespaceLabels = new LinkedHashMap<>(labels.all());
        namespaceLabels.put("pod-security.kubernetes.io/enforce", "restricted");
        namespaceLabels.put("pod-security.kubernetes.io/enforce-version", "latest");
        namespaceLabels.put(ROUTES_LABEL, "allowed");
        var namespace = new Namespace(name, NamespaceArgs.builder()
                .metadata(com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs.builder()
                        .name(name).labels(namespaceLabels).build())
                .build(), CustomResourceOptions.builder().parent(this).protect(protect).build());
        ref = new NamespaceRef(name, namespace.metadata().applyValue(meta -> meta.name().orElse(name)));
        NetworkPolicies.denyAllIngress(this, ref, labels);
        registerOutputs(java.util.Map.of("name", ref.output()));
    }

    public NamespaceRef ref() {
        return ref;
    }
}
