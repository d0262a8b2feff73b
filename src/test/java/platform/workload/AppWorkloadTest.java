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
    void furtherPortsAreDeclaredAndServedAndCanAdmitTheirOwnClients() {
        var result = ProgramRun.run(ctx -> new AppWorkload("mail", web("mail", 1).port("smtp", 1025).build(), null)
                .allowFrom(platform.k8s.Peer.pods("api", Map.of("app.kubernetes.io/name", "api")), List.of(1025)), "test", Map.of(), Set.of());

        var container = Stacks.container(Stacks.object(result, "Deployment", "demo", "mail-deployment"));
        assertThat(Stacks.list(container.get("ports"))).containsExactly(Map.of("name", "http", "containerPort", 8000L),
                Map.of("name", "smtp", "containerPort", 1025L));
        assertThat(Stacks.object(result, "Service", "demo", "mail-service").input("spec.ports").orElseThrow().toString())
                .contains("name=http, port=8000").contains("name=smtp, port=1025");
        assertThat(Stacks.object(result, "NetworkPolicy", "demo", "mail-deployment-from-api").input("spec.ingress").orElseThrow().toString())
                .contains("port=1025").doesNotContain("port=8000").contains("app.kubernetes.io/name=api");
        assertThatThrownBy(() -> web("x", 1).port("smtp", 8000).build()).hasMessageContaining("declares port smtp (8000) twice");
        assertThatThrownBy(() -> web("x", 1).port("http", 9000).build()).hasMessageContaining("other than http");
    }

    @Test
    void metricsAreAnnouncedForScrapingOnTheirPort() {
        var result = run(web("same", 1).servesMetrics("/metrics").build(), web("own", 1).servesMetrics(9090, "/stats").build());

        var same = Stacks.object(result, "Deployment", "demo", "same-deployment");
        assertThat(Stacks.map(same.input("spec.template.metadata.annotations").orElseThrow())).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8000").containsEntry("prometheus.io/path", "/metrics")
                .containsEntry("platform.dev/credential-versions", "postgres-password@3");
        assertThat(Stacks.list(Stacks.container(same).get("ports"))).hasSize(1);
        var own = Stacks.object(result, "Deployment", "demo", "own-deployment");
        assertThat(Stacks.map(own.input("spec.template.metadata.annotations").orElseThrow())).containsEntry("prometheus.io/port", "9090");
        assertThat(Stacks.list(Stacks.container(own).get("ports"))).contains(Map.of("name", "metrics", "containerPort", 9090L));
        assertThatThrownBy(() -> web("x", 1).servesMetrics("metrics").build()).hasMessageContaining("starts with /");
    }

    @Test
    void aCpuLimitReachesTheContainer() {
        var capped = platform.k8s.ComputeResources.MEDIUM.withCpuLimit("500m");
        var container = Stacks.container(Stacks.object(run(web("site", 1).resources(capped).build()), "Deployment", "demo", "site-deployment"));

        assertThat(Stacks.map(container.get("resources"))).isEqualTo(Map.of("limits", Map.of("cpu", "500m", "memory", "512Mi"),
                "requests", Map.of("cpu", "100m", "memory", "256Mi")));
    }

    @Test
    void aPortBelow1024IsBoundAsNonRootThroughTheSafeSysctlOnly() {
        var result = run(web("low", 1).listens(80, "low-service")
                .probes(Probes.http("/health", 80, Probes.Timing.READINESS), Probes.tcp(80, Probes.Timing.LIVENESS)).build(),
                web("high", 1).build());

        var low = Stacks.object(result, "Deployment", "demo", "low-deployment");
        assertThat(low.input("spec.template.spec.securityContext.sysctls"))
                .contains(List.of(Map.of("name", "net.ipv4.ip_unprivileged_port_start", "value", "80")));
        assertThat(low.input("spec.template.spec.securityContext.runAsUser")).contains(1000L);
        assertThat(Stacks.container(low).get("securityContext").toString()).contains("drop=[ALL]").doesNotContain("NET_BIND_SERVICE");
        assertThat(Stacks.object(result, "Service", "demo", "low-service").input("spec.ports").orElseThrow().toString()).contains("port=80");
        assertThat(Stacks.object(result, "Deployment", "demo", "high-deployment").input("spec.template.spec.securityContext.sysctls")).isEmpty();
        assertThat(Baseline.violations(result.resources(), true)).isEmpty();
    }

    @Test
    void sidecarsFollowTheAppContainerAndTheReadyTimeoutIsTheProvidersAwait() {
        var sidecar = com.pulumi.kubernetes.core.v1.inputs.ContainerArgs.builder().name("helper").image("example/helper:1.0.0").build();
        var deployment = Stacks.object(run(web("site", 1).sidecar(sidecar).readyTimeout(java.time.Duration.ofMinutes(5)).build()),
                "Deployment", "demo", "site-deployment");

        assertThat(Stacks.list(deployment.input("spec.template.spec.containers").orElseThrow()))
                .extracting(container -> Stacks.map(container).get("name")).containsExactly("site", "helper");
        assertThat(deployment.input("metadata.annotations")).contains(Map.of("pulumi.com/timeoutSeconds", "300"));
        assertThat(Stacks.object(run(web("plain", 1).build()), "Deployment", "demo", "plain-deployment").input("metadata.annotations")).isEmpty();
    }

    @Test
    void aServicePortMayDifferFromTheContainersAndRoutesNameTheServicesPort() {
        var args = web("site", 1).listens(8080, "site-service", 8081).port("health", 9090).build();
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
                .allowFrom("server", Map.of("app.kubernetes.io/name", "server")), "test", Map.of(), Set.of());
        var policy = Stacks.object(result, "NetworkPolicy", "demo", "mcp-deployment-from-server");
        assertThat(policy.input("spec.podSelector.matchLabels")).contains(Map.of("app.kubernetes.io/name", "mcp", "app.kubernetes.io/instance", "mcp"));
        assertThat(policy.input("spec.ingress").orElseThrow().toString()).contains("app.kubernetes.io/name=server").contains("port=8000");
    }

    @Test
    void badArgumentsAreRejectedWithTheWorkloadsName() {
        assertThatThrownBy(() -> ContainerImage.of("example/web")).hasMessageContaining("image example/web has no tag");
        assertThatThrownBy(() -> ContainerImage.of("example/web:latest")).hasMessageContaining("not \"latest\"");
        assertThatThrownBy(() -> ContainerImage.of("ghcr.io/amacneil/dbmate:2")).hasMessageContaining("floating major tag");
        assertThatThrownBy(() -> web("x", 1).listens(0, "x-service").build())
                .hasMessageContaining("workload x-deployment port must be 1-65535, got 0");
        assertThatThrownBy(() -> web("x", 1).readyTimeout(java.time.Duration.ofSeconds(5)).build())
                .hasMessageContaining("workload x-deployment ready timeout must be 30 s to 6 h");
        assertThatThrownBy(() -> AppWorkloadArgs.builder(DEMO, AppLabels.of("demo", "x", "x", "web"), "x", "x", ContainerImage.of("example/web:1.0.1")).build())
                .hasMessageContaining("readiness probe of x");
        assertThatThrownBy(() -> web("Bad_Name", 1).build()).hasMessageContaining("must be DNS labels");
        assertThatThrownBy(() -> web("x", 1).port("health", 8000).build()).hasMessageContaining("declares port health (8000) twice");
        assertThatThrownBy(() -> web("x", 1).port("a-name-far-too-long", 9090).build()).hasMessageContaining("a port name must be a short DNS label");
    }

    @Test
    void aWorkloadWithADurableVolumeIsRecreatedOnUpdateWithItsGraceAndStartupProbe() {
        var instance = new platform.data.DataVolume("site-data", platform.data.VolumeClaim.retained("2Gi", "/srv/data"));
        var args = web("site", 1)
                .volume(instance.volume(), instance.mount())
                .recreateOnUpdate()
                .terminationGrace(java.time.Duration.ofSeconds(60))
                .startupProbe(Probes.http("/health", 8000, Probes.Timing.STARTUP))
                .build();
        var deployment = Stacks.object(run(args), "Deployment", "demo", "site-deployment");

        assertThat(deployment.input("spec.strategy")).contains(Map.of("type", "Recreate"));
        assertThat(deployment.input("spec.template.spec.terminationGracePeriodSeconds")).contains(60L);
        var container = Stacks.container(deployment);
        assertThat(container.get("startupProbe").toString()).contains("path=/health").contains("failureThreshold=30");
        assertThat(container.get("volumeMounts").toString()).contains("mountPath=/srv/data, name=site-data");
        assertThat(deployment.input("spec.template.spec.volumes").orElseThrow().toString())
                .contains("persistentVolumeClaim={claimName=site-data}");
        var plain = Stacks.object(run(web("plain", 1).build()), "Deployment", "demo", "plain-deployment");
        assertThat(plain.input("spec.template.spec.terminationGracePeriodSeconds")).isEmpty();
        assertThat(Stacks.container(plain)).doesNotContainKey("startupProbe");
        assertThatThrownBy(() -> web("x", 1).terminationGrace(java.time.Duration.ZERO).build()).hasMessageContaining("termination grace");
    }
}
