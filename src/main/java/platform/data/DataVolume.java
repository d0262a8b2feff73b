package platform.data;

import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.config.Patterns;
import platform.k8s.AppLabels;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;
import platform.k8s.Volumes;

import java.util.Objects;

/**
 * A durable directory of an app Deployment (not a datastore's): one ReadWriteOnce claim on the
 * stack's durable class (DigitalOcean's retain class keeps the disk when the claim goes), protected
 * in production so that no update can delete it. Block storage attaches to one node at a time, so
 * the Deployment mounting it runs one pod and is recreated on update.
 *
 * @param name  the PersistentVolumeClaim's name, e.g. {@code mortimer-instance}; also the pod's volume name
 * @param claim size, storage class and where the pod mounts it
 */
public record DataVolume(String name, VolumeClaim claim) {
    public DataVolume {
        if (name == null || !Patterns.DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("a volume claim name must be a DNS label, got " + name);
        }
        Objects.requireNonNull(claim, "claim");
    }

    /**
     * Registers the claim; in production ({@code protect}) Pulumi refuses to delete or replace it. A
     * larger size in config is applied in place (the class allows expansion); Kubernetes refuses a smaller one.
     */
    public PersistentVolumeClaim create(Resource parent, NamespaceRef namespace, AppLabels labels, boolean protect) {
        return new PersistentVolumeClaim(namespace.name() + "-" + name, PersistentVolumeClaimArgs.builder()
                .metadata(Meta.of(name, namespace, labels))
                .spec(claim.spec())
                .build(), CustomResourceOptions.builder().parent(parent).protect(protect).build());
    }

    public VolumeArgs volume() {
        return Volumes.claim(name, name);
    }

    public VolumeMountArgs mount() {
        return Volumes.mount(name, claim.mountPath());
    }
}
