package platform.workload;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.k8s.AppLabels;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.k8s.Probes;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

class FileSyncTest {
    private static final NamespaceRef DEMO = NamespaceRef.existing("demo");
    private static final ContainerImage IMAGE = ContainerImage.of("example/app:1.0.0");
    private static final FileSync SYNC = new FileSync("db-sync", IMAGE, "shared-files", "exports/app.sqlite", "/data/app.sqlite",
            "/data/last_sync.txt", Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(5), FileSync.Check.SQLITE);

    private static ProgramRun.Result RESULT;

    /** Not in a static initializer: the program's lambda runs on other threads, which would wait for this class's initialization. */
    @BeforeAll
    static void run() {
        RESULT = ProgramRun.run(ctx -> {
            var labels = AppLabels.of("demo", "app", "app", "web");
            var args = SYNC.applyTo(AppWorkloadArgs.builder(DEMO, labels, "app", "app", IMAGE)
                    .listens(8080, "app")
                    .probes(Probes.http("/health", 8080, Probes.Timing.READINESS), Probes.http("/liveness", 8080, Probes.Timing.LIVENESS)))
                    .build();
            FileSync.script(new AppWorkload("app", args, null), DEMO, labels);
        }, "test", Map.of(), Set.of());
    }

    private static RegisteredResource deployment() {
        return Stacks.object(RESULT, "Deployment", "demo", "app");
    }

    private static Map<String, Object> named(String list, String name) {
        return list(deployment().input("spec.template.spec." + list).orElseThrow()).stream().map(Stacks::map)
                .filter(container -> name.equals(container.get("name"))).findFirst().orElseThrow();
    }

    private static String env(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().map(Stacks::map).filter(env -> name.equals(env.get("name")))
                .map(env -> String.valueOf(env.get("value"))).findFirst().orElseThrow();
    }

    @Test
    void anInitStepCopiesBeforeTheAppStartsAndASidecarRefreshes() {
        var init = named("initContainers", "db-sync-init");
        var sidecar = named("containers", "db-sync");

        assertThat(init.get("command")).isEqualTo(List.of("bash", "/opt/file-sync/file-sync.sh", "once"));
        assertThat(sidecar.get("command")).isEqualTo(List.of("bash", "/opt/file-sync/file-sync.sh", "loop"));
        for (var container : List.of(init, sidecar)) {
            assertThat(container.get("image")).isEqualTo("example/app:1.0.0");
            assertThat(env(container, "SOURCE")).isEqualTo("/source/exports/app.sqlite");
            assertThat(env(container, "TARGET")).isEqualTo("/data/app.sqlite");
            assertThat(env(container, "STAMP")).isEqualTo("/data/last_sync.txt");
            assertThat(env(container, "INTERVAL_SECONDS")).isEqualTo("600");
            assertThat(env(container, "MAX_AGE_SECONDS")).isEqualTo("1800");
            assertThat(env(container, "TIMEOUT_SECONDS")).isEqualTo("300");
            assertThat(env(container, "CHECK")).isEqualTo("sqlite");
            assertThat(env(container, "SCRIPT_SHA256")).matches("[0-9a-f]{64}");
            assertThat(container.get("volumeMounts").toString()).contains("mountPath=/source, name=db-sync-source, readOnly=true")
                    .contains("mountPath=/data, name=db-sync-copy}");
        }
        assertThat(map(sidecar.get("readinessProbe")).get("exec").toString()).contains("fresh");
        assertThat(map(sidecar.get("livenessProbe")).get("exec").toString()).contains("alive");
    }

    @Test
    void theAppReadsTheCopyReadOnlyAndTheSourceOnlyThroughTheSync() {
        var app = Stacks.container(deployment());
        assertThat(app.get("name")).isEqualTo("app");
        assertThat(app.get("volumeMounts").toString()).contains("mountPath=/data, name=db-sync-copy, readOnly=true")
                .doesNotContain("db-sync-source");
        var volumes = deployment().input("spec.template.spec.volumes").orElseThrow().toString();
        assertThat(volumes).contains("claimName=shared-files, readOnly=true").contains("name=file-sync");
        var script = Stacks.object(RESULT, "ConfigMap", "demo", "file-sync");
        assertThat(script.input("data").map(Stacks::map).orElseThrow().get("file-sync.sh")).isEqualTo(FileSync.load());
        assertThat(Baseline.violations(RESULT.resources(), true)).isEmpty();
    }

    /** A sync refreshing every 10 minutes into /data/a.sqlite, with the given parts. */
    private static FileSync sync(String sourceFile, String stamp, int maxAgeMinutes, int timeoutMinutes) {
        return new FileSync("db-sync", IMAGE, "c", sourceFile, "/data/a.sqlite", stamp, Duration.ofMinutes(10),
                Duration.ofMinutes(maxAgeMinutes), Duration.ofMinutes(timeoutMinutes), FileSync.Check.SQLITE);
    }

    @Test
    void badSettingsAreRejectedWithTheSyncsName() {
        assertThatThrownBy(() -> sync("a.sqlite", "/data/s.txt", 10, 1))
                .hasMessageContaining("max age PT10M must be longer than its refresh interval PT10M");
        assertThatThrownBy(() -> sync("a.sqlite", "/other/s.txt", 30, 1))
                .hasMessageContaining("keeps its copy and stamp apart in one directory of their own");
        assertThatThrownBy(() -> sync("../a.sqlite", "/data/s.txt", 30, 1))
                .hasMessageContaining("source file must be a path inside its volume");
        assertThatThrownBy(() -> sync("a.sqlite", "/data/s.txt", 30, 10))
                .hasMessageContaining("step timeout must be from 1 s to less than PT10M");
        assertThat(sync("a.sqlite", "/data/s.txt", 30, 5).check()).isEqualTo(FileSync.Check.SQLITE);
    }
}
