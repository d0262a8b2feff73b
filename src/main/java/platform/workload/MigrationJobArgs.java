package platform.workload;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.resources.Resource;
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
 * A schema migration run from an app's own image.
 *
 * @param prefix       the Job's name before the image's id: {@code api-migrate} gives {@code api-migrate-9253acd5ea6f}
 * @param labels       the Job's and its pod's labels; they stay the same from release to release, so the
 *                     datastore's NetworkPolicy admitting the pod never changes
 * @param image        the app's image, as the cluster pulls it; the Job's name comes from its configured reference
 * @param command      what migrates, e.g. {@code alembic upgrade head}
 * @param env          plain values and secret references only ({@link platform.k8s.Env})
 * @param runAs        the image's user; default {@link RunAs#APP}
 * @param resources    default {@link ComputeResources#MEDIUM}
 * @param writablePaths emptyDir mounts (the root filesystem is read-only); default {@code /tmp}
 * @param timeout      how long the migration may take, pulling included; the Job fails after it, and so does
 *                     {@code pulumi up}; default {@link #DEFAULT_TIMEOUT}
 * @param retries      runs after a failed one; default 1 (a transactional migration that failed rolled back)
 * @param after        what must exist and be ready before it runs: the database's StatefulSet, the Secrets it reads
 *                     (name resources, not components: a component's children are gathered as they register)
 * @param nodePool     the DOKS pool it runs on (the app's), or empty for any node
 */
public record MigrationJobArgs(NamespaceRef namespace, AppLabels labels, String prefix, ContainerImage image,
                               List<String> command, List<EnvVarArgs> env, RunAs runAs, ComputeResources resources,
                               List<String> writablePaths, Duration timeout, int retries, List<Resource> after,
                               Optional<String> nodePool) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Leaves room for the image's id in a Job name of at most 63 characters. */
    private static final Pattern PREFIX = Pattern.compile("[a-z]([a-z0-9-]{0,40}[a-z0-9])?");

    public MigrationJobArgs {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(labels, "labels");
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("migration job prefix must be a DNS label of at most 42 characters, got " + prefix);
        }
        Objects.requireNonNull(image, "image of migration " + prefix);
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("migration " + prefix + " needs a command");
        }
        if (timeout.compareTo(Duration.ofMinutes(1)) < 0 || timeout.compareTo(Duration.ofHours(6)) > 0) {
            throw new IllegalArgumentException("migration " + prefix + " timeout must be 1 minute to 6 hours, got " + timeout);
        }
        if (retries < 0 || retries > 5) {
            throw new IllegalArgumentException("migration " + prefix + " retries must be 0 to 5, got " + retries);
        }
        command = List.copyOf(command);
        env = List.copyOf(env);
        writablePaths = List.copyOf(writablePaths);
        after = List.copyOf(after);
    }

    public static Builder builder(NamespaceRef namespace, AppLabels labels, String prefix, ContainerImage image) {
        return new Builder(namespace, labels, prefix, image);
    }

    public static final class Builder {
        private final NamespaceRef namespace;
        private final AppLabels labels;
        private final String prefix;
        private final ContainerImage image;
        private List<String> command = List.of();
        private final List<EnvVarArgs> env = new ArrayList<>();
        private RunAs runAs = RunAs.APP;
        private ComputeResources resources = ComputeResources.MEDIUM;
        private final List<String> writablePaths = new ArrayList<>(List.of("/tmp"));
        private Duration timeout = DEFAULT_TIMEOUT;
        private int retries = 1;
        private final List<Resource> after = new ArrayList<>();
        private Optional<String> nodePool = Optional.empty();

        private Builder(NamespaceRef namespace, AppLabels labels, String prefix, ContainerImage image) {
            this.namespace = namespace;
            this.labels = labels;
            this.prefix = prefix;
            this.image = image;
        }

        public Builder command(List<String> value) { command = List.copyOf(value); return this; }
        public Builder env(List<EnvVarArgs> values) { env.addAll(values); return this; }
        public Builder runAs(RunAs value) { runAs = value; return this; }
        public Builder resources(ComputeResources value) { resources = value; return this; }
        public Builder writable(String path) { writablePaths.add(path); return this; }
        public Builder timeout(Duration value) { timeout = Objects.requireNonNull(value); return this; }
        public Builder retries(int value) { retries = value; return this; }
        public Builder after(Resource value) { after.add(Objects.requireNonNull(value)); return this; }
        public Builder nodePool(Optional<String> value) { nodePool = Objects.requireNonNull(value); return this; }

        public MigrationJobArgs build() {
            return new MigrationJobArgs(namespace, labels, prefix, image, command, env, runAs, resources, writablePaths,
                    timeout, retries, after, nodePool);
        }
    }
}
