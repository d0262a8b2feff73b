package platform.workload;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.k8s.RunAs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Deployment of one app container: web, API, worker, consumer or client.
 *
 * @param name               the Deployment's name, as the seed names it ({@code server-deployment})
 * @param container          the container's name ({@code kubectl logs ... -c consumer})
 * @param image              the image as the cluster pulls it (pinned by digest in production)
 * @param replicas           more than one gets a PodDisruptionBudget and spreads across nodes
 * @param nodePool           the DOKS pool to run on, or empty for any node
 * @param port               the port it listens on, if any; then a ClusterIP Service named {@code service} is created
 * @param servicePort        the port the Service offers (default {@code port}), e.g. a running system's Service port kept
 *                           while the process listens on its own default
 * @param extraPorts         further ports the container declares without a Service, e.g. a health endpoint its probes use
 * @param readiness          required; {@code liveness} likewise
 * @param writablePaths      emptyDir mounts for the paths the program writes (root filesystem is read-only)
 * @param credentialVersions versions of generated credentials it uses: the pod template rolls when they rotate
 */
public record AppWorkloadArgs(NamespaceRef namespace, AppLabels labels, String name, String container, ContainerImage image,
                              int replicas, Optional<String> nodePool, List<String> command, List<EnvVarArgs> env,
                              List<ContainerArgs> initContainers, Optional<Integer> port, Optional<String> service,
                              ProbeArgs readiness, ProbeArgs liveness, ComputeResources resources, RunAs runAs,
                              List<String> writablePaths, List<VolumeArgs> volumes, List<VolumeMountArgs> mounts,
                              List<String> credentialVersions, Optional<Integer> servicePort, List<NamedPort> extraPorts) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** A container port with its name ({@code health}), declared so that probes and policies can name it. */
    public record NamedPort(String name, int port) {
        public NamedPort {
            if (name == null || !name.matches("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?")) {
                throw new IllegalArgumentException("a port name is a DNS label of at most 15 characters, got " + name);
            }
            requireUnprivileged(port, name);
        }
    }

    public AppWorkloadArgs {
        Objects.requireNonNull(namespace, "namespace");
        for (var value : List.of(name, container)) {
            if (!NAME.matcher(value).matches()) {
                throw new IllegalArgumentException("workload and container names must be DNS labels, got " + value);
            }
        }
        Objects.requireNonNull(image, "image of workload " + name);
        if (replicas < 0 || replicas > 50) {
            throw new IllegalArgumentException("workload " + name + " replicas must be 0 to 50, got " + replicas);
        }
        if (port.isPresent() != service.isPresent()) {
            throw new IllegalArgumentException("workload " + name + " needs a Service name exactly when it listens on a port");
        }
        port.ifPresent(p -> requireUnprivileged(p, name));
        if (servicePort.isPresent() && port.isEmpty()) {
            throw new IllegalArgumentException("workload " + name + " has a Service port but listens on no port");
        }
        servicePort.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("workload " + name + " Service port must be 1-65535, got " + p);
            }
        });
        extraPorts = List.copyOf(extraPorts);
        var portNumbers = new java.util.HashSet<Integer>();
        port.ifPresent(portNumbers::add);
        for (var extra : extraPorts) {
            if (!portNumbers.add(extra.port()) || extra.name().equals("http")) {
                throw new IllegalArgumentException("workload " + name + " declares port " + extra.port() + " or name " + extra.name() + " twice");
            }
        }
        Objects.requireNonNull(readiness, "readiness probe of " + name);
        Objects.requireNonNull(liveness, "liveness probe of " + name);
        command = List.copyOf(command);
        env = List.copyOf(env);
        initContainers = List.copyOf(initContainers);
        writablePaths = List.copyOf(writablePaths);
        volumes = List.copyOf(volumes);
        mounts = List.copyOf(mounts);
        credentialVersions = List.copyOf(credentialVersions);
    }

    private static void requireUnprivileged(int port, String owner) {
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("workload " + owner + " port must be 1024-65535 (non-root), got " + port);
        }
    }

    /** The port the Service offers: {@code servicePort}, or the container's own. */
    public Optional<Integer> exposedPort() {
        return servicePort.or(() -> port);
    }

    public static Builder builder(NamespaceRef namespace, AppLabels labels, String name, String container, ContainerImage image) {
        return new Builder(namespace, labels, name, container, image);
    }

    public static final class Builder {
        private final NamespaceRef namespace;
        private final AppLabels labels;
        private final String name;
        private final String container;
        private final ContainerImage image;
        private int replicas = 1;
        private String nodePool;
        private List<String> command = List.of();
        private final List<EnvVarArgs> env = new ArrayList<>();
        private final List<ContainerArgs> initContainers = new ArrayList<>();
        private Integer port;
        private String service;
        private ProbeArgs readiness;
        private ProbeArgs liveness;
        private ComputeResources resources = ComputeResources.MEDIUM;
        private RunAs runAs = RunAs.APP;
        private final List<String> writablePaths = new ArrayList<>(List.of("/tmp"));
        private final List<VolumeArgs> volumes = new ArrayList<>();
        private final List<VolumeMountArgs> mounts = new ArrayList<>();
        private final List<String> credentialVersions = new ArrayList<>();
        private Integer servicePort;
        private final List<NamedPort> extraPorts = new ArrayList<>();

        private Builder(NamespaceRef namespace, AppLabels labels, String name, String container, ContainerImage image) {
            this.namespace = namespace;
            this.labels = labels;
            this.name = name;
            this.container = container;
            this.image = image;
        }

        public Builder replicas(int value) { replicas = value; return this; }
        public Builder nodePool(Optional<String> value) { nodePool = value.orElse(null); return this; }
        public Builder command(List<String> value) { command = List.copyOf(value); return this; }
        public Builder env(List<EnvVarArgs> values) { env.addAll(values); return this; }
        public Builder initContainer(ContainerArgs value) { initContainers.add(value); return this; }
        public Builder listens(int value, String serviceName) { port = value; service = serviceName; return this; }
        /** Listens on {@code value}; the Service {@code serviceName} offers it as {@code exposed}. */
        public Builder listens(int value, String serviceName, int exposed) { listens(value, serviceName); servicePort = exposed; return this; }
        /** Declares a further container port, with no Service (e.g. a health endpoint). */
        public Builder declares(String portName, int value) { extraPorts.add(new NamedPort(portName, value)); return this; }
        public Builder probes(ProbeArgs ready, ProbeArgs live) { readiness = ready; liveness = live; return this; }
        public Builder resources(ComputeResources value) { resources = value; return this; }
        public Builder runAs(RunAs value) { runAs = value; return this; }
        public Builder writable(String path) { writablePaths.add(path); return this; }
        public Builder volume(VolumeArgs volume, VolumeMountArgs mount) { volumes.add(volume); mounts.add(mount); return this; }
        public Builder volumeForInitOnly(VolumeArgs volume) { volumes.add(volume); return this; }
        public Builder volumesForInitOnly(List<VolumeArgs> values) { volumes.addAll(values); return this; }
        public Builder credentials(List<String> versions) { credentialVersions.addAll(versions); return this; }

        public AppWorkloadArgs build() {
            return new AppWorkloadArgs(namespace, labels, name, container, image, replicas, Optional.ofNullable(nodePool),
                    command, env, initContainers, Optional.ofNullable(port), Optional.ofNullable(service), readiness, liveness,
                    resources, runAs, writablePaths, volumes, mounts, credentialVersions, Optional.ofNullable(servicePort), extraPorts);
        }
    }
}
