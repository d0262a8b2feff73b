package platform.workload;

import com.pulumi.core.Either;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.data.CredentialVersions;
import platform.edge.Backend;
import platform.k8s.Hardening;
import platform.k8s.Meta;
import platform.k8s.NetworkPolicies;
import platform.k8s.NodePool;
import platform.k8s.Peer;
import platform.k8s.Volumes;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app Deployment with the baseline built in: non-root, read-only root with scratch mounts,
 * no service-account token, probes, resources; a ClusterIP Service when it listens; with more than
 * one replica a PodDisruptionBudget and a spread across nodes.
 */
public final class AppWorkload extends ComponentResource {
    /** The node label DOKS puts on every node with its pool's name. */
    public static final String NODE_POOL_LABEL = NodePool.LABEL;

    private final AppWorkloadArgs args;

    public AppWorkload(String name, AppWorkloadArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:workload:AppWorkload", name, options);
        this.args = args;
        var namespace = args.namespace();
        var labels = args.labels();

        var scratchMounts = new ArrayList<VolumeMountArgs>();
        var volumes = new ArrayList<>(args.volumes());
        for (int i = 0; i < args.writablePaths().size(); i++) {
            var volume = "scratch-" + i;
            volumes.add(Volumes.scratch(volume));
            scratchMounts.add(Volumes.mount(volume, args.writablePaths().get(i)));
        }
        var mounts = new ArrayList<>(args.mounts());
        mounts.addAll(scratchMounts);
        var container = ContainerArgs.builder()
                .name(args.container())
                .image(args.image().reference())
                .env(args.env())
                .resources(args.resources().toArgs())
                .securityContext(Hardening.container())
                .readinessProbe(args.readiness())
                .livenessProbe(args.liveness())
                .volumeMounts(mounts);
        if (!args.command().isEmpty()) {
            container.command(args.command());
        }
        var ports = new ArrayList<ContainerPortArgs>();
        args.port().ifPresent(port -> ports.add(ContainerPortArgs.builder().name("http").containerPort(port).build()));
        args.extraPorts().forEach(extra -> ports.add(ContainerPortArgs.builder().name(extra.name()).containerPort(extra.port()).build()));
        if (!ports.isEmpty()) {
            container.ports(ports);
        }

        var pod = PodSpecArgs.builder()
                .securityContext(Hardening.pod(args.runAs()))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .initContainers(args.initContainers())
                .containers(container.build())
                .volumes(volumes);
        NodePool.selector(args.nodePool()).ifPresent(pod::nodeSelector);
        if (args.replicas() > 1) {
            pod.topologySpreadConstraints(TopologySpreadConstraintArgs.builder()
                    .maxSkew(1).topologyKey("kubernetes.io/hostname").whenUnsatisfiable("ScheduleAnyway")
                    .labelSelector(LabelSelectorArgs.builder().matchLabels(labels.selector()).build()).build());
        }
        new Deployment(namespace.name() + "-" + args.name(), DeploymentArgs.builder()
                .metadata(Meta.of(args.name(), namespace, labels))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(args.replicas())
                        .revisionHistoryLimit(5)
                        .selector(LabelSelectorArgs.builder().matchLabels(labels.selector()).build())
                        .strategy(DeploymentStrategyArgs.builder().type("RollingUpdate").rollingUpdate(RollingUpdateDeploymentArgs.builder()
                                .maxUnavailable(Either.ofLeft(0)).maxSurge(Either.ofLeft(1)).build()).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels.all())
                                        .annotations(Map.of(CredentialVersions.ANNOTATION, CredentialVersions.of(args.credentialVersions())))
                                        .build())
                                .spec(pod.build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());

        args.port().ifPresent(port -> new Service(namespace.name() + "-" + args.service().orElseThrow(), ServiceArgs.builder()
                .metadata(Meta.of(args.service().orElseThrow(), namespace, labels))
                .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(labels.selector())
                        .ports(ServicePortArgs.builder().name("http").port(args.exposedPort().orElseThrow())
                                .targetPort(Either.ofLeft(port)).protocol("TCP").build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build()));

        if (args.replicas() > 1) {
            new PodDisruptionBudget(namespace.name() + "-" + args.name(), PodDisruptionBudgetArgs.builder()
                    .metadata(Meta.of(args.name(), namespace, labels))
                    .spec(PodDisruptionBudgetSpecArgs.builder().maxUnavailable(Either.ofLeft(1))
                            .selector(LabelSelectorArgs.builder().matchLabels(labels.selector()).build()).build())
                    .build(), CustomResourceOptions.builder().parent(this).build());
        }
        registerOutputs(Map.of());
    }

    public Map<String, String> podLabels() {
        return args.labels().selector();
    }

    /** This workload's Service port, for a route; only a port the Service exposes can be named. */
    public Backend backend() {
        var port = args.exposedPort().orElseThrow(() -> new IllegalStateException(args.name() + " does not listen on a port"));
        return Backend.of(args.service().orElseThrow(), Set.of(port), port);
    }

    /** Admits the edge's proxies, and only them, to the port: NetworkPolicy {@code <name>-from-gateway}. */
    public AppWorkload admitGateway(Peer gateway) {
        var port = args.port().orElseThrow(() -> new IllegalStateException(args.name() + " does not listen on a port"));
        NetworkPolicies.admit(this, args.name() + "-from-gateway", args.namespace(), args.labels(), podLabels(),
                List.of(port), List.of(gateway));
        return this;
    }

    /**
     * Admits pods with {@code podLabels} of the same namespace, and only them, to the port it listens on:
     * NetworkPolicy {@code <name>-from-<client>}.
     */
    public AppWorkload admit(String client, Map<String, String> podLabels) {
        var port = args.port().orElseThrow(() -> new IllegalStateException(args.name() + " does not listen on a port"));
        NetworkPolicies.admit(this, args.name() + "-from-" + client, args.namespace(), args.labels(), podLabels(),
                List.of(port), List.of(Peer.pods(client, podLabels)));
        return this;
    }

    public AppWorkloadArgs args() {
        return args;
    }
}
