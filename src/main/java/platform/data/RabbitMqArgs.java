package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.secrets.CredentialSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param name      StatefulSet, Service and Secret name; default {@code rabbitmq}
 * @param image     a RabbitMQ image with the management plugin (UI on 15672, cluster-internal)
 * @param user      the application user, with full permissions on every vhost
 * @param vhosts    declared on every start; fully isolated from each other
 * @param volume    default 5Gi on the retain class at {@code /var/lib/rabbitmq}
 * @param resources default {@link ComputeResources#LARGE}
 * @param password  the user's password, generated or given (a new one is applied by the definitions import on start)
 * @param nodePool  the DOKS pool it runs on, or empty for any node
 * @param extraLabels labels beyond the recommended ones, e.g. a running system's {@code app: rabbitmq}
 * @param consumerTimeout how long a consumer may hold an unacknowledged delivery (RabbitMQ's default: 30 minutes)
 * @param protect   {@code protect} the StatefulSet (production)
 */
public record RabbitMqArgs(NamespaceRef namespace, String system, String name, ContainerImage image, String user,
                           List<Vhost> vhosts, VolumeClaim volume, ComputeResources resources, CredentialSource password,
                           boolean protect, Optional<String> nodePool, Map<String, String> extraLabels,
                           Optional<Duration> consumerTimeout) {
    public static final String DATA_PATH = "/var/lib/rabbitmq";

    public RabbitMqArgs {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(nodePool, "nodePool");
        extraLabels = Map.copyOf(extraLabels);
        Objects.requireNonNull(consumerTimeout, "consumerTimeout");
        consumerTimeout.ifPresent(timeout -> {
            if (timeout.toMinutes() < 1 || timeout.toHours() > 24 * 7) {
                throw new IllegalArgumentException("rabbitmq " + name + " consumerTimeout must be 1 minute to 7 days, got " + timeout);
            }
        });
        vhosts = List.copyOf(vhosts);
        if (vhosts.isEmpty()) {
            throw new IllegalArgumentException("rabbitmq " + name + " needs at least one vhost");
        }
        var names = new HashSet<String>();
        for (var vhost : vhosts) {
            if (!names.add(vhost.name()) || !names.add("key:" + vhost.secretKey())) {
                throw new IllegalArgumentException("rabbitmq " + name + " lists vhost " + vhost.name() + " or key " + vhost.secretKey() + " twice");
            }
        }
        if (user == null || !user.matches("[a-zA-Z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("rabbitmq user must be 1-64 letters, digits, '_', '.' or '-', got " + user);
        }
        Objects.requireNonNull(image, "image of rabbitmq " + name);
    }

    public static Builder builder(NamespaceRef namespace, String system) {
        return new Builder(namespace, system);
    }

    public static final class Builder {
        private final NamespaceRef namespace;
        private final String system;
        private String name = "rabbitmq";
        private ContainerImage image;
        private String user;
        private final List<Vhost> vhosts = new ArrayList<>();
        private VolumeClaim volume = VolumeClaim.retained("5Gi", DATA_PATH);
        private ComputeResources resources = ComputeResources.LARGE;
        private CredentialSource password = CredentialSource.generated();
        private boolean protect;
        private Optional<String> nodePool = Optional.empty();
        private final Map<String, String> extraLabels = new LinkedHashMap<>();
        private Duration consumerTimeout;

        private Builder(NamespaceRef namespace, String system) {
            this.namespace = namespace;
            this.system = system;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder image(ContainerImage value) { image = value; return this; }
        public Builder user(String value) { user = value; return this; }
        public Builder vhost(String vhostName, String secretKey) { vhosts.add(new Vhost(vhostName, secretKey)); return this; }
        public Builder storageSize(String size) { volume = volume.withSize(size); return this; }
        public Builder storageClass(Optional<String> storageClass) { volume = volume.withStorageClass(storageClass); return this; }
        public Builder resources(ComputeResources value) { resources = value; return this; }
        public Builder password(CredentialSource value) { password = value; return this; }
        public Builder protect(boolean value) { protect = value; return this; }
        public Builder nodePool(Optional<String> pool) { nodePool = Objects.requireNonNull(pool); return this; }
        /** The claim template's name, e.g. the one the volumes of the system being moved were made under. */
        public Builder claimName(String value) { volume = volume.withName(value); return this; }
        public Builder labels(Map<String, String> values) { extraLabels.putAll(values); return this; }
        public Builder consumerTimeout(Duration value) { consumerTimeout = Objects.requireNonNull(value); return this; }

        public RabbitMqArgs build() {
            return new RabbitMqArgs(namespace, system, name, image, user, vhosts, volume, resources, password, protect, nodePool, extraLabels,
                    Optional.ofNullable(consumerTimeout));
        }
    }
}
