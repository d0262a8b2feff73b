package platform;

import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import org.junit.jupiter.api.Test;
import platform.render.ProgramRun;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline check itself: a workload written without the platform's helpers fails it, rule by rule. */
class BaselineTest {

    @Test
    void aHandWrittenWorkloadBreaksEveryRule() {
        var result = ProgramRun.run(ctx -> {
            new Deployment("naive", DeploymentArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("naive").namespace("demo").build())
                    .spec(DeploymentSpecArgs.builder().replicas(3)
                            .selector(LabelSelectorArgs.builder().matchLabels(Map.of("app", "naive")).build())
                            .template(PodTemplateSpecArgs.builder().spec(PodSpecArgs.builder()
                                    .containers(ContainerArgs.builder().name("app").image("nginx").build()).build()).build())
                            .build())
                    .build());
            new Service("exposed", ServiceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("exposed").namespace("demo").build())
                    .spec(ServiceSpecArgs.builder().type("LoadBalancer").build()).build());
        }, "test", Map.of(), Set.of());

        assertThat(result.problems()).isEmpty();
        var violations = String.join("\n", Baseline.violations(result.resources(), true));
        assertThat(violations)
                .contains("Deployment demo/naive: missing label app.kubernetes.io/part-of")
                .contains("Deployment demo/naive: automountServiceAccountToken is not false")
                .contains("container app: needs requests.cpu, requests.memory and limits.memory")
                .contains("container app: allowPrivilegeEscalation is not false")
                .contains("container app: capabilities do not drop ALL")
                .contains("container app: seccompProfile is not RuntimeDefault")
                .contains("container app: must run as non-root with an explicit non-zero runAsUser")
                .contains("container app: readOnlyRootFilesystem is not true")
                .contains("container app: image nginx has no pinned tag")
                .contains("container app: long-running container without readiness and liveness probes")
                .contains("3 replicas without topology spread or anti-affinity")
                .contains("3 replicas without a PodDisruptionBudget")
                .contains("Service demo/exposed: Service of type LoadBalancer");
    }
}
