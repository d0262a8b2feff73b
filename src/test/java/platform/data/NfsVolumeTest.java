package platform.data;

import org.junit.jupiter.api.Test;
import platform.Baseline;
import platform.Stacks;
import platform.k8s.AppLabels;
import platform.k8s.NamespaceRef;
import platform.render.ProgramRun;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NfsVolumeTest {
    private static final NamespaceRef DEMO = NamespaceRef.existing("demo");

    @Test
    void anExportReachesOneClaimReadOnlyAndIsNeverProvisionedOrDeleted() {
        var result = ProgramRun.run(ctx -> new NfsVolume("files", new NfsVolume.Args(DEMO, AppLabels.of("demo", "files", "files", "database"),
                "files", "nfs.example.org", "/exports/db"), null), "test", Map.of(), Set.of());
        var volume = Stacks.object(result, "PersistentVolume", "cluster", "demo-files");
        var claim = Stacks.object(result, "PersistentVolumeClaim", "demo", "files");

        assertThat(volume.input("spec.nfs")).contains(Map.of("server", "nfs.example.org", "path", "/exports/db", "readOnly", true));
        assertThat(volume.input("spec.accessModes")).contains(List.of("ReadOnlyMany"));
        assertThat(volume.input("spec.persistentVolumeReclaimPolicy")).contains("Retain");
        assertThat(volume.input("spec.storageClassName")).contains("");
        assertThat(volume.input("spec.claimRef")).contains(Map.of("namespace", "demo", "name", "files"));
        assertThat(claim.input("spec.volumeName")).contains("demo-files");
        assertThat(claim.input("spec.storageClassName")).contains("");
        assertThat(claim.input("spec.accessModes")).contains(List.of("ReadOnlyMany"));
        assertThat(Baseline.violations(result.resources(), true)).isEmpty();
    }

    @Test
    void anExportNeedsAServerAndAnAbsolutePath() {
        var labels = AppLabels.of("demo", "files", "files", "database");
        assertThatThrownBy(() -> new NfsVolume.Args(DEMO, labels, "files", " ", "/exports")).hasMessageContaining("NFS volume files needs a server");
        assertThatThrownBy(() -> new NfsVolume.Args(DEMO, labels, "files", "nfs", "exports"))
                .hasMessageContaining("NFS volume files needs an absolute export path, got exports");
    }
}
