package platform.workload;

import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.k8s.AppLabels;
import platform.k8s.ContainerImage;
import platform.k8s.Env;
import platform.k8s.ImageRef;
import platform.k8s.NamespaceRef;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.render.ProgramRun;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

class MigrationJobTest {
    private static final NamespaceRef DEMO = NamespaceRef.existing("demo");
    private static final AppLabels LABELS = AppLabels.of("demo", "api-migrate", "api-migrate", "migration");
    private static final String COMMIT = "9253acd5ea6ffa5ecf630ad2c762a59d9e8b131a";

    private static MigrationJobArgs.Builder migration(String image) {
        return MigrationJobArgs.builder(DEMO, LABELS, "api-migrate", ContainerImage.of(image))
                .command(List.of("alembic", "upgrade", "head"))
                .env(List.of(Env.fromSecret("DATABASE_URL_ADMIN", new SecretKeyRef("database-urls", "DATABASE_URL_ADMIN"))))
                .runAs(new RunAs(1001, 1001));
    }

    /** A migration and the API Deployment that waits for it, as an app composes them. */
    private static ProgramRun.Result run(String image) {
        return ProgramRun.run(ctx -> {
            var job = new MigrationJob("api-migrate", migration(image).timeout(Duration.ofMinutes(15)).build(), null);
            new AppWorkload("api", AppWorkloadArgs.builder(DEMO, AppLabels.of("demo", "api", "api", "api"), "api", "api",
                            ContainerImage.of(image))
                    .listens(8000, "api")
                    .probes(Probes.http("/health", 8000, Probes.Timing.READINESS), Probes.http("/health", 8000, Probes.Timing.LIVENESS))
                    .after(job.job())
                    .build(), null);
        }, "test", Map.of(), Set.of());
    }

    @Test
    void theJobIsNamedAfterTheImageSoEachReleaseMigratesOnce() {
        assertThat(MigrationJob.nameFor("api-migrate", ImageRef.parse("registry.example.com/api:" + COMMIT)))
                .isEqualTo("api-migrate-9253acd5ea6f");
        assertThat(MigrationJob.nameFor("api-migrate", ImageRef.parse("registry.example.com/api:abc1234")))
                .isEqualTo("api-migrate-abc1234");
        var pinned = ImageRef.parse("registry.example.com/api:" + COMMIT + "@sha256:" + "f".repeat(12) + "0".repeat(52));
        assertThat(MigrationJob.nameFor("api-migrate", pinned)).isEqualTo("api-migrate-ffffffffffff");
        var release = MigrationJob.nameFor("api-migrate", ImageRef.parse("registry.example.com/api:1.4.2"));
        assertThat(release).matches("api-migrate-[0-9a-f]{12}")
                .isNotEqualTo(MigrationJob.nameFor("api-migrate", ImageRef.parse("registry.example.com/api:1.4.3")));
        assertThat(MigrationJob.nameFor("api-migrate", ImageRef.parse("other.example.com/api:1.4.2"))).isEqualTo(release);
    }

    @Test
    void theJobRunsTheCommandOnceWithinItsDeadlineAndIsReplacedWhenItFailed() {
        var result = run("registry.example.com/api:" + COMMIT);
        var job = Stacks.object(result, "Job", "demo", "api-migrate-9253acd5ea6f");
        var container = map(list(job.input("spec.template.spec.containers").orElseThrow()).get(0));

        assertThat(job.name()).isEqualTo("demo-api-migrate");
        assertThat(container.get("command")).isEqualTo(List.of("alembic", "upgrade", "head"));
        assertThat(container.get("image")).isEqualTo("registry.example.com/api:" + COMMIT);
        assertThat(container.get("env").toString()).contains("name=database-urls").contains("key=DATABASE_URL_ADMIN");
        assertThat(job.input("spec.backoffLimit")).contains(1L);
        assertThat(job.input("spec.activeDeadlineSeconds")).contains(900L);
        assertThat(job.input("spec.ttlSecondsAfterFinished")).isEmpty();
        assertThat(job.input("spec.template.spec.restartPolicy")).contains("Never");
        assertThat(job.input("metadata.annotations")).contains(Map.of(MigrationJob.REPLACE_UNREADY, "true"));
        assertThat(job.input("spec.template.metadata.labels").orElseThrow().toString())
                .contains("app.kubernetes.io/instance=api-migrate").doesNotContain(COMMIT.substring(0, 12));
        assertThat(job.input("spec.template.spec.securityContext.runAsUser")).contains(1001L);
        assertThat(Baseline.violations(result.resources(), false)).isEmpty();
    }

    @Test
    void theDeploymentWaitsForTheJobAndANewImageIsANewJobItStillWaitsFor() {
        var before = run("registry.example.com/api:" + COMMIT);
        var after = run("registry.example.com/api:0123456789abcdef0123456789abcdef01234567");

        for (var result : List.of(before, after)) {
            var deployment = Stacks.object(result, "Deployment", "demo", "api");
            assertThat(deployment.options().dependsOn()).contains("kubernetes:batch/v1:Job::demo-api-migrate");
        }
        assertThat(Stacks.where(after, r -> r.isKubernetesObject() && r.kind().equals("Job")))
                .singleElement().satisfies(job -> assertThat(job.metadataName()).isEqualTo("api-migrate-0123456789ab"));
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> migration("example/api:1.0.0").command(List.of()).build())
                .hasMessageContaining("needs a command");
        assertThatThrownBy(() -> MigrationJobArgs.builder(DEMO, LABELS, "Api_Migrate", ContainerImage.of("example/api:1.0.0"))
                .command(List.of("true")).build()).hasMessageContaining("DNS label");
        assertThatThrownBy(() -> migration("example/api:1.0.0").timeout(Duration.ofSeconds(10)).build())
                .hasMessageContaining("timeout must be 1 minute to 6 hours");
        assertThatThrownBy(() -> migration("example/api:1.0.0").retries(9).build()).hasMessageContaining("retries");
    }
}
