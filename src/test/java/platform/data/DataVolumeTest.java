package platform.data;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.k8s.AppLabels;
import platform.k8s.NamespaceRef;
import platform.render.ProgramRun;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataVolumeTest {
    private static ProgramRun.Result claim(VolumeClaim claim, boolean protect) {
        return ProgramRun.run(ctx -> new DataVolume("app-data", claim).create(
                new com.pulumi.resources.ComponentResource("test:App", "app"), NamespaceRef.existing("demo"),
                AppLabels.of("demo", "app-data", "app-data", "storage"), protect), "test", Map.of(), Set.of());
    }

    @Test
    void aDeploymentsDurableDirectoryIsARetainedReadWriteOnceClaimProtectedInProduction() {
        var claim = Stacks.object(claim(VolumeClaim.retained("5Gi", "/app/data"), true), "PersistentVolumeClaim", "demo", "app-data");

        assertThat(claim.input("spec.accessModes")).contains(List.of("ReadWriteOnce"));
        assertThat(claim.input("spec.storageClassName")).contains("do-block-storage-retain");
        assertThat(claim.input("spec.resources.requests.storage")).contains("5Gi");
        assertThat(claim.options().protect()).isTrue();
        assertThat(claim.options().ignoreChanges()).isEmpty();
        assertThat(claim.input("metadata.labels").orElseThrow().toString()).contains("app.kubernetes.io/part-of=demo");
    }

    @Test
    void anExistingClusterWithoutAClassGetsItsDefaultClassAndDevIsNotProtected() {
        var claim = Stacks.object(claim(new VolumeClaim("1Gi", Optional.empty(), "/app/data"), false), "PersistentVolumeClaim", "demo", "app-data");
        assertThat(claim.input("spec.storageClassName")).isEmpty();
        assertThat(claim.options().protect()).isFalse();
    }

    @Test
    void thePodMountsTheClaimByName() {
        var volume = new DataVolume("app-data", VolumeClaim.retained("5Gi", "/app/data"));
        assertThat(volume.volume().toString()).isNotNull();
        assertThat(volume.mount()).isNotNull();
        assertThatThrownBy(() -> new DataVolume("App_Data", VolumeClaim.retained("5Gi", "/x"))).hasMessageContaining("DNS label");
    }
}
