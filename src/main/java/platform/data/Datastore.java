package platform.data;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.NamespaceRef;
import platform.k8s.NetworkPolicies;
import platform.k8s.Peer;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * What apps see of a datastore: its host, its credentials Secret and their version, and
 * {@link #allowFrom}, the only way a client gets past the namespace's default-deny.
 */
public abstract class Datastore extends ComponentResource {
    private final String storeName;
    private final NamespaceRef namespace;
    private final AppLabels labels;
    private final List<Integer> clientPorts;

    protected Datastore(String type, String name, String storeName, NamespaceRef namespace, AppLabels labels,
                        List<Integer> clientPorts, @Nullable ComponentResourceOptions options) {
        super(type, name, options);
        this.storeName = storeName;
        this.namespace = namespace;
        this.labels = labels;
        this.clientPorts = List.copyOf(clientPorts);
    }

    /** The Service name clients connect to, e.g. {@code postgres}. */
    public String host() {
        return storeName;
    }

    public NamespaceRef namespace() {
        return namespace;
    }

    public AppLabels labels() {
        return labels;
    }

    public List<Integer> clientPorts() {
        return clientPorts;
    }

    /** The Kubernetes Secret holding the connection details (the seed's name: {@code postgres}). */
    public abstract String secretName();

    /** The versions of the generated credentials, for the annotations that roll dependents on rotation. */
    public abstract List<String> credentialVersions();

    /** Admits pods with {@code podLabels} on the client ports: NetworkPolicy {@code <store>-from-<client>}. */
    public Datastore allowFrom(String client, Map<String, String> podLabels) {
        NetworkPolicies.admit(this, storeName + "-from-" + client, namespace, labels, labels.selector(), clientPorts,
                List.of(Peer.pods(client, podLabels)));
        return this;
    }
}
