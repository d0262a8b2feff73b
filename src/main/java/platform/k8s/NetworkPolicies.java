package platform.k8s;

import com.pulumi.core.Either;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * Ingress admission. Every app namespace denies all ingress by default; each further policy admits
 * named peers to selected pods on named ports. Policies add up, so one per relation keeps each
 * reason readable on its own ({@code postgres-from-consumer}).
 */
public final class NetworkPolicies {
    private NetworkPolicies() {
    }

    public static NetworkPolicy denyAllIngress(Resource parent, NamespaceRef namespace, AppLabels labels) {
        return new NetworkPolicy(namespace.name() + "-default-deny-ingress", NetworkPolicyArgs.builder()
                .metadata(Meta.of("default-deny-ingress", namespace, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().build())
                        .policyTypes("Ingress")
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /**
     * Admits {@code from} to the pods selected by {@code target} on {@code ports} (TCP).
     *
     * @param name the policy's name, saying who is admitted where ({@code postgres-from-consumer})
     */
    public static NetworkPolicy admit(Resource parent, String name, NamespaceRef namespace, AppLabels labels,
                                      Map<String, String> target, List<Integer> ports, List<Peer> from) {
        if (ports.isEmpty() || from.isEmpty()) {
            throw new IllegalArgumentException("policy " + name + " must admit at least one peer on at least one port");
        }
        return new NetworkPolicy(namespace.name() + "-" + name, NetworkPolicyArgs.builder()
                .metadata(Meta.of(name, namespace, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(LabelSelectorArgs.builder().matchLabels(target).build())
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(from.stream().map(Peer::toArgs).toList())
                                .ports(ports.stream().map(port -> NetworkPolicyPortArgs.builder()
                                        .protocol("TCP").port(Either.ofLeft(port)).build()).toList())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
