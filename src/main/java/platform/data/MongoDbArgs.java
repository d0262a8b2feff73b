package platform.data;

import platform.k8s.ComputeResources;
import platform.k8s.Images;
import platform.k8s.NamespaceRef;

import java.util.Objects;

/**
 * @param name        StatefulSet and Service name; default {@code mongodb}. Secrets: {@code <name>-root}, {@code <name>}
 * @param database    the app database; the app user gets {@code readWrite} on it and nothing else
 * @param appUser     the app's user, created on first start and kept in step with its Secret on every start
 * @param volume      default 10Gi on the retain class at {@code /data/db}
 * @param appRotation bump to rotate the app user's password (applied on the next start)
 */
public record MongoDbArgs(NamespaceRef namespace, String system, String name, String image, String database,
                          String appUser, VolumeClaim volume, ComputeResources resources, int appRotation, boolean protect) {
    public static final String DEFAULT_IMAGE = platform.Versions.MONGO;
    public static final String DATA_PATH = "/data/db";

    public MongoDbArgs {
        Objects.requireNonNull(namespace, "namespace");
        if (!database.matches("[a-zA-Z0-9_-]{1,63}")) {
            throw new IllegalArgumentException("mongodb database must be 1-63 letters, digits, '_' or '-', got " + database);
        }
        if (!appUser.matches("[a-zA-Z0-9_-]{1,63}") || appUser.equals("root")) {
            throw new IllegalArgumentException("mongodb appUser must be 1-63 letters, digits, '_' or '-' and not root, got " + appUser);
        }
        Images.requirePinned("mongodb " + name, image);
    }

    public static MongoDbArgs of(NamespaceRef namespace, String system, String database, String appUser, String size,
                                 int appRotation, boolean protect) {
        return new MongoDbArgs(namespace, system, "mongodb", DEFAULT_IMAGE, database, appUser,
                VolumeClaim.retained(size, DATA_PATH), ComputeResources.LARGE, appRotation, protect);
    }
}
