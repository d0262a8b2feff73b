package platform.workload;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.resources.Resource;
import platform.config.Patterns;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.k8s.RunAs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param servicePort        the port the Service offers (default {@code port}), e.g. a running system's Service port kept
 *                           while the process listens on its own default
 * @param readiness          required; {@code liveness} likewise
 * @param writablePaths      emptyDir mounts for the paths the program writes (root filesystem is read-only)
 * @param credentialVersions versions of generated credentials it uses: the pod template rolls when they rotate
 * @param startup            a startup probe, for a slow first start; none by default
 * @param recreate           on update, stop the old pod before starting the new one (a ReadWriteOnce volume can be
 *                           attached to one node only); by default a rolling update that starts the new pod first
 * @param terminationGraceSeconds how long a stopping pod may finish its work; Kubernetes' 30 s by default
 * @param extraPorts         further named ports it declares (and its Service exposes, when it listens): SMTP beside a UI, metrics
 * @param podAnnotations     further pod-template annotations, e.g. {@link MetricsScrape}'s or a config checksum
 * @param after              what the Deployment waits for before it is created or changed, e.g. a {@link MigrationJob}'s Job
 *                           (resources, not components: a component's children are gathered as they register)
 * @param sidecars           containers beside the app's (after it, so the app stays the pod's default container)
 * @param readyTimeout       how long {@code pulumi up} waits for every replica to be ready before it fails; empty: the
 *                           Kubernetes provider's default (10 minutes)
 */
