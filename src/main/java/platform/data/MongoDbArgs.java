package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.secrets.CredentialSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * @param name         StatefulSet and Service name; default {@code mongodb}. Secrets: {@code <name>-root}, {@code <name>}
 * @param database     the app database; the app user is created in it and gets {@code readWrite} on it
 * @param appUser      the app's user, created on first start and kept in step with its Secret on every start
 * @param volume       default 10Gi on the retain class at {@code /data/db}
 * @param rootPassword generated or given; applied by the image on first start only
 * @param appPassword  the app user's, generated or given (a new one is applied on the next start)
 * @param extraRoles   database roles the app user holds besides {@code readWrite} on its database, e.g.
 *                     {@code userAdmin} and {@code read} on a second database; none by default
 * @param nodePool     the DOKS pool it runs on (its backup jobs too), or empty for any node
 */
public record MongoDbArgs(NamespaceRef namespace, String system, String name, ContainerImage image, String database,
                          String appUser, VolumeClaim volume, ComputeResources resources, CredentialSource rootPassword,
                          CredentialSource appPassword, boolean protect, List<Role> extraRoles, Optional<String> nodePool) {
    public static final String DATA_PATH = "/data/db";
    /** A database or user name: 1-63 letters, digits, {@code _} or {@code -}. */
    private static final String NAME = "[a-zA-Z0-9_-]{1,63}";

    /**
     * A built-in role on one database. Only database-level roles: cluster-wide ones, and any role on
     * {@code admin}, {@code local} or {@code config}, would make the app user an administrator.
     */
    public record Role(String role, String db) {
        public static final Set<String> DATABASE_ROLES = Set.of("read", "readWrite", "dbAdmin", "userAdmin", "dbOwner");

        public Role {
            if (!DATABASE_ROLES.contains(role)) {
                throw new IllegalArgumentException("mongodb app user role must be one of " + new TreeSet<>(DATABASE_ROLES)
                        + ", got " + role);
            }
            if (db == null || !db.matches(NAME) || Set.of("admin", "local", "config").contains(db)) {
                throw new IllegalArgumentException("mongodb app user role " + role + " needs an app database, got " + db);
            }
        }

        /** As mongosh's createUser takes it. */
        String toJson() {
            return "{\"role\":\"" + role + "\",\"db\":\"" + db + "\"}";
        }
    }

    public MongoDbArgs {
        Objects.requireNonNull(namespace, "namespace");
        if (!database.matches(NAME)) {
            throw new IllegalArgumentException("mongodb database must be 1-63 letters, digits, '_' or '-', got " + database);
        }
        if (!appUser.matches(NAME) || appUser.equals("root")) {
            throw new IllegalArgumentException("mongodb appUser must be 1-63 letters, digits, '_' or '-' and not root, got " + appUser);
        }
        Objects.requireNonNull(image, "image of mongodb " + name);
        Objects.requireNonNull(rootPassword, "rootPassword of mongodb " + name);
        Objects.requireNonNull(appPassword, "appPassword of mongodb " + name);
        extraRoles = List.copyOf(extraRoles);
        Objects.requireNonNull(nodePool, "nodePool of mongodb " + name);
    }

    /** {@code mongodb} on any node, without extra roles: the app user has {@code readWrite} on its database and nothing else. */
    public static MongoDbArgs of(NamespaceRef namespace, String system, ContainerImage image, String database, String appUser,
                                 String size, Optional<String> storageClass, CredentialSource rootPassword,
                                 CredentialSource appPassword, boolean protect) {
        return new MongoDbArgs(namespace, system, "mongodb", image, database, appUser,
                new VolumeClaim(size, storageClass, DATA_PATH), ComputeResources.LARGE, rootPassword, appPassword, protect, List.of(),
                Optional.empty());
    }

    /** The same with these roles added for the app user (Mortimer's: {@code userAdmin} and {@code read} on {@code alfred}). */
    public MongoDbArgs withExtraRoles(List<Role> roles) {
        var all = new ArrayList<>(extraRoles);
        all.addAll(roles);
        return new MongoDbArgs(namespace, system, name, image, database, appUser, volume, resources, rootPassword, appPassword,
                protect, all, nodePool);
    }

    /** The same on a node pool. */
    public MongoDbArgs withNodePool(Optional<String> pool) {
        return new MongoDbArgs(namespace, system, name, image, database, appUser, volume, resources, rootPassword, appPassword,
                protect, extraRoles, pool);
    }

    /** Every database the app keeps data in: its own, then those its extra roles name. Backups dump each. */
    public List<String> databases() {
        var databases = new LinkedHashSet<String>();
        databases.add(database);
        extraRoles.forEach(role -> databases.add(role.db()));
        return List.copyOf(databases);
    }

    /** The extra roles as a JSON array for the start-up script; {@code []} when there are none. */
    String extraRolesJson() {
        return extraRoles.stream().map(Role::toJson).collect(Collectors.joining(",", "[", "]"));
    }
}
