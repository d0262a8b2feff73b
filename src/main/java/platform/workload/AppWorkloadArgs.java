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

import java.time.Duration;
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
 * @param port               the port it listens on, if any; then a ClusterIP Service named {@code service} is created.
 *                           A port below 1024 is bound without root: the pod lowers the safe, namespaced sysctl
 *                           {@link platform.k8s.Hardening#UNPRIVILEGED_PORT_START} (Pod Security "restricted" allows it; Kubernetes 1.22+)
 * @param readiness          required; {@code liveness} likewise
 * @param writablePaths      emptyDir mounts for the paths the program writes (root filesystem is read-only)
 * @param credentialVersions versions of generated credentials it uses: the pod template rolls when they rotate
 * @param sidecars           containers beside the app's (after it, so the app stays the pod's default container)
 * @param readyTimeout       how long {@code pulumi up} waits for every replica to be ready before it fails; empty: the
 *                           Kubernetes provider's default (10 minutes)
 */
public record AppWorkloadArgs(NamespaceRef namespace, AppLabels labels, String name, String container, ContainerImage image,
                              int replicas, Optional<String> nodePool, List<String> command, List<EnvVarArgs> env,
                              List<ContainerArgs> initContainers, Optional<Integer> port, Optional<String> service,
                              ProbeArgs readiness, ProbeArgs liveness, ComputeResources resources, RunAs runAs,
                              List<String> writablePaths, List<VolumeArgs> volumes, List<VolumeMountArgs> mounts,
                              List<String> credentialVersions, List<ContainerArgs> sidecars, Optional<Duration> readyTimeout) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

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
        port.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("workload " + name + " port must be 1-65535, got " + p);
            }
        });
        Objects.requireNonNull(readiness, "readiness probe of " + name);
        Objects.requireNonNull(liveness, "liveness probe of " + name);
        command = List.copyOf(command);
        env = List.copyOf(env);
        initContainers = List.copyOf(initContainers);
        writablePaths = List.copyOf(writablePaths);
        volumes = List.copyOf(volumes);
        mounts = List.copyOf(mounts);
        credentialVersions = List.copyOf(credentialVersions);
        sidecars = List.copyOf(sidecars);
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        readyTimeout.ifPresent(timeout -> {
            if (timeout.toSeconds() < 30 || timeout.toHours() > 6) {
                throw new IllegalArgumentException("workload " + name + " ready timeout must be 30 s to 6 h, got " + timeout);
            }
        });
    }

    /** Whether the pod must lower {@link platform.k8s.Hardening#UNPRIVILEGED_PORT_START} to its port. */
    public boolean bindsPrivilegedPort() {
        return port.filter(p -> p < 1024).isPresent();
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
        private final List<ContainerArgs> sidecars = new ArrayList<>();
        private Duration readyTimeout;

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
        public Builder probes(ProbeArgs ready, ProbeArgs live) { readiness = ready; liveness = live; return this; }
        public Builder resources(ComputeResources value) { resources = value; return this; }
        public Builder runAs(RunAs value) { runAs = value; return this; }
        public Builder writable(String path) { writablePaths.add(path); return this; }
        public Builder volume(VolumeArgs volume, VolumeMountArgs mount) { volumes.add(volume); mounts.add(mount); return this; }
        public Builder volumeForInitOnly(VolumeArgs volume) { return podVolume(volume); }
        /** A volume the app's container does not mount: for init containers and sidecars. */
        public Builder podVolume(VolumeArgs volume) { volumes.add(volume); return this; }
        public Builder credentials(List<String> versions) { credentialVersions.addAll(versions); return this; }
        public Builder sidecar(ContainerArgs value) { sidecars.add(value); return this; }
        public Builder readyTimeout(Duration value) { readyTimeout = value; return this; }

        public AppWorkloadArgs build() {
            return new AppWorkloadArgs(namespace, labels, name, container, image, replicas, Optional.ofNullable(nodePool),
                    command, env, initContainers, Optional.ofNullable(port), Optional.ofNullable(service), readiness, liveness,
                    resources, runAs, writablePaths, volumes, mounts, credentialVersions, sidecars, Optional.ofNullable(readyTimeout));
        }
    }
}
