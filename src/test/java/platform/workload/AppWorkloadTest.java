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
import static platform.Stacks.list;
import static platform.Stacks.map;

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
    void itRunsOnItsPoolAndRollsWhenItsCredentialsRotate() {
        var deployment = Stacks.object(run(web("site", 1).build()), "Deployment", "demo", "site-deployment");

        assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
        assertThat(deployment.input("spec.template.metadata.annotations"))
                .contains(Map.of("platform.dev/credential-versions", "postgres-password@3"));
        assertThat(deployment.input("spec.strategy.rollingUpdate.maxUnavailable")).contains(0L);
    }

    @Test
    void aServicePortMayDifferFromTheContainersAndRoutesNameTheServicesPort() {
        var args = web("site", 1).listens(8080, "site-service", 8081).declares("health", 9090).build();
        var backends = new java.util.ArrayList<platform.edge.Backend>();
        var result = ProgramRun.run(ctx -> backends.add(new AppWorkload(args.name(), args, null).admitGateway(Edge.gatewayPeer()).backend()),
                "test", Map.of(), Set.of());

        var service = Stacks.object(result, "Service", "demo", "site-service");
        assertThat(map(list(service.input("spec.ports").orElseThrow()).get(0))).containsEntry("port", 8081L).containsEntry("targetPort", 8080L);
        var container = Stacks.container(Stacks.object(result, "Deployment", "demo", "site-deployment"));
        assertThat(list(container.get("ports"))).containsExactly(Map.of("name", "http", "containerPort", 8080L),
                Map.of("name", "health", "containerPort", 9090L));
        // The gateway reaches the pod's port; a route names the Service's.
        assertThat(Stacks.object(result, "NetworkPolicy", "demo", "site-deployment-from-gateway").input("spec.ingress").orElseThrow().toString())
                .contains("port=8080").doesNotContain("8081");
        assertThat(backends).containsExactly(new platform.edge.Backend("site-service", 8081));
    }

    @Test
    void anotherWorkloadIsAdmittedByItsLabelsOnTheListeningPortOnly() {
        var result = ProgramRun.run(ctx -> new AppWorkload("mcp", web("mcp", 1).build(), null)
                .admit("server", Map.of("app.kubernetes.io/name", "server")), "test", Map.of(), Set.of());
        var policy = Stacks.object(result, "NetworkPolicy", "demo", "mcp-deployment-from-server");
        assertThat(policy.input("spec.podSelector.matchLabels")).contains(Map.of("app.kubernetes.io/name", "mcp", "app.kubernetes.io/instance", "mcp"));
        assertThat(policy.input("spec.ingress").orElseThrow().toString()).contains("app.kubernetes.io/name=server").contains("port=8000");
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
        assertThatThrownBy(() -> web("x", 1).declares("health", 8000).build()).hasMessageContaining("declares port 8000 or name health twice");
        assertThatThrownBy(() -> web("x", 1).declares("a-name-far-too-long", 9090).build()).hasMessageContaining("at most 15 characters");
    }
}
