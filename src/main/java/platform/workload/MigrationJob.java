package platform.workload;

import com.pulumi.kubernetes.batch.v1.Job;
import com.pulumi.kubernetes.batch.v1.JobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import platform.k8s.Hardening;
import platform.k8s.ImageRef;
import platform.k8s.Meta;
import platform.k8s.NodePool;
import platform.k8s.Sha256;
import platform.k8s.Volumes;

import javax.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A schema migration that must succeed before the app that needs it changes. One Job per image,
 * named after it ({@code api-migrate-9253acd5ea6f}), so each release migrates once and a new image
 * is a new Job. Pulumi's Kubernetes provider waits for a Job to complete and fails the update when
 * the Job fails; a Deployment that lists {@link #job()} in its {@code dependsOn} is therefore
 * updated only after a successful migration, and a failed one leaves it running as it was.
 */
public final class MigrationJob extends ComponentResource {
    /**
     * A Job that failed is replaced (run again) on the next {@code pulumi up} instead of being awaited
     * once more: the provider's {@code pulumi.com/replaceUnready} annotation.
     */
    public static final String REPLACE_UNREADY = "pulumi.com/replaceUnready";
    /** How long Pulumi waits beyond the Job's own deadline, to report the Job's failure rather than its own timeout. */
    static final Duration AWAIT_MARGIN = Duration.ofMinutes(2);
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final int ID_LENGTH = 12;

    private final MigrationJobArgs args;
    private final String jobName;
    private final Job job;

    public MigrationJob(String name, MigrationJobArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:workload:MigrationJob", name, options);
        this.args = args;
        this.jobName = nameFor(args.prefix(), args.image().ref());
        var labels = args.labels();

        var volumes = new ArrayList<VolumeArgs>();
        var mounts = new ArrayList<VolumeMountArgs>();
        for (int i = 0; i < args.writablePaths().size(); i++) {
            volumes.add(Volumes.scratch("scratch-" + i));
            mounts.add(Volumes.mount("scratch-" + i, args.writablePaths().get(i)));
        }
        var container = ContainerArgs.builder()
                .name("migrate")
                .image(args.image().reference())
                .command(args.command())
                .env(args.env())
                .resources(args.resources().toArgs())
                .securityContext(Hardening.container())
                .volumeMounts(mounts)
                .build();
        var pod = PodSpecArgs.builder()
                .restartPolicy("Never")
                .securityContext(Hardening.pod(args.runAs()))
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .containers(container)
                .volumes(volumes);
        NodePool.selector(args.nodePool()).ifPresent(pod::nodeSelector);
        var wait = args.timeout().plus(AWAIT_MARGIN);
        // Kept after it ran (no TTL), so its log stays readable until the next release's Job replaces it.
        job = new Job(args.namespace().name() + "-" + args.prefix(), JobArgs.builder()
                .metadata(Meta.of(jobName, args.namespace(), labels, Map.of(REPLACE_UNREADY, "true")))
                .spec(JobSpecArgs.builder()
                        .backoffLimit(args.retries())
                        .activeDeadlineSeconds((int) args.timeout().toSeconds())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels.all()).build())
                                .spec(pod.build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder()
                .parent(this)
                .dependsOn(args.after().toArray(Resource[]::new))
                .customTimeouts(CustomTimeouts.builder().create(wait).update(wait).build())
                .build());
        registerOutputs(Map.of());
    }

    /**
     * The Job's name for an image: the prefix and the image's id, which is the digest's first 12 hex
     * characters when config pins one, else a commit tag's first 12, else 12 of the tag's SHA-256
     * (a release tag such as {@code 1.4.2} is not a DNS label on its own).
     */
    public static String nameFor(String prefix, ImageRef image) {
        String id;
        if (image.digest().isPresent()) {
            id = image.digest().get().substring("sha256:".length());
        } else if (COMMIT.matcher(image.tag()).matches()) {
            id = image.tag();
        } else {
            id = Sha256.hex(image.tag());
        }
        return prefix + "-" + id.substring(0, Math.min(ID_LENGTH, id.length()));
    }

    /** The Job's name in the cluster: {@code kubectl logs job/<name> -n <namespace>}. */
    public String jobName() {
        return jobName;
    }

    /** What the app's Deployment lists in its {@code dependsOn}. */
    public Job job() {
        return job;
    }

    /** The pod's selector labels, the same for every release: the datastore admits them. */
    public Map<String, String> podLabels() {
        return args.labels().selector();
    }

    public MigrationJobArgs args() {
        return args;
    }
}
