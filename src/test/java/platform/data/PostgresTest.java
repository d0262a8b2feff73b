package platform.data;

import org.junit.jupiter.api.Test;
import platform.Stacks;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

class PostgresTest {

    @Test
    void postgresKeepsDataInASubdirectoryOnARetainedVolumeAndChecksHealthWithPgIsready() {
        var set = Stacks.object(DatastoreTestStack.run(true, 1), "StatefulSet", "demo", "postgres");
        var postgres = Stacks.container(set);

        assertThat(postgres.get("image")).isEqualTo(platform.Versions.POSTGRES);
        assertThat(list(postgres.get("env"))).contains(Map.of("name", "PGDATA", "value", "/var/lib/postgresql/data/pgdata"),
                Map.of("name", "POSTGRES_DB", "value", "demo"));
        assertThat(map(map(postgres.get("readinessProbe")).get("exec")).get("command").toString()).contains("pg_isready");
        var claim = map(list(set.input("spec.volumeClaimTemplates").orElseThrow()).get(0));
        assertThat(map(claim.get("spec")).get("storageClassName")).isEqualTo("do-block-storage-retain");
        assertThat(map(map(map(claim.get("spec")).get("resources")).get("requests"))).containsEntry("storage", "10Gi");
        assertThat(set.input("spec.persistentVolumeClaimRetentionPolicy").orElseThrow())
                .isEqualTo(Map.of("whenDeleted", "Retain", "whenScaled", "Retain"));
        assertThat(set.input("spec.template.spec.securityContext.runAsUser")).contains(999L);
        assertThat(set.input("spec.template.spec.securityContext.fsGroup")).contains(999L);
        assertThat(set.options().protect()).isTrue();
        assertThat(set.options().ignoreChanges()).containsExactly("spec.volumeClaimTemplates");
        assertThat(set.input("spec.serviceName")).contains("postgres-headless");
        assertThat(Stacks.object(DatastoreTestStack.run(true, 1), "Service", "demo", "postgres-headless")
                .input("spec.clusterIP")).contains("None");
    }

