package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.k8s.SecretKeyRef;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param name        StatefulSet and Service name; clients reach {@code http://<name>:7700}
 * @param image       a pinned Meilisearch image ({@code platform.Versions.MEILISEARCH})
 * @param masterKey   the Secret key holding the master key (Meilisearch has no Secret of its own: the apps' search key is it)
 * @param volume      the index; rebuildable from the app's data, so it has no backup
 * @param resources   requests and memory limit
 * @param nodePool    the DOKS pool it runs on, or empty for any node
 * @param extraLabels labels beyond the recommended ones, e.g. a running system's {@code app: meilisearch}
 */
public record MeilisearchArgs(NamespaceRef namespace, String system, String name, ContainerImage image, SecretKeyRef masterKey,
                              VolumeClaim volume, ComputeResources resources, Optional<String> nodePool,
                              Map<String, String> extraLabels, boolean protect) {
    public static final String DATA_PATH = "/meili_data";

    public MeilisearchArgs {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(image, "image of meilisearch " + name);
        Objects.requireNonNull(masterKey, "masterKey of meilisearch " + name);
        Objects.requireNonNull(nodePool, "nodePool");
        extraLabels = Map.copyOf(extraLabels);
    }

    /** One node, {@code meilisearch}, on a 5Gi retained claim named {@code claimName}. */
    public static MeilisearchArgs singleNode(NamespaceRef namespace, String system, ContainerImage image, SecretKeyRef masterKey,
                                             Optional<String> storageClass, String claimName, ComputeResources resources,
                                             Optional<String> nodePool, Map<String, String> extraLabels, boolean protect) {
        return new MeilisearchArgs(namespace, system, "meilisearch", image, masterKey,
                new VolumeClaim("5Gi", storageClass, DATA_PATH, claimName), resources, nodePool, extraLabels, protect);
    }
}
