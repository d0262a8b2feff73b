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
import com.pulumi.resources.Resource;
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
 * one replica a PodDisruptionBudget and a spread across nodes. Whatever depends on this component
 * (a route) waits for all of it: the Kubernetes provider finishes a Deployment only when every
 * replica is ready.
 */
public final class AppWorkload extends ComponentResource {
    /** The node label DOKS puts on every node with its pool's name. */
    public static final String NODE_POOL_LABEL = NodePool.LABEL;

    /** How long the Kubernetes provider awaits the Deployment's rollout before {@code pulumi up} fails. */
    public static final String READY_TIMEOUT_ANNOTATION = "pulumi.com/timeoutSeconds";

    private final AppWorkloadArgs args;
    private final Deployment deployment;

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
        args.startup().ifPresent(container::startupProbe);
        var ports = new ArrayList<ContainerPortArgs>();
        args.port().ifPresent(port -> ports.add(ContainerPortArgs.builder().name("http").containerPort(port).build()));
        args.extraPorts().forEach(extra -> ports.add(ContainerPortArgs.builder().name(extra.name()).containerPort(extra.port()).build()));
        if (!ports.isEmpty()) {
            container.ports(ports);
        }
        var annotations = new java.util.TreeMap<>(args.podAnnotations());
        annotations.put(CredentialVersions.ANNOTATION, CredentialVersions.of(args.credentialVersions()));

        var containers = new ArrayList<ContainerArgs>();
        containers.add(container.build());
        containers.addAll(args.sidecars());
        var podSecurity = args.bindsPrivilegedPort()
                ? Hardening.podBindingPort(args.runAs(), args.port().orElseThrow())
                : Hardening.pod(args.runAs());
        var pod = PodSpecArgs.builder()
                .securityContext(podSecurity)
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .initContainers(args.initContainers())
                .containers(containers)
                .volumes(volumes);
        NodePool.selector(args.nodePool()).ifPresent(pod::nodeSelector);
        args.terminationGraceSeconds().ifPresent(pod::terminationGracePeriodSeconds);
        if (args.replicas() > 1) {
            pod.topologySpreadConstraints(TopologySpreadConstraintArgs.builder()
                    .maxSkew(1).topologyKey("kubernetes.io/hostname").whenUnsatisfiable("ScheduleAnyway")
                    .labelSelector(LabelSelectorArgs.builder().matchLabels(labels.selector()).build()).build());
        }
        deployment = new Deployment(namespace.name() + "-" + args.name(), DeploymentArgs.builder()
                .metadata(args.readyTimeout()
                        .map(timeout -> Meta.of(args.name(), namespace, labels, Map.of(READY_TIMEOUT_ANNOTATION, Long.toString(timeout.toSeconds()))))
                        .orElseGet(() -> Meta.of(args.name(), namespace, labels)))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(args.replicas())
                        .revisionHistoryLimit(5)
                        .selector(LabelSelectorArgs.builder().matchLabels(labels.selector()).build())
                        .strategy(strategy(args))
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels.all())
                                        .annotations(annotations)
                                        .build())
                                .spec(pod.build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.after().toArray(Resource[]::new)).build());

        args.port().ifPresent(port -> {
            var servicePorts = new ArrayList<ServicePortArgs>();
            servicePorts.add(ServicePortArgs.builder().name("http").port(args.exposedPort().orElseThrow())
                    .targetPort(Either.ofLeft(port)).protocol("TCP").build());
            args.extraPorts().forEach(extra -> servicePorts.add(ServicePortArgs.builder().name(extra.name()).port(extra.port())
                    .targetPort(Either.ofLeft(extra.port())).protocol("TCP").build()));
            new Service(namespace.name() + "-" + args.service().orElseThrow(), ServiceArgs.builder()
                    .metadata(Meta.of(args.service().orElseThrow(), namespace, labels))
                    .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(labels.selector()).ports(servicePorts).build())
                    .build(), CustomResourceOptions.builder().parent(this).build());
        });

        if (args.replicas() > 1) {
            new PodDisruptionBudget(namespace.name() + "-" + args.name(), PodDisruptionBudgetArgs.builder()
                    .metadata(Meta.of(args.name(), namespace, labels))
                    .spec(PodDisruptionBudgetSpecArgs.builder().maxUnavailable(Either.ofLeft(1))
                            .selector(LabelSelectorArgs.builder().matchLabels(labels.selector()).build()).build())
                    .build(), CustomResourceOptions.builder().parent(this).build());
        }
        registerOutputs(Map.of());
    }

    /** By default the new pod starts before the old one stops, so an update has no gap. */
    private static DeploymentStrategyArgs strategy(AppWorkloadArgs args) {
        if (args.recreate()) {
            return DeploymentStrategyArgs.builder().type("Recreate").build();
        }
        return DeploymentStrategyArgs.builder().type("RollingUpdate").rollingUpdate(RollingUpdateDeploymentArgs.builder()
                .maxUnavailable(Either.ofLeft(0)).maxSurge(Either.ofLeft(1)).build()).build();
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
     * Admits {@code peer} to {@code ports} of this workload (its listening port or further ports):
     * NetworkPolicy {@code <name>-from-<peer>}, e.g. apps sending mail to Mailpit's SMTP port, or a
     * metrics collector from another namespace.
     */
    public AppWorkload allowFrom(Peer peer, List<Integer> ports) {
        var declared = new java.util.HashSet<Integer>();
        args.port().ifPresent(declared::add);
        args.extraPorts().forEach(extra -> declared.add(extra.port()));
        if (!declared.containsAll(ports)) {
            throw new IllegalArgumentException(args.name() + " does not declare all of the ports " + ports);
        }
        NetworkPolicies.admit(this, args.name() + "-from-" + peer.description(), args.namespace(), args.labels(), podLabels(),
                ports, List.of(peer));
        return this;
    }

    /** Admits pods of the same namespace to the port, e.g. a web server's server-side calls: NetworkPolicy {@code <name>-from-<client>}. */
    public AppWorkload allowFrom(String client, Map<String, String> clientPodLabels) {
        var port = args.port().orElseThrow(() -> new IllegalStateException(args.name() + " does not listen on a port"));
        NetworkPolicies.admit(this, args.name() + "-from-" + client, args.namespace(), args.labels(), podLabels(),
                List.of(port), List.of(Peer.pods(client, clientPodLabels)));
        return this;
    }

    /** The Deployment, for the {@code dependsOn} of what must follow its rollout. */
    public Deployment deployment() {
        return deployment;
    }

    public AppWorkloadArgs args() {
        return args;
    }
}