public record AppWorkloadArgs(NamespaceRef namespace, AppLabels labels, String name, String container, ContainerImage image,
                              int replicas, Optional<String> nodePool, List<String> command, List<EnvVarArgs> env,
                              List<ContainerArgs> initContainers, Optional<Integer> port, Optional<String> service,
                              ProbeArgs readiness, ProbeArgs liveness, ComputeResources resources, RunAs runAs,
                              List<String> writablePaths, List<VolumeArgs> volumes, List<VolumeMountArgs> mounts,
                              List<String> credentialVersions, Optional<ProbeArgs> startup, boolean recreate,
                              Optional<Integer> terminationGraceSeconds, List<Port> extraPorts, Map<String, String> podAnnotations,
                              List<Resource> after, List<ContainerArgs> sidecars, Optional<Duration> readyTimeout,
                              Optional<Integer> servicePort) {
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");

    /** A further port the container declares, by name ({@code smtp}, {@code metrics}). */
    public record Port(String name, int port) {
        public Port {
            if (!PORT_NAME.matcher(name).matches() || name.equals("http")) {
                throw new IllegalArgumentException("a port name must be a short DNS label other than http, got " + name);
            }
            if (port < 1024 || port > 65535) {
                throw new IllegalArgumentException("port " + name + " must be 1024-65535 (non-root), got " + port);
            }
        }
    }

    public AppWorkloadArgs {
        Objects.requireNonNull(namespace, "namespace");
        for (var value : List.of(name, container)) {
            if (!Patterns.DNS_LABEL.matcher(value).matches()) {
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
        if (servicePort.isPresent() && port.isEmpty()) {
            throw new IllegalArgumentException("workload " + name + " has a Service port but listens on no port");
        }
        servicePort.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("workload " + name + " Service port must be 1-65535, got " + p);
            }
        });
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
        Objects.requireNonNull(startup, "startup probe of " + name);
        terminationGraceSeconds.ifPresent(seconds -> {
            if (seconds < 1 || seconds > 3600) {
                throw new IllegalArgumentException("workload " + name + " termination grace must be 1-3600 s, got " + seconds);
            }
        });
        extraPorts = List.copyOf(extraPorts);
        var ports = new java.util.HashSet<Integer>();
        port.ifPresent(ports::add);
        var names = new java.util.HashSet<String>();
        for (var extra : extraPorts) {
            if (!ports.add(extra.port()) || !names.add(extra.name())) {
                throw new IllegalArgumentException("workload " + name + " declares port " + extra.name() + " (" + extra.port() + ") twice");
            }
        }
        podAnnotations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(podAnnotations));
        after = List.copyOf(after);
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
        private ProbeArgs startup;
        private boolean recreate;
        private Integer terminationGraceSeconds;
        private final List<Port> extraPorts = new ArrayList<>();
        private final Map<String, String> podAnnotations = new LinkedHashMap<>();
        private Integer metricsPort;
        private String metricsPath;
        private final List<Resource> after = new ArrayList<>();
        private final List<ContainerArgs> sidecars = new ArrayList<>();
        private Duration readyTimeout;
        private Integer servicePort;

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
        public Builder probes(ProbeArgs ready, ProbeArgs live) { readiness = ready; liveness = live; return this; }
        public Builder resources(ComputeResources value) { resources = value; return this; }
        public Builder runAs(RunAs value) { runAs = value; return this; }
        public Builder writable(String path) { writablePaths.add(path); return this; }
        public Builder volume(VolumeArgs volume, VolumeMountArgs mount) { volumes.add(volume); mounts.add(mount); return this; }
        /** A volume the app's container does not mount: for init containers and sidecars. */
        public Builder podVolume(VolumeArgs volume) { volumes.add(volume); return this; }
        public Builder volumesForInitOnly(List<VolumeArgs> values) { values.forEach(this::podVolume); return this; }
        public Builder credentials(List<String> versions) { credentialVersions.addAll(versions); return this; }
        public Builder startupProbe(ProbeArgs value) { startup = value; return this; }
        /** Stop the old pod before the new one starts, e.g. for a ReadWriteOnce volume: a short outage on every update. */
        public Builder recreateOnUpdate() { recreate = true; return this; }
        public Builder terminationGrace(java.time.Duration value) { terminationGraceSeconds = Math.toIntExact(value.toSeconds()); return this; }
        /** Declares a further port; the Service (if it listens) exposes it too. */
        public Builder port(String portName, int value) { extraPorts.add(new Port(portName, value)); return this; }
        public Builder podAnnotation(String key, String value) { podAnnotations.put(key, value); return this; }
        /** Prometheus metrics at {@code path} on the port it listens on. */
        public Builder servesMetrics(String path) { metricsPath = path; return this; }
        /** Prometheus metrics at {@code path} on a port of their own, declared as {@value MetricsScrape#PORT_NAME}. */
        public Builder servesMetrics(int value, String path) { metricsPort = value; metricsPath = path; return this; }
        /** An init container that holds the pod until the dependency answers (compose's {@code depends_on}). */
        public Builder startsAfter(DependencyWait dependency) { initContainers.add(dependency.container()); return this; }
        public Builder after(Resource value) { after.add(Objects.requireNonNull(value)); return this; }
        public Builder sidecar(ContainerArgs value) { sidecars.add(value); return this; }
        public Builder readyTimeout(Duration value) { readyTimeout = value; return this; }

        public AppWorkloadArgs build() {
            var ports = new ArrayList<>(extraPorts);
            var annotations = new LinkedHashMap<>(podAnnotations);
            if (metricsPath != null) {
                var scraped = metricsPort != null ? metricsPort : port;
                if (scraped == null) {
                    throw new IllegalArgumentException("workload " + name + " serves metrics but names no port for them");
                }
                if (!scraped.equals(port)) {
                    ports.add(new Port(MetricsScrape.PORT_NAME, scraped));
                }
                annotations.putAll(MetricsScrape.annotations(scraped, metricsPath));
            }
            return new AppWorkloadArgs(namespace, labels, name, container, image, replicas, Optional.ofNullable(nodePool),
                    command, env, initContainers, Optional.ofNullable(port), Optional.ofNullable(service), readiness, liveness,
                    resources, runAs, writablePaths, volumes, mounts, credentialVersions, Optional.ofNullable(startup), recreate,
                    Optional.ofNullable(terminationGraceSeconds), ports, annotations, after, sidecars, Optional.ofNullable(readyTimeout),
                    Optional.ofNullable(servicePort));
        }
    }
}
