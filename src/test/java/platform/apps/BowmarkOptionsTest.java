package platform.apps;

import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.Secret;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** The live system's additions after the seed (fact sheet §1), each behind one switch, off in both stacks. */
class BowmarkOptionsTest {
    private static final ProgramRun.Result ALL_ON = Stacks.run("prod", "platform:bowmark.anthropic=true",
            "!platform:bowmarkAnthropicApiKey=anthropic-canary", "platform:bowmark.mcpAnalytics=true", "platform:bowmark.meilisearch=true");

    private static Map<String, Object> container(String deployment) {
        return Stacks.container(Stacks.object(ALL_ON, "Deployment", "bowmark", deployment));
    }

    @Test
    void theAnthropicSecretIsReadByServersAndConsumersOnly() {
        assertThat(map(Stacks.object(ALL_ON, "Secret", "bowmark", "anthropic").inputs().get("stringData")))
                .isEqualTo(Map.of("apiKey", new Secret("anthropic-canary")));
        for (var reader : List.of("server-deployment", "server-concrete-deployment", "consumer-deployment", "consumer-concrete-deployment")) {
            assertThat(BowmarkStackTest.env(container(reader))).as(reader).contains("ANTHROPIC_API_KEY<-anthropic/apiKey");
        }
        for (var other : List.of("worker-deployment", "worker-concrete-deployment", "mcp-analytics-deployment", "client-deployment")) {
            assertThat(BowmarkStackTest.env(container(other)).toString()).as(other).doesNotContain("ANTHROPIC");
        }
        assertThat(ALL_ON.resources().toString()).doesNotContain("anthropic-canary");
    }

    @Test
    void switchingAnthropicOnWithoutItsKeyFailsNamingBoth() {
        var result = Stacks.run("prod", "platform:bowmark.anthropic=true");
        assertThat(result.resources()).isEmpty();
        assertThat(result.problems()).singleElement().asString().isEqualTo("platform:bowmark.anthropic: is true, so the secret "
                + "platform:bowmarkAnthropicApiKey must be set: `pulumi config set --secret platform:bowmarkAnthropicApiKey <value>`");
    }

