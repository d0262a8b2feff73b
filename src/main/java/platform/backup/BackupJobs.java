package platform.backup;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.resources.Resource;
import platform.data.Datastore;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ConfigMaps;
import platform.k8s.ContainerImage;
import platform.k8s.CronJobs;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.NamespaceRef;
import platform.k8s.NodePool;
import platform.k8s.RunAs;
import platform.k8s.Volumes;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape every backup and restore job shares: steps in the database's own image (dump or
 * restore tools) and in the AWS CLI image, handing files over in an emptyDir; scripts from a
 * ConfigMap; each step fails the job on any error. A datastore's dumps get three jobs:
 * {@code <kind>-backup} (scheduled), {@code <kind>-restore-check} (scheduled, into a scratch
 * database) and {@code <kind>-restore} (a template: into the live database, started by hand).
 */
final class BackupJobs {
    static final String WORK_DIR_BACKUP = "/backup";
    static final String WORK_DIR_RESTORE = "/restore";
    /** The restore-into-live job's parameters, as the template sets them; an operator overrides them per run (README). */
    static final String DUMP = "DUMP";
    static final String FORCE = "FORCE";
    static final String NEWEST = "newest";

    private BackupJobs() {
    }

    /** {@code shared} scripts plus a job's {@code own}, as files of a ConfigMap mounted at /scripts. */
    static ConfigMap scripts(Resource parent, String name, NamespaceRef namespace, AppLabels labels, List<String> shared,
                             List<String> own) {
        var files = new ArrayList<>(shared);
        files.addAll(own);
        return ConfigMaps.create(parent, name, namespace, labels, BackupScripts.all(files));
    }

    record Step(String name, ContainerImage image, String script, List<EnvVarArgs> env, RunAs runAs) {
        Step {
            env = List.copyOf(env);
        }
    }

    /**
     * What a datastore brings to its jobs; its scripts are {@code <kind>-dump.sh},
     * {@code <kind>-restore-check.sh}, {@code <kind>-restore.sh} and {@code <kind>-counts.<countsExtension>}.
     *
     * @param kind       {@code pg} or {@code mongo}: names the jobs, their scripts and their ConfigMap
     * @param image      the datastore's image, which has its dump and restore tools
     * @param prefix     the dumps' key prefix under the target's root, e.g. {@code pg-backups/}
     * @param names      the databases, space-separated: each has its folder {@code <prefix><name>/}
     * @param extension  a dump's file extension, e.g. {@code pgdump}
     * @param retention  {@code days:N} or {@code gfs:DAILY:MONTHS} (see upload.sh)
     * @param storeEnv   how the dump and restore steps reach the datastore
     * @param checkEnv   what the restore check adds to {@code storeEnv}
     * @param s3Extra    what the AWS CLI steps add (the SSE-C key of encrypted dumps)
     */
    record Plan(Datastore store, BackupTarget target, String kind, ContainerImage image, RunAs runAs, String schedule,
                String restoreCheckSchedule, String prefix, String names, String extension, String countsExtension,
                String retention, int maxAgeHours, List<EnvVarArgs> storeEnv, List<EnvVarArgs> checkEnv, List<EnvVarArgs> s3Extra) {
        String backupJob() {
            return kind + "-backup";
        }

        String restoreCheckJob() {
            return kind + "-restore-check";
        }

        String restoreJob() {
            return kind + "-restore";
        }
    }

    /** The labels of a datastore's job: its system, the job's name, component {@code backup}. */
    static AppLabels labels(Datastore store, String job) {
        return store.labels().forInstance(job, job, "backup");
    }

