package platform.workload;

import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.edge.Edge;
import platform.k8s.AppLabels;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.k8s.Probes;
import platform.render.ProgramRun;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppWorkloadTest {
    private static final NamespaceRef DEMO = NamespaceRef.existing("demo");

    private static AppWorkloadArgs.Builder web(String name, int replicas) {
        return AppWorkloadArgs.builder(DEMO, AppLabels.of("demo", name, name, "web"), name + "-deployment", name, ContainerImage.of("example/web:1.2.3"))
                .replicas(replicas)
                .nodePool(Optional.of("default-pool"))
                .listens(8000, name + "-service")
                .credentials(List.of("postgres-password@3"))
                .probes(Probes.http("/health", 8000, Probes.Timing.READINESS), Probes.tcp(8000, Probes.Timing.LIVENESS));
    }

    private static ProgramRun.Result run(AppWorkloadArgs... workloads) {
        return ProgramRun.run(ctx -> {
            for (var args : workloads) {
                new AppWorkload(args.name(), args, null).admitGateway(Edge.gatewayPeer());
            }
        }, "test", Map.of(), Set.of());
    }

    @Test
    void severalReplicasGetADisruptionBudgetAndASpreadOneReplicaNeither() {
        var result = run(web("big", 3).build(), web("small", 1).build());

        var big = Stacks.object(result, "Deployment", "demo", "big-deployment");
        assertThat(big.input("spec.template.spec.topologySpreadConstraints").orElseThrow().toString())
                .contains("topologyKey=kubernetes.io/hostname");
        assertThat(Stacks.object(result, "PodDisruptionBudget", "demo", "big-deployment").input("spec.maxUnavailable")).contains(1L);
        var small = Stacks.object(result, "Deployment", "demo", "small-deployment");
        assertThat(small.input("spec.template.spec.topologySpreadConstraints")).isEmpty();
        assertThat(result.resources()).noneMatch(r -> r.isKubernetesObject() && r.kind().equals("PodDisruptionBudget")
                && r.metadataName().equals("small-deployment"));
        assertThat(Baseline.violations(result.resources(), true)).isEmpty();
    }

    @Test
    void itListensThroughAClusterIpServiceAndAdmitsOnlyTheGateway() {
        var result = run(web("site", 1).build());

        var service = Stacks.object(result, "Service", "demo", "site-service");
        assertThat(service.input("spec.type")).contains("ClusterIP");
        assertThat(service.input("spec.selector")).contains(Map.of("app.kubernetes.io/name", "site", "app.kubernetes.io/instance", "site"));
        var policy = Stacks.object(result, "NetworkPolicy", "demo", "site-deployment-from-gateway");
        assertThat(policy.input("spec.ingress").orElseThrow().toString())
                .contains("kubernetes.io/metadata.name=envoy-gateway-system").contains("port=8000");
    }

    @Test
    void itAdmitsANamedClientOfItsNamespaceOnItsPortOnly() {
        var result = ProgramRun.run(ctx -> {
            var api = new AppWorkload("api", web("api", 1).build(), null);
            api.allowFrom("web", Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/instance", "web"));
        }, "test", Map.of(), Set.of());

        var policy = Stacks.object(result, "NetworkPolicy", "demo", "api-deployment-from-web");
        assertThat(policy.input("spec.podSelector.matchLabels")).contains(Map.of("app.kubernetes.io/name", "api", "app.kubernetes.io/instance", "api"));
        var ingress = policy.input("spec.ingress").orElseThrow().toString();
        assertThat(ingress).contains("app.kubernetes.io/name=web").contains("port=8000").doesNotContain("namespaceSelector");
    }

    @Test
    void itRunsOnItsPoolAndRollsWhenItsCredentialsRotate() {
        var deployment = Stacks.object(run(web("site", 1).build()), "Deployment", "demo", "site-deployment");

        assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
        assertThat(deployment.input("spec.template.metadata.annotations"))
                .contains(Map.of("platform.dev/credential-versions", "postgres-password@3"));
        assertThat(deployment.input("spec.strategy.rollingUpdate.maxUnavailable")).contains(0L);
    }

    @Test
    void badArgumentsAreRejectedWithTheWorkloadsName() {
        assertThatThrownBy(() -> ContainerImage.of("example/web")).hasMessageContaining("image example/web has no tag");
        assertThatThrownBy(() -> ContainerImage.of("example/web:latest")).hasMessageContaining("not \"latest\"");
        assertThatThrownBy(() -> ContainerImage.of("ghcr.io/amacneil/dbmate:2")).hasMessageContaining("floating major tag");
        assertThatThrownBy(() -> web("x", 1).listens(80, "x-service").build())
                .hasMessageContaining("workload x-deployment port must be 1024-65535 (non-root), got 80");
        assertThatThrownBy(() -> AppWorkloadArgs.builder(DEMO, AppLabels.of("demo", "x", "x", "web"), "x", "x", ContainerImage.of("example/web:1.0.1")).build())
                .hasMessageContaining("readiness probe of x");
        assertThatThrownBy(() -> web("Bad_Name", 1).build()).hasMessageContaining("must be DNS labels");
    }
}
