package platform.backup;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import platform.cloud.BackupBucket;
import platform.config.BackupSettings;
import platform.k8s.AppLabels;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.secrets.KubeSecrets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each system's backups go: its own Spaces bucket (a stack that creates its cluster), or its
 * own prefix of one S3-compatible bucket from config (an existing cluster), or nowhere (no
 * {@code platform:backups}: no backup jobs either).
 */
public final class BackupStorage {
    private final Map<String, BackupBucket> buckets;
    private final Optional<BackupSettings.External> external;
    private final ContainerImage awsCli;

    private BackupStorage(Map<String, BackupBucket> buckets, Optional<BackupSettings.External> external, ContainerImage awsCli) {
        this.buckets = Map.copyOf(buckets);
        this.external = external;
        this.awsCli = awsCli;
    }

    /** @param buckets the platform-made bucket of each system, by system name */
    public static BackupStorage spaces(Map<String, BackupBucket> buckets, ContainerImage awsCli) {
        return new BackupStorage(buckets, Optional.empty(), awsCli);
    }

    public static BackupStorage external(BackupSettings.External settings, ContainerImage awsCli) {
        return new BackupStorage(Map.of(), Optional.of(settings), awsCli);
    }

    public static BackupStorage none() {
        return new BackupStorage(Map.of(), Optional.empty(), null);
    }

    /**
     * The system's backup target in its namespace: writes the {@value BackupTarget#SECRET} Secret that
     * only its backup and restore jobs read. Empty when the stack keeps no backups.
     */
    public Optional<BackupTarget> targetFor(Resource parent, String system, NamespaceRef namespace, AppLabels labels) {
        var data = new LinkedHashMap<String, Output<String>>();
        String prefixRoot;
        if (buckets.containsKey(system)) {
            var bucket = buckets.get(system);
            data.put("name", bucket.bucketName());
            data.put("endpoint", Output.of(bucket.endpoint()));
            // Spaces signs requests like us-east-1, whatever the bucket's region.
            data.put("region", Output.of("us-east-1"));
            data.put("key", bucket.accessKey());
            data.put("secret", bucket.secretKey());
            prefixRoot = "";
        } else if (external.isPresent()) {
            var s3 = external.get();
            data.put("name", Output.of(s3.bucket()));
            data.put("endpoint", Output.of(s3.endpoint()));
            data.put("region", Output.of(s3.region()));
            data.put("key", s3.accessKeyId());
            data.put("secret", s3.secretAccessKey());
            prefixRoot = system + "/";
        } else {
            return Optional.empty();
        }
        KubeSecrets.create(parent, BackupTarget.SECRET, namespace, labels.forInstance("backup-bucket", "backup-bucket", "backup"), data);
        return Optional.of(new BackupTarget(BackupTarget.SECRET, prefixRoot, awsCli));
    }
}
