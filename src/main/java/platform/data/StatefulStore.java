package platform.data;

import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.apps.v1.StatefulSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetPersistentVolumeClaimRetentionPolicyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.k8s.AppLabels;
import platform.k8s.Hardening;
import platform.k8s.Meta;
import platform.k8s.NodePool;
import platform.k8s.NamespaceRef;
import platform.k8s.RunAs;
import com.pulumi.core.Either;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every datastore has in common: a one-replica StatefulSet with its headless Service, a
 * ClusterIP Service under the seed's name ({@code postgres}, {@code rabbitmq}), and, for durable
 * stores, a volume claim that outlives the StatefulSet (retained on delete and scale-down,
 * retain storage class, {@code protect} in production).
 */
final class StatefulStore {
    private StatefulStore() {
    }

    record Port(String name, int port) {
    }

    /**
     * @param claim    the durable volume; its template (and so the volume mount) is named {@link VolumeClaim#name()}
     * @param nodePool the DOKS pool the pod runs on, or empty for any node
     */
    record Spec(String name, NamespaceRef namespace, AppLabels labels, RunAs runAs, List<Port> ports,
                List<ContainerArgs> containers, List<ContainerArgs> initContainers, List<VolumeArgs> volumes,
                Optional<VolumeClaim> claim, Map<String, String> podAnnotations, int terminationGraceSeconds,
                boolean protect, Optional<String> nodePool) {

        /** One container, the datastore's own. */
        Spec(String name, NamespaceRef namespace, AppLabels labels, RunAs runAs, List<Port> ports,
             ContainerArgs container, List<ContainerArgs> initContainers, List<VolumeArgs> volumes,
             Optional<VolumeClaim> claim, Map<String, String> podAnnotations, int terminationGraceSeconds,
             boolean protect, Optional<String> nodePool) {
            this(name, namespace, labels, runAs, ports, List.of(container), initContainers, volumes, claim, podAnnotations,
                    terminationGraceSeconds, protect, nodePool);
        }
    }

    static StatefulSet create(Resource parent, Spec spec) {
        var servicePorts = spec.ports().stream().map(port -> ServicePortArgs.builder()
                .name(port.name()).port(port.port()).targetPort(Either.ofLeft(port.port())).protocol("TCP").build()).toList();
        var headless = spec.name() + "-headless";
        new Service(spec.namespace().name() + "-" + headless, ServiceArgs.builder()
                .metadata(Meta.of(headless, spec.namespace(), spec.labels()))
                .spec(ServiceSpecArgs.builder().clusterIP("None").publishNotReadyAddresses(true)
                        .selector(spec.labels().selector()).ports(servicePorts).build())
                .build(), CustomResourceOptions.builder().parent(parent).build());
        new Service(spec.namespace().name() + "-" + spec.name(), ServiceArgs.builder()
                .metadata(Meta.of(spec.name(), spec.namespace(), spec.labels()))
                .spec(ServiceSpecArgs.builder().type("ClusterIP")
                        .selector(spec.labels().selector()).ports(servicePorts).build())
                .build(), CustomResourceOptions.builder().parent(parent).build());

        var pod = PodSpecArgs.builder()
                .securityContext(Hardening.pod(spec.runAs()))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .terminationGracePeriodSeconds(spec.terminationGraceSeconds())
                .initContainers(spec.initContainers())
                .containers(spec.containers())
                .volumes(spec.volumes());
        NodePool.selector(spec.nodePool()).ifPresent(pod::nodeSelector);
        var statefulSpec = StatefulSetSpecArgs.builder()
                .serviceName(headless)
                .replicas(1)
                .selector(LabelSelectorArgs.builder().matchLabels(spec.labels().selector()).build())
                .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicyArgs.builder()
                        .whenDeleted("Retain").whenScaled("Retain").build())
                .template(PodTemplateSpecArgs.builder()
                        .metadata(ObjectMetaArgs.builder().labels(spec.labels().all()).annotations(spec.podAnnotations()).build())
                        .spec(pod.build())
                        .build());
        spec.claim().ifPresent(claim -> statefulSpec.volumeClaimTemplates(PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(claim.name()).labels(spec.labels().all()).build())
                .spec(claim.spec())
                .build()));

        var options = CustomResourceOptions.builder().parent(parent).protect(spec.protect());
        if (spec.claim().isPresent()) {
            // Claim templates cannot change on a live StatefulSet; a new size is applied by resizing the
            // PVC itself (see the README), never by letting a replacement recreate the database.
            options.ignoreChanges("spec.volumeClaimTemplates");
        }
        return new StatefulSet(spec.namespace().name() + "-" + spec.name(), StatefulSetArgs.builder()
                .metadata(Meta.of(spec.name(), spec.namespace(), spec.labels()))
                .spec(statefulSpec.build())
                .build(), options.build());
    }
}
