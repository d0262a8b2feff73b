package platform.workload;

import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.CronJobs;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;
import platform.k8s.RunAs;
import platform.k8s.Volumes;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Restarts named Deployments on a schedule (clears memory and stale connections). Its own
 * ServiceAccount may only {@code get} and {@code patch} exactly those Deployments.
 *
 * @param cronJob     the CronJob's name
 * @param role        the Role's name (Bow-Mark: {@code deployment-manager-role})
 * @param deployments the Deployments to restart, by name
 * @param kubectl     a kubectl image matching the cluster's minor ({@code platform.Versions.KUBECTL})
 */
public final class ScheduledRestart extends ComponentResource {
    public record Args(NamespaceRef namespace, String system, String cronJob, String role, String schedule,
                       List<String> deployments, ContainerImage kubectl) {
        public Args {
            CronJobs.requireSchedule(cronJob, schedule);
            deployments = List.copyOf(deployments);
            if (deployments.isEmpty()) {
                throw new IllegalArgumentException(cronJob + " needs at least one deployment to restart");
            }
        }
    }

    public ScheduledRestart(String name, Args args, @Nullable ComponentResourceOptions options) {
        super("platform:workload:ScheduledRestart", name, options);
        var namespace = args.namespace();
        var labels = AppLabels.of(args.system(), args.cronJob(), args.cronJob(), "maintenance");
        var account = args.role().replaceFirst("-role$", "");
        var childOptions = CustomResourceOptions.builder().parent(this).build();

        new ServiceAccount(namespace.name() + "-" + account, ServiceAccountArgs.builder()
                .metadata(Meta.of(account, namespace, labels))
                .automountServiceAccountToken(false)
                .build(), childOptions);
        new Role(namespace.name() + "-" + args.role(), RoleArgs.builder()
                .metadata(Meta.of(args.role(), namespace, labels))
                .rules(PolicyRuleArgs.builder()
                        .apiGroups("apps").resources("deployments")
                        .resourceNames(args.deployments())
                        .verbs("get", "patch")
                        .build())
                .build(), childOptions);
        new RoleBinding(namespace.name() + "-" + account + "-binding", RoleBindingArgs.builder()
                .metadata(Meta.of(account + "-binding", namespace, labels))
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role").name(args.role()).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(account).namespace(namespace.name()).build())
                .build(), childOptions);

        var command = new ArrayList<>(List.of("kubectl", "rollout", "restart"));
        args.deployments().forEach(deployment -> command.add("deployment/" + deployment));
        var pod = PodSpecArgs.builder()
                .serviceAccountName(account)
                // The one workload that calls the Kubernetes API: it needs its token.
                .automountServiceAccountToken(true)
                .restartPolicy("OnFailure")
                .securityContext(Hardening.pod(RunAs.TOOL))
                .containers(ContainerArgs.builder()
                        .name("restart")
                        .image(args.kubectl().reference())
                        .command(command)
                        .env(Env.plain("HOME", "/tmp"))
                        .resources(ComputeResources.SMALL.toArgs())
                        .securityContext(Hardening.container())
                        .volumeMounts(Volumes.mount("tmp", "/tmp"))
                        .build())
                .volumes(Volumes.scratch("tmp"))
                .build();
        CronJobs.create(this, args.cronJob(), namespace, labels, args.schedule(), pod, 2);
        registerOutputs(Map.of());
    }
}
