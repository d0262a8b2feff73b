package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.secrets.CredentialSource;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * @param name     StatefulSet, Service and Secret name; default {@code opensearch}
 * @param heap     JVM heap ({@code -Xms}/{@code -Xmx}), e.g. {@code 512m}; the memory limit is twice this
 * @param volume   the index; rebuildable, so small by default (5Gi on the retain class)
 * @param adminPassword generated or given (applies to a fresh node; see the README)
 * @param extraLabels further labels on its objects and pods, e.g. a seed's log labels
 * @param nodePool the DOKS pool it runs on, or empty for any node
 */
public record OpenSearchArgs(NamespaceRef namespace, String system, String name, ContainerImage image, String heap,
                             VolumeClaim volume, CredentialSource adminPassword, boolean protect, Map<String, String> extraLabels,
                             Optional<String> nodePool) {
    public static final String DATA_PATH = "/usr/share/opensearch/data";
    /** The JVM heap ({@code -Xms}/{@code -Xmx}) in megabytes or gigabytes. */
    public static final Pattern HEAP = Pattern.compile("[1-9]\\d*[mg]");
    public static final String HEAP_TEXT = "a JVM heap such as 512m or 1g";

    public OpenSearchArgs {
        Objects.requireNonNull(namespace, "namespace");
        if (!HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("opensearch heap must be like 512m or 1g, got " + heap);
        }
        Objects.requireNonNull(image, "image of opensearch " + name);
        Objects.requireNonNull(adminPassword, "adminPassword of opensearch " + name);
        extraLabels = Map.copyOf(extraLabels);
        Objects.requireNonNull(nodePool, "nodePool of opensearch " + name);
    }

    public static OpenSearchArgs singleNode(NamespaceRef namespace, String system, ContainerImage image, String heap,
                                            Optional<String> storageClass, CredentialSource adminPassword, boolean protect) {
        return new OpenSearchArgs(namespace, system, "opensearch", image, heap,
                new VolumeClaim("5Gi", storageClass, DATA_PATH), adminPassword, protect, Map.of(), Optional.empty());
    }

    /** Under a seed's service name ({@code search}): StatefulSet, Services and Secret. */
    public OpenSearchArgs withName(String newName) {
        return new OpenSearchArgs(namespace, system, newName, image, heap, volume, adminPassword, protect, extraLabels, nodePool);
    }

    /** The index volume's size, and its name as the seed gives it ({@code search-data}). */
    public OpenSearchArgs withVolume(String size, String volumeName) {
        return new OpenSearchArgs(namespace, system, name, image, heap, volume.withSize(size).withName(volumeName),
                adminPassword, protect, extraLabels, nodePool);
    }

    public OpenSearchArgs withLabels(Map<String, String> labels) {
        return new OpenSearchArgs(namespace, system, name, image, heap, volume, adminPassword, protect, labels, nodePool);
    }

    public OpenSearchArgs withNodePool(Optional<String> pool) {
        return new OpenSearchArgs(namespace, system, name, image, heap, volume, adminPassword, protect, extraLabels, pool);
    }

    /** Heap plus as much again for Lucene's off-heap memory. */
    ComputeResources resources() {
        var megabytes = heap.endsWith("g") ? Integer.parseInt(heap.substring(0, heap.length() - 1)) * 1024
                : Integer.parseInt(heap.substring(0, heap.length() - 1));
        return new ComputeResources("250m", (megabytes * 2) + "Mi", (megabytes * 2) + "Mi");
    }
}
