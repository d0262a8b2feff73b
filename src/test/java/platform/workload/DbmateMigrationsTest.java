package platform.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import platform.Stacks;
import platform.k8s.AppLabels;
import platform.k8s.ContainerImage;
import platform.k8s.NamespaceRef;
import platform.k8s.Probes;
import platform.k8s.SecretKeyRef;
import platform.render.ProgramRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** The init container's real script, run in sh with a stand-in dbmate that records how it was called. */
class DbmateMigrationsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String output, List<String> dbmateCalls) {
    }

    private Run migrate(Path source, int dbmateExit) throws IOException, InterruptedException {
        var bin = Files.createDirectories(dir.resolve("bin"));
        var calls = dir.resolve("calls");
        var fake = bin.resolve("dbmate");
        Files.writeString(fake, "#!/bin/sh\necho \"DATABASE_URL=${DATABASE_URL:-unset} $*\" >> '" + calls + "'\n"
                + "ls \"$2\" >> '" + calls + "'\nexit " + dbmateExit + "\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        var work = dir.resolve("tmp/migrations");
        var process = new ProcessBuilder("sh", "-c", DbmateMigrations.SCRIPT, "migrate", source.toString(), work.toString())
                .redirectErrorStream(true);
        process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        process.environment().put("DATABASE_URL", "postgres://bowmark@postgres:5432/bowmark_reports_paving");
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(20, TimeUnit.SECONDS)).isTrue();
        var recorded = Files.exists(calls) ? Files.readAllLines(calls) : List.<String>of();
        return new Run(started.exitValue(), output, recorded);
    }

    /** The layout the kubelet gives a mounted ConfigMap: a timestamped directory, {@code ..data}, and one symlink per key. */
    private Path configMapMount(String... files) throws IOException {
        var mount = Files.createDirectories(dir.resolve("migrations"));
        var data = Files.createDirectories(mount.resolve("..2026_04_27_10_00_00.123"));
        Files.createSymbolicLink(mount.resolve("..data"), data.getFileName());
        for (var file : files) {
            Files.writeString(data.resolve(file), "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
            Files.createSymbolicLink(mount.resolve(file), Path.of("..data", file));
        }
        return mount;
    }

    @Test
    void anAbsentOrEmptyConfigMapIsNothingToApplyAndTheAppStillStarts() throws Exception {
        var empty = migrate(Files.createDirectories(dir.resolve("empty")), 1);
        assertThat(empty.exit()).isZero();
        assertThat(empty.output()).contains("nothing to apply");
        assertThat(empty.dbmateCalls()).isEmpty();

        var onlyKeysOfAnotherKind = migrate(configMapMount("README.md"), 1);
        assertThat(onlyKeysOfAnotherKind.exit()).isZero();
        assertThat(onlyKeysOfAnotherKind.dbmateCalls()).isEmpty();
    }

    @Test
    void theSqlFilesAreCopiedOutOfTheMountAndDbmateAppliesThemWithoutDumpingTheSchema() throws Exception {
        var run = migrate(configMapMount("20260128205200_initial_fact_dimension_tables_and_views.sql",
                "20260202120000_productivity_analytics.sql", "notes.txt"), 0);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("2 migration file(s)");
        var work = dir.resolve("tmp/migrations");
        assertThat(run.dbmateCalls()).containsExactly(
                "DATABASE_URL=postgres://bowmark@postgres:5432/bowmark_reports_paving --migrations-dir " + work + " --no-dump-schema --wait up",
                "20260128205200_initial_fact_dimension_tables_and_views.sql",
                "20260202120000_productivity_analytics.sql");
        assertThat(Files.isSymbolicLink(work.resolve("20260202120000_productivity_analytics.sql"))).isFalse();
    }

    @Test
    void aFailedMigrationFailsTheInitContainer() throws Exception {
        var run = migrate(configMapMount("20260325120000_add_rate_scenario_id_to_fact_material_shipment.sql"), 3);
        assertThat(run.exit()).isEqualTo(3);
    }

    @Test
    void theConfigMapIsMountedOptionalSoAMissingOneNeverBlocksThePod() {
        var namespace = NamespaceRef.existing("demo");
        var result = ProgramRun.run(ctx -> new AppWorkload("consumer", AppWorkloadArgs.builder(namespace,
                        AppLabels.of("demo", "consumer", "consumer", "consumer"), "consumer-deployment", "consumer",
                        ContainerImage.of("example/server:1.0.0"))
                .initContainer(DbmateMigrations.initContainer("migrate", ContainerImage.of(platform.Versions.DBMATE),
                        new SecretKeyRef("postgres", "dbPavingUrl")))
                .volumesForInitOnly(DbmateMigrations.volumes("pg-migrations"))
                .probes(Probes.tcp(9090, Probes.Timing.READINESS), Probes.tcp(9090, Probes.Timing.LIVENESS))
                .port("health", 9090)
                .build(), null), "test", Map.of(), Set.of());

        var deployment = Stacks.object(result, "Deployment", "demo", "consumer-deployment");
        var volumes = list(deployment.input("spec.template.spec.volumes").orElseThrow());
        assertThat(volumes).anySatisfy(volume -> assertThat(map(volume)).containsEntry("name", "migrations")
                .containsEntry("configMap", Map.of("name", "pg-migrations", "defaultMode", 292L, "optional", true)));
        var migrate = map(list(deployment.input("spec.template.spec.initContainers").orElseThrow()).get(0));
        assertThat(list(migrate.get("command")).subList(0, 2)).isEqualTo(List.of("/bin/sh", "-c"));
        assertThat(list(migrate.get("command")).subList(3, 6)).isEqualTo(List.of("migrate", "/migrations", "/tmp/migrations"));
        assertThat(migrate.get("image")).isEqualTo(platform.Versions.DBMATE);
        assertThat(migrate.get("env").toString()).contains("name=DATABASE_URL").contains("key=dbPavingUrl");
        assertThat(platform.Baseline.violations(result.resources(), true)).isEmpty();
    }
}
