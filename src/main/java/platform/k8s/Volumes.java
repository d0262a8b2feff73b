package platform.k8s;

import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;

/** Pod volumes and their mounts: scratch space for read-only root filesystems, config and secret files. */
public final class Volumes {
    private Volumes() {
    }

    public static VolumeArgs scratch(String name) {
        return VolumeArgs.builder().name(name).emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build();
    }

    public static VolumeArgs memory(String name, String sizeLimit) {
        return VolumeArgs.builder().name(name).emptyDir(EmptyDirVolumeSourceArgs.builder().medium("Memory").sizeLimit(sizeLimit).build()).build();
    }

    public static VolumeArgs configMap(String name, String configMap, int mode) {
        return VolumeArgs.builder().name(name).configMap(ConfigMapVolumeSourceArgs.builder().name(configMap).defaultMode(mode).build()).build();
    }

    /** A ConfigMap that may not exist (yet): the pod still starts, with an empty directory. */
    public static VolumeArgs optionalConfigMap(String name, String configMap, int mode) {
        return VolumeArgs.builder().name(name).configMap(ConfigMapVolumeSourceArgs.builder().name(configMap).defaultMode(mode)
                .optional(true).build()).build();
    }

    public static VolumeArgs secret(String name, String secret) {
        return VolumeArgs.builder().name(name).secret(SecretVolumeSourceArgs.builder().secretName(secret).defaultMode(0400).build()).build();
    }

    /** A PersistentVolumeClaim the pod mounts by name (a Deployment's durable directory). */
    public static VolumeArgs claim(String name, String claimName) {
        return VolumeArgs.builder().name(name)
                .persistentVolumeClaim(PersistentVolumeClaimVolumeSourceArgs.builder().claimName(claimName).build()).build();
    }

    public static VolumeMountArgs mount(String name, String path) {
        return VolumeMountArgs.builder().name(name).mountPath(path).build();
    }

    public static VolumeMountArgs readOnly(String name, String path) {
        return VolumeMountArgs.builder().name(name).mountPath(path).readOnly(true).build();
    }
}
