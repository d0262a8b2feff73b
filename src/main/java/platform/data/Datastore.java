package platform.data;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.NamespaceRef;
import platform.k8s.NetworkPolicies;
import platform.k8s.Peer;

import com.pulumi.core.Output;
import platform.secrets.Credential;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What apps see of a datastore: its host, its credentials Secret and their version, and
 * {@link #allowFrom}, the only way a client gets past the namespace's default-deny.
 */
public abstract class Datastore extends ComponentResource {
    private final String storeName;
    private final NamespaceRef namespace;
    private final AppLabels labels;
    private final List<Integer> clientPorts;
    private final Optional<String> nodePool;
    private final List<Credential> rotatedPasswords = new ArrayList<>();

    /**
     * @param storeName the StatefulSet, Service and credentials Secret name ({@code postgres})
     * @param nodePool  the DOKS pool it runs on, or empty for any node
     */
    protected Datastore(String type, String name, String storeName, NamespaceRef namespace, AppLabels labels,
                        List<Integer> clientPorts, Optional<String> nodePool, @Nullable ComponentResourceOptions options) {
        super(type, name, options);
        this.storeName = storeName;
        this.namespace = namespace;
        this.labels = labels;
        this.clientPorts = List.copyOf(clientPorts);
        this.nodePool = nodePool;
    }

    /** A password whose rotation (or a new given value) must roll the datastore and its clients. */
    protected Credential rotated(Credential password) {
        rotatedPasswords.add(password);
        return password;
    }

    /** The first keys of every credentials Secret, in the seeds' order: {@code user}, {@code password}, {@code host}, {@code port}. */
    protected Map<String, Output<String>> connectionDetails(String user, Credential password, int port) {
        var data = new LinkedHashMap<String, Output<String>>();
        data.put("user", Output.of(user));
        data.put("password", password.value());
        data.put("host", Output.of(storeName));
        data.put("port", Output.of(Integer.toString(port)));
        return data;
    }

    /** The pod-template annotation carrying {@link #credentialVersions()}. */
    protected Map<String, String> credentialAnnotation() {
        return Map.of(CredentialVersions.ANNOTATION, CredentialVersions.of(credentialVersions()));
    }

    /** The DOKS pool it runs on (its backup jobs run there too), or empty for any node. */
    public Optional<String> nodePool() {
        return nodePool;
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

    /** The Kubernetes Secret clients read their connection details from (the seed's name: {@code postgres}). */
    public String secretName() {
        return storeName;
    }

    /** The versions of the generated credentials, for the annotations that roll dependents on rotation. */
    public List<String> credentialVersions() {
        return rotatedPasswords.stream().map(Credential::version).toList();
    }

    /** Admits pods with {@code podLabels} on the client ports: NetworkPolicy {@code <store>-from-<client>}. */
    public Datastore allowFrom(String client, Map<String, String> podLabels) {
        NetworkPolicies.admit(this, storeName + "-from-" + client, namespace, labels, labels.selector(), clientPorts,
                List.of(Peer.pods(client, podLabels)));
        return this;
    }
}
