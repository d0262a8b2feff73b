package platform.k8s;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the process probe's real script in sh against real processes: it must pass and fail as it claims. */
class ProcessProbeTest {

    private static int probe(String prefix) throws IOException, InterruptedException {
        var process = new ProcessBuilder("sh", "-c", Probes.processCheck(prefix)).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        return process.exitValue();
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
        Thread.sleep(200);
    }

    @Test
    void passesWhileTheProcessRunsAndFailsWhenItIsStoppedOrGone() throws Exception {
        var name = "probetarget-" + UUID.randomUUID().toString().substring(0, 8);
        var prefix = name + " 300";
        // The probe's own command line (sh -c ...) holds the prefix too; only a command line starting with it counts.
        assertThat(probe(prefix)).as("no such process yet").isEqualTo(1);

        var target = new ProcessBuilder("bash", "-c", "exec -a " + name + " sleep 300").start();
        try {
            Thread.sleep(300);
            assertThat(probe(prefix)).as("running").isZero();

            signal(target.pid(), "STOP");
            assertThat(probe(prefix)).as("stopped").isEqualTo(1);
            signal(target.pid(), "CONT");
            assertThat(probe(prefix)).as("continued").isZero();
        } finally {
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(probe(prefix)).as("gone").isEqualTo(1);
    }

    @Test
    void onlyPlainCommandPrefixesAreAccepted() {
        for (var bad : List.of("node\"; rm -rf /", "sh -c node", "", "node *")) {
            assertThatThrownBy(() -> Probes.processCheck(bad)).hasMessageContaining("plain command prefix");
        }
    }
}
