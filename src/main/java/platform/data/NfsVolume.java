package platform.data;

import com.pulumi.kubernetes.core.v1.PersistentVolume;
import com.pulumi.kubernetes.core.v1.PersistentVolumeArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.NFSVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectReferenceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.config.Patterns;
import platform.k8s.AppLabels;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Objects;

/**
 * A directory exported by an NFS server outside the cluster, readable by the pods of one namespace:
 * a PersistentVolume (Pod Security "restricted" refuses inline {@code nfs} volumes) bound to one
 * claim, both read-only. The export's data is not the platform's: deleting these objects only
 * unbinds it ({@code Retain}), and no storage class can provision or delete anything on it.
 */
public final class NfsVolume extends ComponentResource {
    /** NFS has no capacity the cluster could enforce; the claim and volume only need to agree. */
    static final String NOMINAL_CAPACITY = "1Gi";

    /**
     * @param claim      the PersistentVolumeClaim's name in the namespace; the cluster-scoped volume is
     *                   {@code <namespace>-<claim>}
     * @param server     the NFS server's host name or IP address, reachable from the cluster's nodes
     * @param exportPath the exported directory on the server
     */
    public record Args(NamespaceRef namespace, AppLabels labels, String claim, String server, String exportPath) {
        public Args {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(labels, "labels");
            if (server == null || server.isBlank()) {
                throw new IllegalArgumentException("NFS volume " + claim + " needs a server");
            }
            if (exportPath == null || !Patterns.ROOTED_PATH.matcher(exportPath).matches()) {
                throw new IllegalArgumentException("NFS volume " + claim + " needs an absolute export path, got " + exportPath);
            }
        }

        public String volumeName() {
            return namespace.name() + "-" + claim;
        }
    }

    private final Args args;

    public NfsVolume(String name, Args args, @Nullable ComponentResourceOptions options) {
        super("platform:data:NfsVolume", name, options);
        this.args = args;
        var child = CustomResourceOptions.builder().parent(this).build();
        new PersistentVolume(args.volumeName(), PersistentVolumeArgs.builder()
                .metadata(Meta.clusterScoped(args.volumeName(), args.labels()))
                .spec(PersistentVolumeSpecArgs.builder()
                        .capacity(Map.of("storage", NOMINAL_CAPACITY))
                        .accessModes("ReadOnlyMany")
                        .persistentVolumeReclaimPolicy("Retain")
                        // No class: nothing provisions or deletes on the export, and only this claim binds it.
                        .storageClassName("")
                        .claimRef(ObjectReferenceArgs.builder().namespace(args.namespace().name()).name(args.claim()).build())
                        .nfs(NFSVolumeSourceArgs.builder().server(args.server()).path(args.exportPath()).readOnly(true).build())
                        .build())
                .build(), child);
        new PersistentVolumeClaim(args.namespace().name() + "-" + args.claim(), PersistentVolumeClaimArgs.builder()
                .metadata(Meta.of(args.claim(), args.namespace(), args.labels()))
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadOnlyMany")
                        .storageClassName("")
                        .volumeName(args.volumeName())
                        .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", NOMINAL_CAPACITY)).build())
                        .build())
                .build(), child);
        registerOutputs(Map.of());
    }

    /** Pods reach the export through {@code args().claim()} (e.g. as a {@code FileSync} source). */
    public Args args() {
        return args;
    }
}
