package platform.k8s;

import com.pulumi.kubernetes.batch.v1.CronJob;
import com.pulumi.kubernetes.batch.v1.CronJobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.CronJobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;


/**
 * Scheduled jobs, all alike: never two runs at once ({@code Forbid}), a missed run started at most
 * an hour late, the last runs kept for {@code kubectl get jobs}, no TTL that would hide the last
 * result, times in UTC.
 */
public final class CronJobs {
    private CronJobs() {
    }

    /** Checks a schedule field by field ({@link CronSchedule}); the message names the job. */
    public static String requireSchedule(String job, String schedule) {
        return CronSchedule.require(job, schedule);
    }

    public static CronJob create(Resource parent, String name, NamespaceRef namespace, AppLabels labels, String schedule,
                                 PodSpecArgs pod, int backoffLimit) {
        return create(parent, name, namespace, labels, schedule, false, pod, backoffLimit);
    }

    /** February 31st: a template's schedule, which never fires even if someone resumes it. */
    public static final String NEVER = "0 0 31 2 *";

    /**
     * A Job template: a suspended CronJob that never fires, started by hand with
     * {@code kubectl create job --from=cronjob/<name> <job> -n <namespace>}; no retry ({@code backoffLimit} 0),
     * since what it does (a restore) is looked at before it is run again.
     */
    public static CronJob template(Resource parent, String name, NamespaceRef namespace, AppLabels labels, PodSpecArgs pod) {
        return create(parent, name, namespace, labels, NEVER, true, pod, 0);
    }

    private static CronJob create(Resource parent, String name, NamespaceRef namespace, AppLabels labels, String schedule,
                                  boolean suspended, PodSpecArgs pod, int backoffLimit) {
        requireSchedule(name, schedule);
        return new CronJob(namespace.name() + "-" + name, CronJobArgs.builder()
                .metadata(Meta.of(name, namespace, labels))
                .spec(CronJobSpecArgs.builder()
                        .schedule(schedule)
                        .suspend(suspended)
                        .timeZone("Etc/UTC")
                        .concurrencyPolicy("Forbid")
                        .startingDeadlineSeconds(3600)
                        .successfulJobsHistoryLimit(3)
                        .failedJobsHistoryLimit(3)
                        .jobTemplate(JobTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels.all()).build())
                                .spec(JobSpecArgs.builder()
                                        .backoffLimit(backoffLimit)
                                        .template(PodTemplateSpecArgs.builder()
                                                .metadata(ObjectMetaArgs.builder().labels(labels.all()).build())
                                                .spec(pod)
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
