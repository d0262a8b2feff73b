package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.secrets.CredentialSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param namespace     where it runs
 * @param system        the system it belongs to (label {@code part-of})
 * @param name          StatefulSet, Service and Secret name; default {@code postgres}
 * @param image         a PostgreSQL 16 image ({@code platform.Versions.POSTGRES}, or its alpine flavour)
 * @param owner         the owning role, used by migrations and maintenance (local socket, no password)
 * @param databases     the first is created through {@code POSTGRES_DB}, all are ensured on every start
 * @param appRole       optional least-privilege login role: CRUD on tables, no DDL, kept for new tables
 * @param volume        default 10Gi on the retain class at {@code /var/lib/postgresql/data}
 * @param resources     default {@link ComputeResources#LARGE}
 * @param password      the owner's password: generated (rotation counter) or given; {@code appPassword} likewise for the app role
 * @param nodePool      the DOKS pool it runs on, or empty for any node
 * @param extraLabels   labels beyond the recommended ones on every object and pod, e.g. a running system's {@code app: postgres}
 *                      or a seed's log labels
 * @param protect       {@code protect} the StatefulSet (production)
 * @param ephemeral     data in an emptyDir that goes with the pod instead of a claim: a development stack's
 *                      throwaway data (Project 88's tmpfs "to avoid accumulating test junk"); never with {@code protect}
 * @param walArchiving  continuous WAL archiving for point-in-time recovery; needs durable data
 */
public record PostgresArgs(NamespaceRef namespace, String system, String name, ContainerImage image, String owner,
                           List<Database> databases, Optional<String> appRole, VolumeClaim volume,
                           ComputeResources resources, CredentialSource password, CredentialSource appPassword,
                           boolean protect, boolean ephemeral, Optional<String> nodePool, Map<String, String> extraLabels,
                           Optional<WalArchiving> walArchiving) {
    public static final String DATA_PATH = "/var/lib/postgresql/data";

    public PostgresArgs {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(nodePool, "nodePool");
        extraLabels = Map.copyOf(extraLabels);
        databases = List.copyOf(databases);
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("postgres " + name + " needs at least one database");
        }
        var names = new HashSet<String>();
        var keys = new HashSet<String>();
        for (var database : databases) {
            if (!names.add(database.name()) || !keys.add(database.secretKey())) {
                throw new IllegalArgumentException("postgres " + name + " lists database " + database.name() + " or key " + database.secretKey() + " twice");
            }
        }
        requireRole(owner);
        appRole.ifPresent(PostgresArgs::requireRole);
        if (appRole.isPresent() && appRole.get().equals(owner)) {
            throw new IllegalArgumentException("postgres " + name + ": the app role must differ from the owner " + owner);
        }
        Objects.requireNonNull(image, "image of postgres " + name);
        if (ephemeral && protect) {
            throw new IllegalArgumentException("postgres " + name + " is protected, so its data cannot be ephemeral");
        }
        Objects.requireNonNull(walArchiving, "walArchiving");
        if (ephemeral && walArchiving.isPresent()) {
            throw new IllegalArgumentException("postgres " + name + " has ephemeral data, which point-in-time recovery cannot archive");
        }
    }

    /** The databases' names, in order: what the backup jobs dump and check. */
    public List<String> databaseNames() {
        return databases.stream().map(Database::name).toList();
    }

    private static void requireRole(String role) {
        if (!Database.IDENTIFIER.matcher(role).matches()) {
            throw new IllegalArgumentException("postgres role must be a lower-case SQL identifier, got " + role);
        }
    }

    public static Builder builder(NamespaceRef namespace, String system) {
        return new Builder(namespace, system);
    }

    public static final class Builder {
        private final NamespaceRef namespace;
        private final String system;
        private String name = "postgres";
        private ContainerImage image;
        private String owner;
        private final List<Database> databases = new ArrayList<>();
        private String appRole;
        private VolumeClaim volume = VolumeClaim.retained("10Gi", DATA_PATH);
        private ComputeResources resources = ComputeResources.LARGE;
        private CredentialSource password = CredentialSource.generated();
        private CredentialSource appPassword = CredentialSource.generated();
        private boolean protect;
        private boolean ephemeral;
        private Optional<String> nodePool = Optional.empty();
        private final Map<String, String> extraLabels = new LinkedHashMap<>();
        private WalArchiving walArchiving;

        private Builder(NamespaceRef namespace, String system) {
            this.namespace = namespace;
            this.system = system;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder image(ContainerImage value) { image = value; return this; }
        public Builder owner(String value) { owner = value; return this; }
        public Builder database(String databaseName, String secretKey) { databases.add(new Database(databaseName, secretKey)); return this; }
        public Builder appRole(String value) { appRole = value; return this; }
        public Builder storageSize(String size) { volume = volume.withSize(size); return this; }
        public Builder storageClass(Optional<String> storageClass) { volume = volume.withStorageClass(storageClass); return this; }
        public Builder resources(ComputeResources value) { resources = value; return this; }
        public Builder password(CredentialSource value) { password = value; return this; }
        public Builder appPassword(CredentialSource value) { appPassword = value; return this; }
        public Builder protect(boolean value) { protect = value; return this; }
        public Builder ephemeral(boolean value) { ephemeral = value; return this; }
        public Builder nodePool(Optional<String> pool) { nodePool = Objects.requireNonNull(pool); return this; }
        /** Names the data volume as a seed or the running system does: PVC {@code <claimName>-<name>-0}. */
        public Builder claimName(String value) { volume = volume.withName(value); return this; }
        public Builder labels(Map<String, String> values) { extraLabels.putAll(values); return this; }
        /** Point-in-time recovery, in one call: WAL archived continuously, base backups, a replay check (empty: none). */
        public Builder walArchiving(Optional<? extends WalArchiving> value) { walArchiving = value.orElse(null); return this; }

        public PostgresArgs build() {
            return new PostgresArgs(namespace, system, name, image, Objects.requireNonNull(owner, "owner"), databases,
                    Optional.ofNullable(appRole), volume, resources, password, appPassword, protect, ephemeral, nodePool, extraLabels,
                    Optional.ofNullable(walArchiving));
        }
    }
}
