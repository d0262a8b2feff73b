package platform.data;

import java.util.regex.Pattern;

/**
 * The durable volume of a datastore. The default class keeps the DigitalOcean volume when its
 * claim is deleted, so removing a StatefulSet never removes data.
 */
public record VolumeClaim(String size, String storageClass, String mountPath) {
    public static final String RETAIN_CLASS = "do-block-storage-retain";
    private static final Pattern SIZE = Pattern.compile("[1-9]\\d*(Mi|Gi|Ti)");

    public VolumeClaim {
        if (!SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("volume size must be a quantity such as 10Gi, got " + size);
        }
        if (storageClass == null || storageClass.isBlank()) {
            throw new IllegalArgumentException("volume storageClass is required");
        }
    }

    public static VolumeClaim retained(String size, String mountPath) {
        return new VolumeClaim(size, RETAIN_CLASS, mountPath);
    }
}
