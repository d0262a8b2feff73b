package platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.Stacks;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "platform:cluster.nodePools[0].minNodes | 5      | platform:cluster.nodePools[0].minNodes: got 5, expected minNodes <= maxNodes (3)",
            "platform:cluster.nodePools[0].maxNodes | 0      | platform:cluster.nodePools[0].maxNodes: got 0, expected a whole number from 1 to 100",
            "platform:cluster.nodePools[0].maxNodes | three  | platform:cluster.nodePools[0].maxNodes: got \"three\", expected a whole number from 1 to 100",
            "platform:cluster.region                | mars1  | platform:cluster.region: got \"mars1\", expected one of: nyc1",
            "platform:cluster.version               | latest | platform:cluster.version: got \"latest\", expected a Kubernetes minor such as 1.35",
            "platform:cluster.version               | 1.35.6 | platform:cluster.version: got \"1.35.6\", expected a Kubernetes minor such as 1.35",
            "platform:cluster.name                  | Prod_1 | platform:cluster.name: got \"Prod_1\", expected a DNS label",
            "platform:cluster.nodePools[0].size     | HUGE   | platform:cluster.nodePools[0].size: got \"HUGE\", expected a droplet size slug",
            "platform:cluster.mode                  | borrow | platform:cluster.mode: got \"borrow\", expected one of: create, existing",
            "platform:cluster.highAvailability      | yes    | platform:cluster.highAvailability: got \"yes\", expected true or false",
            "platform:cluster.maintenance.startTime | 4am    | platform:cluster.maintenance.startTime: got \"4am\", expected a UTC time of day as HH:MM",
            "platform:cluster.vpcIpRange            | 10.0.0.0 | platform:cluster.vpcIpRange: got \"10.0.0.0\", expected an IPv4 range",
            "platform:environment                   | staging | platform:environment: got \"staging\", expected one of: development, production",
            "platform:registry.tier                 | gold   | platform:registry.tier: got \"gold\", expected one of: starter, basic, professional",
            "platform:bowmark.hosts.paving[0]       | Not_A_Host | platform:bowmark.hosts.paving[0]: got \"Not_A_Host\", expected a lower-case DNS name",
            "platform:edge.issuer                   | letsencrypt | platform:edge.issuer: got \"letsencrypt\", expected one of: letsencrypt-staging, letsencrypt-production",
            "platform:edge.acmeEmail                | ops    | platform:edge.acmeEmail: got \"ops\", expected an e-mail address",
            "platform:edge.envoyGatewayVersion      | latest | platform:edge.envoyGatewayVersion: got \"latest\", expected a pinned chart version",
            "platform:backups.bucketPrefix          | B      | platform:backups.bucketPrefix: got \"B\", expected a bucket name",
            "platform:backups.bucketPrefix          | a-prefix-so-long-that-with-a-system-it-is-no-bucket-name | platform:backups.bucketPrefix: got \"a-prefix-so-long-that-with-a-system-it-is-no-bucket-name\", expected at most 53 characters",
            "platform:backups.lifecycle[0].prefix   | pg-backups | platform:backups.lifecycle[0].prefix: got \"pg-backups\", expected a key prefix ending in '/'",
            "platform:backups.lifecycle[0].expireDays | 0    | platform:backups.lifecycle[0].expireDays: got 0, expected a whole number from 1 to 3650",
            "platform:bowmark.hosts.concrete[0]     | app.dev.bowmark.ca | platform:bowmark.hosts.concrete[0]: got \"app.dev.bowmark.ca\", expected a host declared once; platform:bowmark.hosts.paving[0] already declares it",
            "platform:bowmark.pools.server          | gpu-pool | platform:bowmark.pools.server: got \"gpu-pool\", expected one of the cluster's node pools [default-pool]",
            "platform:bowmark.replicas.server       | 99     | platform:bowmark.replicas.server: got 99, expected a whole number from 0 to 20",
            "platform:bowmark.serverPaths[0]        | api    | platform:bowmark.serverPaths[0]: got \"api\", expected a path prefix such as /api",
            "platform:bowmark.imageTag              | latest | platform:bowmark.imageTag: got \"latest\", expected an immutable tag",
            "platform:bowmark.imageDigests.server   | sha256:abc | platform:bowmark.imageDigests.server: got \"sha256:abc\", expected an image digest",
            "platform:bowmark.backup.schedule       | daily  | platform:bowmark.backup.schedule: got \"daily\", which has 1 fields, expected 5",
            "platform:bowmark.backup.schedule       | 61 8 * * * | platform:bowmark.backup.schedule: got \"61 8 * * *\", which minute \"61\": \"61\" is not a number from 0 to 59",
            "platform:bowmark.nightlyRestartSchedule | 0 7 * * MON-SOX | platform:bowmark.nightlyRestartSchedule: got \"0 7 * * MON-SOX\", which day of week \"MON-SOX\": \"SOX\" is not a number from 0 to 7 or a name SUN-SAT",
            "platform:bowmark.backup.restoreCheckSchedule | */0 * * * * | platform:bowmark.backup.restoreCheckSchedule: got \"*/0 * * * *\", which minute \"*/0\": step \"0\" must be a number from 1 to 59",
            "platform:bowmark.backup.sanityQuery    | DROP TABLE x | platform:bowmark.backup.sanityQuery: got \"DROP TABLE x\", expected a single SELECT returning one number",
            "platform:bowmark.postgres.storageSize  | 10GB   | platform:bowmark.postgres.storageSize: got \"10GB\", expected a size such as 10Gi",
    })
    void aBadValueFailsNamingItsKeyBeforeAnyResource(String key, String value, String expectedProblem) {
        var result = Stacks.run("dev", key + "=" + value);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem).startsWith(expectedProblem));
        assertThat(result.resources()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var result = Stacks.run("prod",
                "platform:cluster.nodePools[1].minNodes=9",
                "platform:cluster.region=moon",
                "platform:cluster.nodePools[1].name=default-pool",
                "platform:cluster.nodePools[0].taints[0].effect=Sometimes");

        assertThat(result.problems()).hasSize(7);
        assertThat(String.join("\n", result.problems()))
                .contains("platform:cluster.nodePools[1].minNodes: got 9, expected minNodes <= maxNodes (6)")
                .contains("platform:cluster.region: got \"moon\"")
                .contains("platform:cluster.nodePools[1].name: got \"default-pool\" twice, expected unique pool names")
                .contains("platform:cluster.nodePools[0].taints[0].effect: got \"Sometimes\"")
                .contains("platform:cluster.nodePools[0].taints[0].key: is required")
                .contains("platform:cluster.nodePools[0].taints[0].value: is required")
                .contains("platform:bowmark.pools.server: got \"dedicated-cpu-optimized\", expected one of the cluster's node pools");
        assertThat(result.resources()).isEmpty();
    }

    @Test
    void aRequiredValueThatIsMissingIsNamed() {
        var config = Stacks.load("dev").engineConfig();
        config.remove("platform:cluster");
        var result = platform.render.ProgramRun.platform("dev", config, java.util.Set.of());

        assertThat(result.problems()).contains(
                "platform:cluster.nodePools: is required, expected at least one node pool (the first is the cluster's default pool)",
                "platform:cluster.name: is required, expected " + Patterns.DNS_LABEL_TEXT,
                "platform:cluster.version: is required, expected " + Patterns.DOKS_VERSION_TEXT);
        assertThat(result.resources()).isEmpty();
    }

    @Test
    void theDefaultPoolMustKeepANode() {
        var result = Stacks.run("dev", "platform:cluster.nodePools[0].minNodes=0");

        assertThat(result.problems()).singleElement().asString()
                .isEqualTo("platform:cluster.nodePools[0].minNodes: got 0, expected a whole number from 1 to 100");
    }
}
