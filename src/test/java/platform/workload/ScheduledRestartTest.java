package platform.workload;

import platform.Versions;
import platform.k8s.ContainerImage;
import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.k8s.NamespaceRef;
import platform.render.ProgramRun;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

class ScheduledRestartTest {
    private static final ContainerImage KUBECTL = ContainerImage.of(Versions.KUBECTL);
    private static final ScheduledRestart.Args ARGS = new ScheduledRestart.Args(NamespaceRef.existing("bowmark"), "bowmark",
            "nightly-worker-restart", "deployment-manager-role", "0 7 * * *", List.of("worker-deployment", "consumer-deployment"), KUBECTL);

    @Test
    void itRestartsExactlyTheNamedDeploymentsWithAnAccountThatMayDoNothingElse() {
        var result = ProgramRun.run(ctx -> new ScheduledRestart("restart", ARGS, null), "test", Map.of(), Set.of());

        var job = Stacks.object(result, "CronJob", "bowmark", "nightly-worker-restart");
        var container = map(list(job.input("spec.jobTemplate.spec.template.spec.containers").orElseThrow()).get(0));
        assertThat(container.get("command")).isEqualTo(List.of("kubectl", "rollout", "restart",
                "deployment/worker-deployment", "deployment/consumer-deployment"));
        assertThat(job.input("spec.timeZone")).contains("Etc/UTC");
        var rule = map(list(Stacks.object(result, "Role", "bowmark", "deployment-manager-role").inputs().get("rules")).get(0));
        assertThat(rule).containsEntry("verbs", List.of("get", "patch")).containsEntry("apiGroups", List.of("apps"))
                .containsEntry("resourceNames", List.of("worker-deployment", "consumer-deployment"));
        assertThat(Stacks.object(result, "ServiceAccount", "bowmark", "deployment-manager").inputs())
                .containsEntry("automountServiceAccountToken", false);
        assertThat(Baseline.violations(result.resources(), true)).isEmpty();
    }

    @Test
    void aBadScheduleOrNoDeploymentIsRejected() {
        assertThatThrownBy(() -> new ScheduledRestart.Args(NamespaceRef.existing("x"), "x", "restart", "role", "7am daily", List.of("a"), KUBECTL))
                .hasMessageContaining("schedule of restart \"7am daily\" has 2 fields, expected 5");
        assertThatThrownBy(() -> new ScheduledRestart.Args(NamespaceRef.existing("x"), "x", "restart", "role", "0 25 * * *", List.of("a"), KUBECTL))
                .hasMessageContaining("hour \"25\": \"25\" is not a number from 0 to 23");
        assertThatThrownBy(() -> new ScheduledRestart.Args(NamespaceRef.existing("x"), "x", "restart", "role", "0 7 * * *", List.of(), KUBECTL))
                .hasMessageContaining("restart needs at least one deployment");
    }
}
