package platform.data;

import platform.config.ClusterSettings;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The durable volume of a datastore. On DigitalOcean the class keeps the volume when its claim is
 * deleted ({@value ClusterSettings#DIGITALOCEAN_RETAIN_CLASS}), so removing a StatefulSet never
 * removes data; on an existing cluster the class comes from config (empty: the cluster's default).
 */
public record VolumeClaim(String size, Optional<String> storageClass, String mountPath) {
    private static final Pattern SIZE = Pattern.compile("[1-9]\\d*(Mi|Gi|Ti)");

    public VolumeClaim {
        if (!SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("volume size must be a quantity such as 10Gi, got " + size);
        }
        Objects.requireNonNull(storageClass, "storageClass");
    }

    /** On DigitalOcean's retain class: the default of every datastore, until a stack says otherwise. */
    public static VolumeClaim retained(String size, String mountPath) {
        return new VolumeClaim(size, Optional.of(ClusterSettings.DIGITALOCEAN_RETAIN_CLASS), mountPath);
    }

    public VolumeClaim withSize(String newSize) {
        return new VolumeClaim(newSize, storageClass, mountPath);
    }

    /** @param newClass the stack's class of durable volumes ({@code SystemContext.storageClass()}) */
    public VolumeClaim withStorageClass(Optional<String> newClass) {
        return new VolumeClaim(size, newClass, mountPath);
    }
}
