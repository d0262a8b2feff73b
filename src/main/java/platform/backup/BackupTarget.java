package platform.backup;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.k8s.ContainerImage;
import platform.k8s.Env;
import platform.k8s.SecretKeyRef;

import java.util.List;
import java.util.Objects;

/**
 * Where a namespace's backup jobs write, through the Secret {@value #SECRET} ({@code name},
 * {@code endpoint}, {@code region}, {@code key}, {@code secret}) that only those jobs read: no app
 * pod references it, so no app can read or delete backups.
 *
 * @param prefixRoot put before every object key: empty in a system's own bucket, {@code <system>/} in a shared one
 * @param awsCli     the image of the jobs' upload and download steps
 */
public record BackupTarget(String secretName, String prefixRoot, ContainerImage awsCli) {
    public static final String SECRET = "backup-bucket";

    public BackupTarget {
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(prefixRoot, "prefixRoot");
        Objects.requireNonNull(awsCli, "awsCli");
    }

    /** The same bucket and prefix, with the AWS CLI image a system pins itself (Project 88 pins every image by digest in config). */
    public BackupTarget withAwsCli(ContainerImage image) {
        return new BackupTarget(secretName, prefixRoot, image);
    }

    /** The full prefix of a kind of backup, e.g. {@code pg-backups/} or {@code marc/pg-backups/}. */
    String prefix(String kind) {
        return prefixRoot + kind;
    }

    /** The AWS CLI's view of the bucket. */
    List<EnvVarArgs> s3Env() {
        return List.of(
                Env.fromSecret("BUCKET", new SecretKeyRef(secretName, "name")),
                Env.fromSecret("S3_ENDPOINT", new SecretKeyRef(secretName, "endpoint")),
                Env.fromSecret("AWS_DEFAULT_REGION", new SecretKeyRef(secretName, "region")),
                Env.fromSecret("AWS_ACCESS_KEY_ID", new SecretKeyRef(secretName, "key")),
                Env.fromSecret("AWS_SECRET_ACCESS_KEY", new SecretKeyRef(secretName, "secret")),
                Env.plain("HOME", "/tmp"));
    }
}
