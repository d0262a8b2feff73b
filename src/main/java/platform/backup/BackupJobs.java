package platform.backup;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import platform.data.Datastore;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.CronJobs;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;
import platform.k8s.NodePool;
import platform.k8s.RunAs;
import platform.k8s.Volumes;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape every backup and restore-check job shares: step 1 in the database's own image (dump or
 * restore tools), step 2 in the AWS CLI image, handing files over in an emptyDir; scripts from a
 * ConfigMap; each step fails the job on any error.
 */
final class BackupJobs {
    static final String WORK_DIR_BACKUP = "/backup";
    static final String WORK_DIR_RESTORE = "/restore";

    private BackupJobs() {
    }

    /** The shared scripts plus the datastore's own, as files of a ConfigMap mounted at /scripts. */
    private static ConfigMap scripts(Resource parent, String name, NamespaceRef namespace, AppLabels labels, List<String> ownScripts) {
        var files = new ArrayList<>(SHARED_SCRIPTS);
        files.addAll(ownScripts);
        return new ConfigMap(namespace.name() + "-" + name, ConfigMapArgs.builder()
                .metadata(Meta.of(name, namespace, labels))
                .data(BackupScripts.all(files))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    record Step(String name, ContainerImage image, String script, List<EnvVarArgs> env, RunAs runAs) {
    }

    /**
     * What a datastore brings to its two jobs, {@code <kind>-backup} and {@code <kind>-restore-check};
     * its scripts are {@code <kind>-dump.sh} and {@code <kind>-restore-check.sh}.
     *
     * @param kind       {@code pg} or {@code mongo}: names the jobs, their scripts and their ConfigMap
     * @param image      the datastore's image, which has its dump and restore tools
     * @param storeEnv   how the dump step reaches the datastore
     * @param restoreEnv how the restore step reaches it
     * @param uploadEnv  see {@link #uploadEnv}
     * @param fetchEnv   see {@link #fetchEnv}
     */
    record Plan(Datastore store, BackupTarget target, String kind, ContainerImage image, RunAs runAs, String schedule,
                String restoreCheckSchedule, List<EnvVarArgs> storeEnv, List<EnvVarArgs> restoreEnv, List<EnvVarArgs> uploadEnv,
                List<EnvVarArgs> fetchEnv) {
        String backupJob() {
            return kind + "-backup";
        }

        String restoreCheckJob() {
            return kind + "-restore-check";
        }
    }

    /** The labels of a datastore's job: its system, the job's name, component {@code backup}. */
    static AppLabels labels(Datastore store, String job) {
        return store.labels().forInstance(job, job, "backup");
    }

    /** The scripts ConfigMap, both CronJobs, and the datastore admitting both jobs. */
    static void install(Resource parent, Plan plan) {
        var store = plan.store();
        var namespace = store.namespace();
        var backupLabels = labels(store, plan.backupJob());
        var checkLabels = labels(store, plan.restoreCheckJob());
        var scripts = plan.kind() + "-backup-scripts";
        scripts(parent, scripts, namespace, backupLabels, List.of(plan.kind() + "-dump.sh", plan.kind() + "-restore-check.sh"));
        cronJob(parent, store, plan.backupJob(), backupLabels, plan.schedule(), scripts, WORK_DIR_BACKUP,
                new Step("dump", plan.image(), plan.kind() + "-dump.sh", plan.storeEnv(), plan.runAs()),
                new Step("upload", plan.target().awsCli(), "upload.sh", plan.uploadEnv(), RunAs.TOOL));
        cronJob(parent, store, plan.restoreCheckJob(), checkLabels, plan.restoreCheckSchedule(), scripts, WORK_DIR_RESTORE,
                new Step("fetch", plan.target().awsCli(), "fetch-newest.sh", plan.fetchEnv(), RunAs.TOOL),
                new Step("restore", plan.image(), plan.kind() + "-restore-check.sh", plan.restoreEnv(), plan.runAs()));
        store.allowFrom(plan.backupJob(), backupLabels.selector());
        store.allowFrom(plan.restoreCheckJob(), checkLabels.selector());
    }

    /** The scripts every job carries besides its own dump and restore steps. */
    static final List<String> SHARED_SCRIPTS = List.of("retention.sh", "s3.sh", "upload.sh", "fetch-newest.sh");

    /** Step 2 of a backup: upload under the target's {@code kind} prefix, then prune by {@code retention} (see upload.sh). */
    static List<EnvVarArgs> uploadEnv(BackupTarget target, String kind, String retention, List<EnvVarArgs> extra) {
        var env = new ArrayList<>(target.s3Env());
        env.add(Env.plain("PREFIX", target.prefix(kind)));
        env.add(Env.plain("RETENTION", retention));
        env.addAll(extra);
        return env;
    }

    /** Step 1 of a restore check: fetch the newest dump of each name, failing when missing or stale. */
    static List<EnvVarArgs> fetchEnv(BackupTarget target, String kind, String names, String extension, int maxAgeHours,
                                     List<EnvVarArgs> extra) {
        var env = new ArrayList<>(target.s3Env());
        env.add(Env.plain("PREFIX", target.prefix(kind)));
        env.add(Env.plain("NAMES", names));
        env.add(Env.plain("EXTENSION", extension));
        env.add(Env.plain("MAX_AGE_HOURS", Integer.toString(maxAgeHours)));
        env.addAll(extra);
        return env;
    }

    /** {@code first} runs as an init container, {@code second} after it succeeded. */
    private static void cronJob(Resource parent, Datastore store, String name, AppLabels labels, String schedule,
                        String scriptsConfigMap, String workDir, Step first, Step second) {
        var pod = PodSpecArgs.builder()
                .restartPolicy("Never")
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .securityContext(Hardening.pod(second.runAs()))
                .initContainers(container(first, workDir))
                .containers(container(second, workDir))
                .volumes(Volumes.scratch("work"), Volumes.scratch("tmp"), Volumes.configMap("scripts", scriptsConfigMap, 0555));
        // Next to its datastore: the pool sized for it, and the same zone for a large dump.
        NodePool.selector(store.nodePool()).ifPresent(pod::nodeSelector);
        CronJobs.create(parent, name, store.namespace(), labels, schedule, pod.build(), 1);
    }

    private static ContainerArgs container(Step step, String workDir) {
        return ContainerArgs.builder()
                .name(step.name())
                .image(step.image().reference())
                .command("bash", "/scripts/" + step.script())
                .env(step.env())
                .resources(ComputeResources.MEDIUM.toArgs())
                .securityContext(Hardening.container(step.runAs()))
                .volumeMounts(Volumes.mount("work", workDir), Volumes.mount("tmp", "/tmp"), Volumes.readOnly("scripts", "/scripts"))
                .build();
    }
}
