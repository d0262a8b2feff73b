package platform.data;

import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import platform.config.ClusterSettings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The durable volume of a datastore. On DigitalOcean the class keeps the volume when its claim is
 * deleted ({@value ClusterSettings#DIGITALOCEAN_RETAIN_CLASS}), so removing a StatefulSet never
 * removes data; on an existing cluster the class comes from config (empty: the cluster's default).
 *
 * @param name the claim template's name (default {@value #DEFAULT_NAME}); the StatefulSet's claims are
 *             {@code <name>-<statefulset>-0}, so a volume kept from another cluster binds only under the
 *             name it was made with (Bow-Mark's live {@code postgres-data-postgres-0})
 */
public record VolumeClaim(String size, Optional<String> storageClass, String mountPath, String name) {
    /** The claim template's name unless a seed names its volume: PVC {@code data-<store>-0}. */
    public static final String DEFAULT_NAME = "data";
    private static final Pattern SIZE = Pattern.compile("[1-9]\\d*(Mi|Gi|Ti)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?");

    public VolumeClaim {
        if (!SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("volume size must be a quantity such as 10Gi, got " + size);
        }
        Objects.requireNonNull(storageClass, "storageClass");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a volume's name must be a short DNS label (search-data, not search_data), got " + name);
        }
    }

    public VolumeClaim(String size, Optional<String> storageClass, String mountPath) {
        this(size, storageClass, mountPath, DEFAULT_NAME);
    }

    /** On DigitalOcean's retain class: the default of every datastore, until a stack says otherwise. */
    public static VolumeClaim retained(String size, String mountPath) {
        return new VolumeClaim(size, Optional.of(ClusterSettings.DIGITALOCEAN_RETAIN_CLASS), mountPath);
    }

    public VolumeClaim withSize(String newSize) {
        return new VolumeClaim(newSize, storageClass, mountPath, name);
    }

    /** @param newClass the stack's class of durable volumes ({@code SystemContext.storageClass()}) */
    public VolumeClaim withStorageClass(Optional<String> newClass) {
        return new VolumeClaim(size, newClass, mountPath, name);
    }

    /** The claim's spec: one node reads and writes it; without a class, the cluster's default (an existing cluster without a configured class). */
    PersistentVolumeClaimSpecArgs spec() {
        var spec = PersistentVolumeClaimSpecArgs.builder()
                .accessModes("ReadWriteOnce")
                .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", size)).build());
        storageClass.ifPresent(spec::storageClassName);
        return spec.build();
    }

    /** Names the volume as a seed or a running system does ({@code search-data}, {@code postgres-data}): PVC {@code <name>-<store>-0}. */
    public VolumeClaim withName(String newName) {
        return new VolumeClaim(size, storageClass, mountPath, newName);
    }
}