    /** The scripts ConfigMap, the three jobs, and the datastore admitting each. */
    static void install(Resource parent, Plan plan) {
        var store = plan.store();
        var namespace = store.namespace();
        var backupLabels = labels(store, plan.backupJob());
        var checkLabels = labels(store, plan.restoreCheckJob());
        var restoreLabels = labels(store, plan.restoreJob());
        var scripts = plan.kind() + "-backup-scripts";
        scripts(parent, scripts, namespace, backupLabels, SHARED_SCRIPTS, List.of(plan.kind() + "-dump.sh",
                plan.kind() + "-restore-check.sh", plan.kind() + "-restore.sh", plan.kind() + "-counts." + plan.countsExtension()));
        var target = plan.target();
        var checkEnv = new ArrayList<>(plan.storeEnv());
        checkEnv.addAll(plan.checkEnv());
        var fetchEnv = fetchEnv(target, plan.prefix(), plan.names(), plan.extension(), plan.s3Extra());
        var checkFetchEnv = new ArrayList<>(fetchEnv);
        checkFetchEnv.add(Env.plain("MAX_AGE_HOURS", Integer.toString(plan.maxAgeHours())));

        CronJobs.create(parent, plan.backupJob(), namespace, backupLabels, plan.schedule(), pod(store, scripts, WORK_DIR_BACKUP, List.of(
                new Step("dump", plan.image(), plan.kind() + "-dump.sh", plan.storeEnv(), plan.runAs()),
                new Step("upload", target.awsCli(), "upload.sh", uploadEnv(target, plan.prefix(), plan.retention(), plan.s3Extra()), RunAs.TOOL))), 1);
        CronJobs.create(parent, plan.restoreCheckJob(), namespace, checkLabels, plan.restoreCheckSchedule(), pod(store, scripts, WORK_DIR_RESTORE, List.of(
                new Step("fetch", target.awsCli(), "fetch-newest.sh", checkFetchEnv, RunAs.TOOL),
                new Step("restore", plan.image(), plan.kind() + "-restore-check.sh", checkEnv, plan.runAs()))), 1);
        CronJobs.template(parent, plan.restoreJob(), namespace, restoreLabels, pod(store, scripts, WORK_DIR_RESTORE, List.of(
                new Step("fetch", target.awsCli(), "fetch-dump.sh", withParameters(fetchEnv), RunAs.TOOL),
                new Step("restore", plan.image(), plan.kind() + "-restore.sh", withParameters(plan.storeEnv()), plan.runAs()))));
        store.allowFrom(plan.backupJob(), backupLabels.selector());
        store.allowFrom(plan.restoreCheckJob(), checkLabels.selector());
        store.allowFrom(plan.restoreJob(), restoreLabels.selector());
    }

    /** The restore's parameters with their safe values: the newest dumps, and no replacing of data. */
    private static List<EnvVarArgs> withParameters(List<EnvVarArgs> env) {
        var all = new ArrayList<>(env);
        all.add(Env.plain(DUMP, NEWEST));
        all.add(Env.plain(FORCE, "no"));
        return all;
    }

    /** The scripts every dump and restore job carries besides its datastore's own. */
    static final List<String> SHARED_SCRIPTS = List.of("retention.sh", "s3.sh", "upload.sh", "fetch-newest.sh", "fetch-dump.sh",
            "restore-guard.sh");

    /** Step 2 of a backup: upload under the target's {@code prefix}, then prune by {@code retention} (see upload.sh). */
    private static List<EnvVarArgs> uploadEnv(BackupTarget target, String prefix, String retention, List<EnvVarArgs> extra) {
        var env = new ArrayList<>(target.s3Env());
        env.add(Env.plain("PREFIX", target.prefix(prefix)));
        env.add(Env.plain("RETENTION", retention));
        env.addAll(extra);
        return env;
    }

    /** Step 1 of a restore: fetch dumps of {@code names} from under {@code prefix}. */
    private static List<EnvVarArgs> fetchEnv(BackupTarget target, String prefix, String names, String extension, List<EnvVarArgs> extra) {
        var env = new ArrayList<>(target.s3Env());
        env.add(Env.plain("PREFIX", target.prefix(prefix)));
        env.add(Env.plain("NAMES", names));
        env.add(Env.plain("EXTENSION", extension));
        env.addAll(extra);
        return env;
    }

    /**
     * A job's pod: every step but the last as an init container, in order; the last after they all
     * succeeded. Next to its datastore: on the pool sized for it, and in the same zone for a large dump.
     */
    static PodSpecArgs pod(Datastore store, String scriptsConfigMap, String workDir, List<Step> steps) {
        var containers = steps.stream().map(step -> container(step, workDir)).toList();
        var pod = PodSpecArgs.builder()
                .restartPolicy("Never")
                .automountServiceAccountToken(false)
                .enableServiceLinks(false)
                .securityContext(Hardening.pod(steps.get(steps.size() - 1).runAs()))
                .initContainers(containers.subList(0, containers.size() - 1))
                .containers(containers.get(containers.size() - 1))
                .volumes(Volumes.scratch("work"), Volumes.scratch("tmp"), Volumes.configMap("scripts", scriptsConfigMap, 0555));
        NodePool.selector(store.nodePool()).ifPresent(pod::nodeSelector);
        return pod.build();
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
