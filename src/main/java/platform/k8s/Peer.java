package platform.k8s;

import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;

import java.util.Map;

/** Who may connect: pods of the same namespace by labels, or pods of other namespaces by namespace labels. */
public record Peer(String description, Map<String, String> podLabels, Map<String, String> namespaceLabels) {
    public Peer {
        podLabels = Map.copyOf(podLabels);
        namespaceLabels = namespaceLabels == null ? null : Map.copyOf(namespaceLabels);
    }

    public static Peer pods(String description, Map<String, String> podLabels) {
        return new Peer(description, podLabels, null);
    }

    public static Peer namespace(String description, String namespace, Map<String, String> podLabels) {
        return new Peer(description, podLabels, Map.of("kubernetes.io/metadata.name", namespace));
    }

    NetworkPolicyPeerArgs toArgs() {
        var peer = NetworkPolicyPeerArgs.builder().podSelector(LabelSelectorArgs.builder().matchLabels(podLabels).build());
        if (namespaceLabels != null) {
            peer.namespaceSelector(LabelSelectorArgs.builder().matchLabels(namespaceLabels).build());
        }
        return peer.build();
    }
}
