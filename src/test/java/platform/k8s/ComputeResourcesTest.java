package platform.k8s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rendered limits are checked on a workload in AppWorkloadTest; here, what a CPU limit may be. */
class ComputeResourcesTest {

    @Test
    void cpuIsLimitedOnlyWhenAsked() {
        assertThat(ComputeResources.MEDIUM.cpuLimit()).isEmpty();
        var capped = new ComputeResources("250m", "256Mi", "512Mi").withCpuLimit("500m");
        assertThat(capped.cpuLimit()).contains("500m");
        assertThat(capped.memoryLimit()).isEqualTo("512Mi");
        assertThat(new ComputeResources("0.25", "256Mi", "512Mi").withCpuLimit("0.5").cpuLimit()).contains("0.5");
    }

    @Test
    void aCpuLimitBelowTheRequestOrMalformedIsRefused() {
        assertThatThrownBy(() -> ComputeResources.LARGE.withCpuLimit("100m")).hasMessage("cpuLimit 100m is below cpuRequest 250m");
        assertThatThrownBy(() -> ComputeResources.LARGE.withCpuLimit("half")).hasMessageContaining("cpuLimit must be cores or millicores");
        assertThatThrownBy(() -> new ComputeResources("1", "256Mi", "512Mi").withCpuLimit("500m")).hasMessage("cpuLimit 500m is below cpuRequest 1");
    }
}
