package platform.render.architecture;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.render.Project;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed pictures under docs/architecture/ are what a fresh render draws; and they show what matters. */
class ArchitectureDocsTest {

    @Test
    void theCommittedCopyOfEveryStackMatchesAFreshRender() throws IOException {
        var root = Stacks.projectRoot();
        var project = new Project(root, root);
        var stacks = project.stacks();
        assertThat(stacks).contains("dev", "prod");
        for (var stack : stacks) {
            var copy = root.resolve(ArchitectureCommand.DOCS).resolve(stack + ".md");
            assertThat(copy).as("run ./platform architecture").isRegularFile();
            assertThat(Files.readString(copy)).as(copy + " is out of date: run ./platform architecture")
                    .isEqualTo(ArchitectureCommand.fresh(project, stack));
        }
    }

    @Test
    void theProdPictureShowsHostsRoutesDatastoreAccessAndBackups() {
        var markdown = ArchitectureDiagram.of("prod", Stacks.run("prod").resources()).markdown();

        assertThat(markdown).contains("```mermaid\nflowchart LR\n")
                .contains("gateway_edge_platform{{\"Gateway platform\"}}")
                .contains("gateway_edge_platform --> host_paving_bowmark_ca")
                .contains("host_concrete_bowmark_ca -->|\"/api*\"| Deployment_bowmark_server_concrete_deployment")
                .contains("StatefulSet_bowmark_postgres[(\"StatefulSet postgres x1\")]")
                .contains("Deployment_bowmark_worker_deployment -.->|\"5432\"| StatefulSet_bowmark_postgres")
                .contains("pods_bowmark_app_kubernetes_io_name_maintenance -.->|\"5432\"| StatefulSet_bowmark_postgres")
                .contains("CronJob_bowmark_pg_backup ==>|\"pg-backups/\"| bucket_platform_prod_backups")
                .doesNotContain("Deployment_bowmark_client_deployment -.->");
    }

    @Test
    void aRemovedNetworkPolicyRemovesItsArrow() {
        var resources = Stacks.run("prod").resources().stream()
                .filter(r -> !(r.kind().equals("NetworkPolicy") && r.metadataName().equals("postgres-from-worker"))).toList();
        var markdown = ArchitectureDiagram.of("prod", resources).markdown();

        assertThat(markdown).doesNotContain("Deployment_bowmark_worker_deployment -.->|\"5432\"|")
                .contains("Deployment_bowmark_worker_deployment -.->|\"5672\"| StatefulSet_bowmark_rabbitmq");
    }
}