    @Test
    void theMcpAnalyticsServersRunAsLiveWithConcreteWiredToItsOwn() {
        for (var product : List.of(List.of("mcp-analytics-deployment", "mcp-analytics", "vhost", "dbPaving", "paving"),
                List.of("mcp-analytics-concrete-deployment", "mcp-analytics-concrete", "vhostConcrete", "dbConcrete", "concrete"))) {
            var deployment = Stacks.object(ALL_ON, "Deployment", "bowmark", product.get(0));
            var mcp = Stacks.container(deployment);
            assertThat(mcp.get("name")).isEqualTo(product.get(1));
            assertThat(mcp.get("command")).isEqualTo(List.of("node", "dist/mcp-server.js"));
            assertThat(BowmarkStackTest.env(mcp)).containsExactlyInAnyOrder("NODE_ENV=production", "MCP_PORT=8081",
                    "MONGO_URI<-" + product.get(4) + "/mongoURI", "JWT_SECRET<-general/jwtSecret",
                    "SPACES_NAME<-spaces/name", "SPACES_REGION<-spaces/region", "SPACES_KEY<-spaces/key", "SPACES_SECRET<-spaces/secret",
                    "POSTGRES_HOST<-postgres/host", "POSTGRES_PORT<-postgres/port", "POSTGRES_USER<-postgres/user",
                    "POSTGRES_PASSWORD<-postgres/password", "POSTGRES_DB<-postgres/" + product.get(3),
                    "RABBITMQ_HOST<-rabbitmq/host", "RABBITMQ_PORT<-rabbitmq/port", "RABBITMQ_USER<-rabbitmq/user",
                    "RABBITMQ_PASSWORD<-rabbitmq/password", "RABBITMQ_VHOST<-rabbitmq/" + product.get(2));
            assertThat(map(map(mcp.get("resources")).get("requests"))).isEqualTo(Map.of("cpu", "250m", "memory", "512Mi"));
            assertThat(map(map(mcp.get("resources")).get("limits"))).isEqualTo(Map.of("memory", "1024Mi"));
            assertThat(BowmarkStackTest.probe(mcp.get("readinessProbe"))).isEqualTo("http /health 8081");
            assertThat(BowmarkStackTest.probe(mcp.get("livenessProbe"))).isEqualTo("http /health 8081");
            assertThat(deployment.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "dedicated-cpu-optimized"));
            assertThat(map(deployment.input("spec.template.metadata.labels").orElseThrow())).containsEntry("component", product.get(1));
            var service = Stacks.object(ALL_ON, "Service", "bowmark", product.get(1));
            assertThat(map(list(service.input("spec.ports").orElseThrow()).get(0))).containsEntry("port", 8081L).containsEntry("targetPort", 8081L);
        }
        // Only its own product's server may call it; it is never routed.
        var admission = Stacks.object(ALL_ON, "NetworkPolicy", "bowmark", "mcp-analytics-concrete-deployment-from-server-concrete");
        assertThat(admission.input("spec.ingress").orElseThrow().toString()).contains("app.kubernetes.io/instance=server-concrete").contains("port=8081");
        assertThat(Stacks.where(ALL_ON, r -> r.isKubernetesObject() && r.kind().equals("HTTPRoute")).toString()).doesNotContain("mcp-analytics");
        // Unset, the concrete server would call the paving MCP server (sheet §10.2).
        assertThat(BowmarkStackTest.env(container("server-concrete-deployment"))).contains("MCP_SERVER_URL=http://mcp-analytics-concrete:8081");
        assertThat(BowmarkStackTest.env(container("server-deployment")).toString()).doesNotContain("MCP_SERVER_URL");
    }

    @Test
    void meilisearchRunsInTheClusterUnderTheLiveNamesAndTheSearchSecretPointsAtIt() {
        var set = Stacks.object(ALL_ON, "StatefulSet", "bowmark", "meilisearch");
        var meili = Stacks.container(set);
        assertThat(meili.get("image")).isEqualTo("getmeili/meilisearch:v1.50.0@[unknown]");
        assertThat(BowmarkStackTest.env(meili)).contains("MEILI_MASTER_KEY<-search/apiKey", "MEILI_ENV=production");
        assertThat(BowmarkStackTest.probe(meili.get("readinessProbe"))).isEqualTo("http /health 7700");
        assertThat(BowmarkStackTest.probe(meili.get("livenessProbe"))).isEqualTo("http /health 7700");
        var claim = map(list(set.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
        assertThat(map(claim.get("metadata")).get("name")).isEqualTo("meili-data");
        assertThat(claim.toString()).contains("storage=5Gi");
        assertThat(meili.get("volumeMounts").toString()).contains("mountPath=/meili_data, name=meili-data");
        assertThat(map(set.input("spec.template.metadata.labels").orElseThrow())).containsEntry("app", "meilisearch");
        assertThat(set.input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
        assertThat(set.options().protect()).isTrue();

        assertThat(map(Stacks.object(ALL_ON, "Secret", "bowmark", "search").inputs().get("stringData")))
                .containsEntry("host", "http://meilisearch:7700");
        assertThat(Stacks.where(ALL_ON, r -> r.isKubernetesObject() && r.kind().equals("NetworkPolicy") && r.metadataName().startsWith("meilisearch-from-")))
                .extracting(RegisteredResource::metadataName).containsExactlyInAnyOrder("meilisearch-from-server", "meilisearch-from-worker",
                        "meilisearch-from-server-concrete", "meilisearch-from-worker-concrete");
    }

    @Test
    void withEverythingOnBowMarkStillMeetsTheBaseline() {
        assertThat(ALL_ON.problems()).isEmpty();
        assertThat(Baseline.violations(Stacks.where(ALL_ON, r -> r.namespace().equals("bowmark")), true)).isEmpty();
    }
}