    @Test
    void postgresEnsuresTheSecondDatabaseAndALeastPrivilegeAppRoleOnEveryStart() {
        var result = DatastoreTestStack.run(false, 1);
        var init = Stacks.object(result, "ConfigMap", "demo", "postgres-init");
        var sql = map(init.inputs().get("data")).get("reconcile.sql").toString();

        // Passwords come from psql's environment, never its command line (visible to every process of the pod).
        assertThat(map(init.inputs().get("data")).get("reconcile.sh").toString()).doesNotContain("PASSWORD");
        assertThat(sql).contains("\\getenv owner_password POSTGRES_PASSWORD\nALTER ROLE :\"owner\" WITH PASSWORD :'owner_password';")
                .contains("\\getenv app_password APP_PASSWORD\nALTER ROLE :\"app\"")
                .contains("CREATE DATABASE %I OWNER %I', 'demo_reports'")
                .contains("WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'demo_reports')")
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :\"app\";")
                .contains("ALTER DEFAULT PRIVILEGES FOR ROLE :\"owner\" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :\"app\";")
                .contains("REVOKE CREATE ON SCHEMA public FROM :\"app\";")
                .doesNotContain("GRANT ALL");
        var postgres = Stacks.container(Stacks.object(result, "StatefulSet", "demo", "postgres"));
        assertThat(map(map(postgres.get("lifecycle")).get("postStart")).toString()).contains("/scripts/reconcile.sh");
    }

    @Test
    void aNamedVolumeIsMountedByItsNameAndAnEphemeralOneIsAnEmptyDirWithoutAClaim() {
        var result = platform.render.ProgramRun.run(ctx -> {
            var namespace = platform.k8s.NamespaceRef.existing("demo");
            for (var ephemeral : java.util.List.of(false, true)) {
                var name = ephemeral ? "scratch" : "kept";
                new Postgres(name, PostgresArgs.builder(namespace, "demo").name(name).image(platform.k8s.ContainerImage.of(platform.Versions.POSTGRES_ALPINE))
                        .owner("demo").database("demo", "database").claimName("db-data").ephemeral(ephemeral).build(), null);
            }
        }, "test", Map.of(), java.util.Set.of());

        var kept = Stacks.object(result, "StatefulSet", "demo", "kept");
        assertThat(map(map(list(kept.input("spec.volumeClaimTemplates").orElseThrow()).get(0)).get("metadata")).get("name")).isEqualTo("db-data");
        assertThat(list(Stacks.container(kept).get("volumeMounts"))).contains(Map.of("mountPath", "/var/lib/postgresql/data", "name", "db-data"));
        var scratch = Stacks.object(result, "StatefulSet", "demo", "scratch");
        assertThat(scratch.input("spec.volumeClaimTemplates")).isEmpty();
        assertThat(scratch.options().ignoreChanges()).isEmpty();
        assertThat(list(scratch.input("spec.template.spec.volumes").orElseThrow())).contains(Map.of("name", "db-data", "emptyDir", Map.of()));
        assertThat(list(Stacks.container(scratch).get("volumeMounts"))).contains(Map.of("mountPath", "/var/lib/postgresql/data", "name", "db-data"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostgresArgs.builder(platform.k8s.NamespaceRef.existing("demo"), "demo")
                        .image(platform.k8s.ContainerImage.of(platform.Versions.POSTGRES)).owner("demo").database("demo", "database")
                        .ephemeral(true).protect(true).build())
                .hasMessage("postgres postgres is protected, so its data cannot be ephemeral");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VolumeClaim("1Gi", java.util.Optional.empty(), "/data", "search_data"))
                .hasMessageContaining("search-data, not search_data");
    }

    @Test
    void postgresGivesDriverUrlsForTheOwnerAndTheAppRoleAsSecrets() {
        var urls = new java.util.concurrent.atomic.AtomicReference<Map<String, com.pulumi.core.Output<String>>>();
        var result = platform.render.ProgramRun.run(ctx -> {
            var namespace = platform.k8s.NamespaceRef.existing("demo");
            var postgres = new Postgres("postgres", PostgresArgs.builder(namespace, "demo")
                    .image(platform.k8s.ContainerImage.of(platform.Versions.POSTGRES_ALPINE))
                    .owner("demo").database("demo", "database").appRole("demo_app").build(), null);
            platform.secrets.KubeSecrets.create(postgres, "urls", namespace, postgres.labels(), new java.util.TreeMap<>(Map.of(
                    "admin", postgres.ownerUrl("postgresql+psycopg"), "app", postgres.appUrl("postgresql+psycopg"))));
        }, "test", Map.of(), java.util.Set.of(), new platform.AnsweringCloud(), false);

        var data = map(Stacks.object(result, "Secret", "demo", "urls").inputs().get("stringData"));
        assertThat(data.get("admin")).isEqualTo(new platform.render.Secret("postgresql+psycopg://demo:"
                + platform.AnsweringCloud.passwordOf("postgres-password", "0") + "@postgres:5432/demo?sslmode=disable"));
        assertThat(data.get("app")).isEqualTo(new platform.render.Secret("postgresql+psycopg://demo_app:"
                + platform.AnsweringCloud.passwordOf("postgres-app-password", "0") + "@postgres:5432/demo?sslmode=disable"));
    }

    @Test
    void driverUrlsNeedAPostgresSchemeAndAnAppRole() {
        var problems = new java.util.ArrayList<String>();
        platform.render.ProgramRun.run(ctx -> {
            var postgres = new Postgres("postgres", PostgresArgs.builder(platform.k8s.NamespaceRef.existing("demo"), "demo")
                    .image(platform.k8s.ContainerImage.of(platform.Versions.POSTGRES)).owner("demo").database("demo", "database").build(), null);
            for (Runnable call : java.util.List.<Runnable>of(() -> postgres.ownerUrl("mysql"), () -> postgres.appUrl("postgresql"))) {
                try {
                    call.run();
                } catch (RuntimeException refused) {
                    problems.add(refused.getMessage());
                }
            }
        }, "test", Map.of(), java.util.Set.of());

        assertThat(problems).containsExactly("a URL scheme such as postgresql+psycopg, got mysql", "postgres postgres has no app role");
    }
}
