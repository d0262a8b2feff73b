package platform.observability;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import platform.Stacks;
import platform.render.ProgramRun;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * The alert rules as the prod stack registers them: every rule the issue asks for, each with a
 * runbook section of the README, and each expression parsed by Prometheus' grammar and using only
 * metrics the installed exporters publish ({@link ExporterMetrics}).
 */
class AlertRulesTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");
    private static final List<Map<String, Object>> PROD_RULES = rules(PROD);
    private static List<PromqlParser.Parsed> parsed;

    static List<Map<String, Object>> rules(ProgramRun.Result result) {
        var object = Stacks.object(result, "PrometheusRule", Observability.NAMESPACE, "platform-alerts");
        var rules = new ArrayList<Map<String, Object>>();
        for (var group : list(object.input("spec.groups").orElseThrow())) {
            list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
        }
        return rules;
    }

    private static synchronized PromqlParser.Parsed parsedOf(Map<String, Object> rule) {
        if (parsed == null) {
            parsed = PromqlParser.parse(PROD_RULES.stream().map(r -> (String) r.get("expr")).toList());
        }
        return parsed.get(PROD_RULES.indexOf(rule));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleParsesAndUsesOnlyPublishedMetrics() {
        return PROD_RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.get("alert") + " " + map(rule.get("labels")), () -> {
            var result = parsedOf(rule);
            assertThat(result.errors()).as("syntax errors (offsets) in %s:%n%s", rule.get("alert"), rule.get("expr")).isEmpty();
            assertThat(result.metrics()).as("metrics of %s", rule.get("alert")).isNotEmpty();
            assertThat(ExporterMetrics.KNOWN.keySet()).as("%s uses a metric no installed exporter publishes", rule.get("alert"))
                    .containsAll(result.metrics());
        }));
    }

    @Test
    void theParserFindsErrorsAndMetrics() {
        var results = PromqlParser.parse(List.of("sum(rate(foo_total{a=\"b\"}[5m])) / bar > 1", "sum(foo_total", "foo{a=\"b\" > 1"));
        assertThat(results.get(0).errors()).isEmpty();
        assertThat(results.get(0).metrics()).containsExactly("bar", "foo_total");
        assertThat(results.get(1).errors()).isNotEmpty();
        assertThat(results.get(2).errors()).isNotEmpty();
    }

    @Test
    void theRulesTheIssueAsksForAreThere() {
        assertThat(PROD_RULES).extracting(rule -> rule.get("alert")).containsExactly(
                "BackupFailed", "BackupOverdue", "RestoreCheckFailed", "RestoreCheckStale",
                "PodCrashLooping", "DeploymentReplicasMissing", "StatefulSetReplicasMissing",
                "PersistentVolumeFilling",
                "CertificateExpiringSoon", "GatewayErrorRateHigh",
                "NodePoolAtMaximum", "NodePoolAtMaximum", "NodePoolAtMaximum");
        var byName = new java.util.HashMap<String, Map<String, Object>>();
        PROD_RULES.forEach(rule -> byName.putIfAbsent((String) rule.get("alert"), rule));
        assertThat(byName.get("PodCrashLooping")).containsEntry("for", "15m");
        assertThat(byName.get("PodCrashLooping").get("expr").toString()).contains("reason=\"CrashLoopBackOff\"");
        assertThat(byName.get("DeploymentReplicasMissing")).containsEntry("for", "10m");
        assertThat(byName.get("StatefulSetReplicasMissing")).containsEntry("for", "10m");
        assertThat(byName.get("RestoreCheckStale").get("expr").toString()).contains("> " + 8 * 24 * 3600);
        assertThat(byName.get("CertificateExpiringSoon").get("expr").toString()).contains("< 14 * 24 * 3600");
        assertThat(byName.get("PersistentVolumeFilling").get("expr").toString()).endsWith("> 80");
        assertThat(byName.get("GatewayErrorRateHigh").get("expr").toString()).endsWith("* 100 > 5");
        // a day's schedule interval (from kube-state-metrics) plus the two hours' grace of the prod stack file
        assertThat(byName.get("BackupOverdue").get("expr").toString()).contains("kube_cronjob_next_schedule_time").endsWith("+ 7200");
        assertThat(byName.get("BackupFailed").get("expr").toString()).contains("owner_name=~\".+-backup|pg-basebackup\"");
        assertThat(byName.get("RestoreCheckFailed").get("expr").toString()).contains("owner_name=~\".+-restore-check|pg-pitr-check\"");
    }

    @Test
    void eachNodePoolGetsItsOwnRuleWithItsMaximum() {
        var pools = PROD_RULES.stream().filter(rule -> rule.get("alert").equals("NodePoolAtMaximum")).toList();
        assertThat(pools).extracting(rule -> map(rule.get("labels")).get("node_pool"))
                .containsExactly("default-pool", "dedicated-cpu-optimized", "apps-pool");
        assertThat(pools.get(0).get("expr").toString())
                .contains("kube_node_labels{label_doks_digitalocean_com_node_pool=\"default-pool\"}) >= 6");
        assertThat(pools.get(2).get("expr").toString())
                .contains("kube_node_labels{label_doks_digitalocean_com_node_pool=\"apps-pool\"}) >= 4");
        var dev = rules(DEV).stream().filter(rule -> rule.get("alert").equals("NodePoolAtMaximum")).toList();
        assertThat(dev).hasSize(1);
        assertThat(dev.get(0).get("expr").toString()).contains("\"default-pool\"}) >= 3");
    }

    @Test
    void thresholdsComeFromConfig() {
        var result = Stacks.run("prod", "platform:observability.thresholds.gateway5xxPercent=2",
                "platform:observability.thresholds.volumeFullPercent=90", "platform:observability.thresholds.backupGraceMinutes=30");
        var byName = new java.util.HashMap<String, String>();
        rules(result).forEach(rule -> byName.put((String) rule.get("alert"), rule.get("expr").toString()));
        assertThat(byName.get("GatewayErrorRateHigh")).endsWith("* 100 > 2");
        assertThat(byName.get("PersistentVolumeFilling")).endsWith("> 90");
        assertThat(byName.get("BackupOverdue")).endsWith("+ 1800");
    }

    @Test
    void everyRuleHasASeveritySummaryDescriptionAndARunbookInTheReadme() throws IOException {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        var anchors = new HashSet<String>();
        var heading = Pattern.compile("(?m)^#{1,6} (.+)$").matcher(readme);
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        for (var rule : PROD_RULES) {
            var alert = rule.get("alert");
            assertThat(map(rule.get("labels")).get("severity")).as("%s severity", alert).isIn("critical", "warning");
            var annotations = map(rule.get("annotations"));
            assertThat(annotations.get("summary").toString()).as("%s summary", alert).isNotBlank();
            assertThat(annotations.get("description").toString()).as("%s description", alert).isNotBlank();
            var runbook = annotations.get("runbook_url").toString();
            assertThat(runbook).as("%s runbook", alert).startsWith("README.md#");
            assertThat(anchors).as("README heading for %s's runbook %s", alert, runbook).contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void theRulesObjectIsWhatTheRulerSyncSelects() {
        var rulesObject = Stacks.object(PROD, "PrometheusRule", Observability.NAMESPACE, "platform-alerts");
        var labels = map(rulesObject.input("metadata.labels").orElseThrow());
        assertThat(labels).containsEntry("app.kubernetes.io/name", "alert-rules").containsEntry("app.kubernetes.io/part-of", "platform");
        assertThat(rulesObject.type()).isEqualTo("kubernetes:monitoring.coreos.com/v1:PrometheusRule");
        assertThat(rulesObject.options().dependsOn()).contains("kubernetes:helm.sh/v3:Release::prometheus-operator-crds");
        var groups = list(rulesObject.input("spec.groups").orElseThrow()).stream().map(g -> map(g).get("name")).toList();
        assertThat(groups).doesNotHaveDuplicates().containsExactly("backups", "workloads", "storage", "edge", "capacity");
        for (var rule : PROD_RULES) {
            assertThat(rule.keySet()).as("fields of %s (PrometheusRule's rule schema)", rule.get("alert"))
                    .containsExactlyInAnyOrder("alert", "expr", "for", "labels", "annotations");
        }
    }

    /**
     * The backup rules find the jobs by name: every scheduled backup CronJob of the stack must carry
     * one of the two names. Restore templates (suspended, started by hand) are watched by the operator.
     */
    @Test
    void everyBackupCronJobIsWatchedByTheBackupRules() {
        var backups = Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("CronJob")
                && "backup".equals(map(r.input("metadata.labels").orElseThrow()).get("app.kubernetes.io/component"))
                && !Boolean.TRUE.equals(map(r.input("spec").orElseThrow()).get("suspend")));
        assertThat(backups).isNotEmpty();
        var backup = Pattern.compile(PlatformAlerts.BACKUP_JOBS);
        var check = Pattern.compile(PlatformAlerts.RESTORE_CHECK_JOBS);
        for (var job : backups) {
            var name = job.metadataName();
            assertThat(backup.matcher(name).matches() || check.matcher(name).matches())
                    .as("backup CronJob %s/%s is named <kind>-backup or <kind>-restore-check (or the PITR jobs')", job.namespace(), name).isTrue();
            assertThat(backup.matcher(name).matches() && check.matcher(name).matches()).as("%s matches one rule only", name).isFalse();
        }
    }
}
