package platform.backup;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import platform.data.MongoDb;
import platform.k8s.CronJobs;
import platform.k8s.Env;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.secrets.Credential;
import platform.secrets.CredentialSource;
import platform.secrets.KubeSecrets;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * Nightly {@code mongodump --archive --gzip} of each of a {@link MongoDb}'s databases (the app
 * database and those its app user has extra roles on), with the users and roles defined in it, to
 * {@code mongo-backups/<db>/<timestamp>.archive.gz}, encrypted at rest with a generated key (SSE-C;
 * the key is a Pulumi secret and a Kubernetes Secret, {@code <name>-backup-key}); the job keeps, per
 * database, the newest 7 and the newest of each of the last 12 months. A restore check restores the
 * newest archive of each into a scratch database and counts its collections (the app database must have some);
 * {@code mongo-restore}, a template, restores a named archive or the newest into the live database
 * (refusing one that holds documents unless forced; see mongo-restore.sh and the README).
 */
public final class MongoBackup extends ComponentResource {
    public static final String PREFIX = "mongo-backups/";
    public static final int NIGHTLY_KEPT = 7;
    public static final int MONTHS_KEPT = 12;

    /** @param encryptionKey the SSE-C key: generated, or given to keep reading backups made before a move */
    public record Args(MongoDb database, BackupTarget target, String schedule, String restoreCheckSchedule, int maxAgeHours,
                       CredentialSource encryptionKey) {
        public Args {
            CronJobs.requireSchedule("mongo-backup", schedule);
            CronJobs.requireSchedule("mongo-restore-check", restoreCheckSchedule);
            if (maxAgeHours < 1) {
                throw new IllegalArgumentException("mongo-backup maxAgeHours must be positive, got " + maxAgeHours);
            }
        }
    }

    public MongoBackup(String name, Args args, @Nullable ComponentResourceOptions options) {
        super("platform:backup:MongoBackup", name, options);
        var mongo = args.database();
        var namespace = mongo.namespace();
        var databases = String.join(" ", mongo.args().databases());

        // SSE-C takes a 256-bit key: 32 letters and digits are 32 bytes.
        var key = Credential.of(this, name + "-encryption-key", Credential.Kind.ENCRYPTION_KEY, args.encryptionKey());
        var keySecret = mongo.args().name() + "-backup-key";
        KubeSecrets.create(this, keySecret, namespace, BackupJobs.labels(mongo, "mongo-backup"), Map.of("key", key.value()));

        var mongoEnv = List.of(
                Env.plain("MONGO_HOST", mongo.host()),
                Env.plain("MONGO_PORT", Integer.toString(MongoDb.PORT)),
                Env.fromSecret("MONGO_ROOT_PASSWORD", new SecretKeyRef(mongo.rootSecretName(), "password")),
                Env.plain("MONGO_DATABASES", databases),
                Env.plain("MONGO_APP_DATABASE", mongo.args().database()));
        var encryption = Env.fromSecret("ENCRYPTION_KEY", new SecretKeyRef(keySecret, "key"));
        BackupJobs.install(this, new BackupJobs.Plan(mongo, args.target(), "mongo", mongo.args().image(), RunAs.MONGO,
                args.schedule(), args.restoreCheckSchedule(), PREFIX, databases, "archive.gz", "js",
                "gfs:" + NIGHTLY_KEPT + ":" + MONTHS_KEPT, args.maxAgeHours(), mongoEnv, List.of(), List.of(encryption)));
        registerOutputs(Map.of());
    }
}
