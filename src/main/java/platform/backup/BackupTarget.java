package platform.backup;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.resources.Resource;
import platform.cloud.BackupBucket;
import platform.k8s.AppLabels;
import platform.k8s.Env;
import platform.k8s.NamespaceRef;
import platform.k8s.SecretKeyRef;
import platform.secrets.KubeSecrets;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Where a namespace's backup jobs write: the stack's bucket, reached with its scoped key, through
 * a Secret in the namespace with Bow-Mark's {@code spaces} layout ({@code name}, {@code region},
 * {@code key}, {@code secret}).
 */
public record BackupTarget(String secretName) {
    public static final String SECRET = "spaces";

    /** Writes the credentials Secret into the namespace; nobody types a key by hand. */
    public static BackupTarget in(Resource parent, NamespaceRef namespace, AppLabels labels, BackupBucket bucket) {
        var data = new LinkedHashMap<String, Output<String>>();
        data.put("name", bucket.bucketName());
        data.put("region", Output.of(bucket.region()));
        data.put("key", bucket.accessKey());
        data.put("secret", bucket.secretKey());
        KubeSecrets.create(parent, SECRET, namespace, labels, data);
        return new BackupTarget(SECRET);
    }

    /** The AWS CLI's view of the bucket; the endpoint is built by the kubelet from the region key. */
    List<EnvVarArgs> s3Env() {
        return List.of(
                Env.fromSecret("BUCKET", new SecretKeyRef(secretName, "name")),
                Env.fromSecret("SPACES_REGION", new SecretKeyRef(secretName, "region")),
                Env.plain("S3_ENDPOINT", "https://$(SPACES_REGION).digitaloceanspaces.com"),
                Env.fromSecret("AWS_ACCESS_KEY_ID", new SecretKeyRef(secretName, "key")),
                Env.fromSecret("AWS_SECRET_ACCESS_KEY", new SecretKeyRef(secretName, "secret")),
                // Spaces signs requests like us-east-1 whatever the bucket's region.
                Env.plain("AWS_DEFAULT_REGION", "us-east-1"),
                Env.plain("HOME", "/tmp"));
    }
}
