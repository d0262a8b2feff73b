package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.Images;
import platform.k8s.NamespaceRef;

import java.util.Objects;

/**
 * @param name     StatefulSet, Service and Secret name; default {@code opensearch}
 * @param heap     JVM heap ({@code -Xms}/{@code -Xmx}), e.g. {@code 512m}; the memory limit is twice this
 * @param volume   the index; rebuildable, so small by default (5Gi on the retain class)
 * @param rotation bump to rotate the admin password (applies to a fresh node; see the README)
 */
public record OpenSearchArgs(NamespaceRef namespace, String system, String name, String image, String heap,
                             VolumeClaim volume, int rotation, boolean protect) {
    public static final String DEFAULT_IMAGE = platform.Versions.OPENSEARCH;
    public static final String DATA_PATH = "/usr/share/opensearch/data";

    public OpenSearchArgs {
        Objects.requireNonNull(namespace, "namespace");
        if (!heap.matches("[1-9]\\d*[mg]")) {
            throw new IllegalArgumentException("opensearch heap must be like 512m or 1g, got " + heap);
        }
        Images.requirePinned("opensearch " + name, image);
    }

    public static OpenSearchArgs singleNode(NamespaceRef namespace, String system, String heap, boolean protect) {
        return new OpenSearchArgs(namespace, system, "opensearch", DEFAULT_IMAGE, heap,
                VolumeClaim.retained("5Gi", DATA_PATH), 0, protect);
    }

    /** Heap plus as much again for Lucene's off-heap memory. */
    ComputeResources resources() {
        var megabytes = heap.endsWith("g") ? Integer.parseInt(heap.substring(0, heap.length() - 1)) * 1024
                : Integer.parseInt(heap.substring(0, heap.length() - 1));
        return new ComputeResources("250m", (megabytes * 2) + "Mi", (megabytes * 2) + "Mi");
    }
}
