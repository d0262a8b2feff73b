package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.secrets.CredentialSource;

import java.util.Objects;
import java.util.Optional;

/**
 * @param name        StatefulSet and Service name; default {@code mongodb}. Secrets: {@code <name>-root}, {@code <name>}
 * @param database    the app database; the app user gets {@code readWrite} on it and nothing else
 * @param appUser     the app's user, created on first start and kept in step with its Secret on every start
 * @param volume      default 10Gi on the retain class at {@code /data/db}
 * @param rootPassword generated or given; applied by the image on first start only
 * @param appPassword  the app user's, generated or given (a new one is applied on the next start)
 */
public record MongoDbArgs(NamespaceRef namespace, String system, String name, ContainerImage image, String database,
                          String appUser, VolumeClaim volume, ComputeResources resources, CredentialSource rootPassword,
                          CredentialSource appPassword, boolean protect) {
    public static final String DATA_PATH = "/data/db";

    public MongoDbArgs {
        Objects.requireNonNull(namespace, "namespace");
        if (!database.matches("[a-zA-Z0-9_-]{1,63}")) {
            throw new IllegalArgumentException("mongodb database must be 1-63 letters, digits, '_' or '-', got " + database);
        }
        if (!appUser.matches("[a-zA-Z0-9_-]{1,63}") || appUser.equals("root")) {
            throw new IllegalArgumentException("mongodb appUser must be 1-63 letters, digits, '_' or '-' and not root, got " + appUser);
        }
        Objects.requireNonNull(image, "image of mongodb " + name);
        Objects.requireNonNull(rootPassword, "rootPassword of mongodb " + name);
        Objects.requireNonNull(appPassword, "appPassword of mongodb " + name);
    }

    public static MongoDbArgs of(NamespaceRef namespace, String system, ContainerImage image, String database, String appUser,
                                 String size, Optional<String> storageClass, CredentialSource rootPassword,
                                 CredentialSource appPassword, boolean protect) {
        return new MongoDbArgs(namespace, system, "mongodb", image, database, appUser,
                new VolumeClaim(size, storageClass, DATA_PATH), ComputeResources.LARGE, rootPassword, appPassword, protect);
    }
}
