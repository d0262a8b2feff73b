package platform.apps;

import com.pulumi.resources.ComponentResourceOptions;
import platform.backup.BackupStorage;
import platform.cluster.ImageResolver;
import platform.config.PlatformSettings;
import platform.edge.Edge;
import platform.k8s.ContainerImage;
import platform.k8s.ImageRef;

import java.util.Objects;
import java.util.Optional;

/**
 * What a system gets from the layers below: the stack's settings, the edge to publish routes on,
 * images as the cluster pulls them, where its backups go, and the options that put its objects on
 * the stack's cluster.
 */
public record SystemContext(PlatformSettings platform, Edge edge, ImageResolver images, BackupStorage backups,
                            ComponentResourceOptions onCluster) {
    public SystemContext {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(onCluster, "onCluster");
    }

    /** Production protects data-holding objects ({@code protect}). */
    public boolean protect() {
        return platform.protectsData();
    }

    /** The storage class of durable volumes; empty: the cluster's default. */
    public Optional<String> storageClass() {
        return platform.cluster().storageClass();
    }

    public ContainerImage image(String reference) {
        return images.image(reference);
    }

    public ContainerImage image(ImageRef ref) {
        return images.image(ref);
    }
}
