package platform.apps;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import platform.Stacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code scripts/marc-upgrade.sh} for real in bash, in a copy of the repository's layout, with
 * fake {@code pulumi}, {@code curl}, {@code date} and {@code sleep} on PATH: each records its calls;
 * {@code pulumi config set/rm} change the stack file as the real one would (visibly), {@code pulumi up}
 * exits as the test says, {@code curl} answers as a given pool, the clock runs fast.
 */
class MarcUpgradeScriptTest {
    private static final List<String> FLAGS = List.of("--stack", "prod", "--image", "chopmicrobiome/marc_web:0.4.4", "--port", "8080",
            "--pool", "prod-20260301", "--dev-pool", "dev-20240925", "--timeout", "300");
    private static final String CONFIG = """
            platform:marc.production.active=prod-20240925
            platform:marc.production.pools.prod-20240925.replicas=2
            platform:marc.production.pools.prod-20240925.image=chopmicrobiome/marc_web:0.4.3
            platform:marc.development.pool=dev-20240925
            platform:marc.hosts[0]=marc.research.chop.edu
            platform:edge.issuer=letsencrypt-production
            """;
    private static final String FAKE_PULUMI = """
            #!/bin/bash
            echo "pulumi $*" >> "$FAKE_LOG"
            stack=""
            for ((i = 1; i <= $#; i++)); do [ "${!i}" = "--stack" ] && { j=$((i + 1)); stack="${!j}"; }; done
            case "$1 $2" in
              "config get")
                awk -v key="${@: -1}" 'index($0, key "=") == 1 { print substr($0, length(key) + 2); found = 1 } END { exit !found }' "$FAKE_CONFIG" \\
                  || { echo "error: configuration key '${@: -1}' not found for stack '$stack'" >&2; exit 255; } ;;
              "config set") echo "# set ${*: -2}" >> "Pulumi.$stack.yaml" ;;
              "config rm") echo "# rm ${*: -1}" >> "Pulumi.$stack.yaml" ;;
              *)
                [ "$1" = up ] || exit 99
                code=$(head -n 1 "$FAKE_UP"); sed -i 1d "$FAKE_UP"; exit "${code:-99}" ;;
            esac
            """;
    private static final String FAKE_CURL = """
            #!/bin/bash
            echo "curl $*" >> "$FAKE_LOG"
            printf 'HTTP/2 200\\r\\ncontent-type: application/json\\r\\nx-marc-pool: %s\\r\\n\\r\\n' "$FAKE_POOL"
            """;
    /** A clock that moves 20 s per reading, and a sleep that returns at once: the gateway check's deadline comes fast. */
    private static final String FAKE_DATE = """
            #!/bin/bash
            tick=$(( $(cat "$FAKE_CLOCK" 2>/dev/null || echo 1700000000) + 20 )); echo "$tick" > "$FAKE_CLOCK"; echo "$tick"
            """;
    private static final String FAKE_SLEEP = "#!/bin/bash\nexit 0\n";

    private Path root;
    private Path log;
    private Path ups;
    private String stackFile;

    private record Run(int exitCode, String output, List<String> calls) {
        List<String> pulumiCalls() {
            return calls.stream().filter(call -> call.startsWith("pulumi ")).toList();
        }
    }

    @BeforeEach
    void layout() throws IOException {
        root = Files.createTempDirectory("marc-upgrade");
        Files.createDirectories(root.resolve("scripts"));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Stacks.projectRoot().resolve("scripts/marc-upgrade.sh"), root.resolve("scripts/marc-upgrade.sh"));
        stackFile = Files.readString(Stacks.projectRoot().resolve("Pulumi.prod.yaml"));
        Files.writeString(root.resolve("Pulumi.prod.yaml"), stackFile);
        Files.writeString(root.resolve("config"), CONFIG);
        log = root.resolve("calls");
        ups = root.resolve("ups");
        Files.writeString(log, "");
        executable("pulumi", FAKE_PULUMI);
        executable("curl", FAKE_CURL);
        executable("date", FAKE_DATE);
        executable("sleep", FAKE_SLEEP);
    }

    @AfterEach
    void clean() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void executable(String name, String text) throws IOException {
        var file = root.resolve("bin").resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the script with {@code args}; {@code pulumi up} exits with each of {@code upExitCodes} in turn. */
    private Run run(List<String> args, String answeringPool, int... upExitCodes) throws Exception {
        var codes = new StringBuilder();
        for (var code : upExitCodes) {
            codes.append(code).append('\n');
        }
        Files.writeString(ups, codes.toString());
        var command = new ArrayList<>(List.of("bash", root.resolve("scripts/marc-upgrade.sh").toString()));
        command.addAll(args);
        var builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "PATH", root.resolve("bin") + ":" + System.getenv("PATH"),
                "FAKE_LOG", log.toString(), "FAKE_CONFIG", root.resolve("config").toString(), "FAKE_UP", ups.toString(),
                "FAKE_POOL", answeringPool, "FAKE_CLOCK", root.resolve("clock").toString(), "TMPDIR", root.toString()));
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output, Files.readAllLines(log));
    }

    private static List<String> without(String flag) {
        var args = new ArrayList<>(FLAGS);
        var at = args.indexOf(flag);
        args.remove(at + 1);
        args.remove(at);
        return args;
    }

    private String stackFileNow() throws IOException {
        return Files.readString(root.resolve("Pulumi.prod.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--stack", "--image", "--port", "--pool", "--dev-pool", "--timeout"})
    void refusesToRunWithoutEachFlag(String flag) throws Exception {
        var run = run(without(flag), "prod-20260301");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains(flag + " is required (there are no defaults)").contains("usage:");
        assertThat(run.calls()).isEmpty();
    }

    @Test
    void refusesBadValuesAndAPoolThatIsNotNew() throws Exception {
        var latest = new ArrayList<>(FLAGS);
        latest.set(latest.indexOf("--image") + 1, "chopmicrobiome/marc_web:latest");
        assertThat(run(latest, "x").output()).contains("--image needs a release tag, not latest");

        var samePool = new ArrayList<>(FLAGS);
        samePool.set(samePool.indexOf("--pool") + 1, "prod-20240925");
        var same = run(samePool, "x");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.output()).contains("prod-20240925 is already a production pool");

        var otherDev = new ArrayList<>(FLAGS);
        otherDev.set(otherDev.indexOf("--dev-pool") + 1, "dev-20990101");
        var dev = run(otherDev, "x");
        assertThat(dev.exitCode()).isEqualTo(2);
        assertThat(dev.output()).contains("--dev-pool dev-20990101 is not the development pool in Pulumi.prod.yaml (dev-20240925)");
        assertThat(dev.pulumiCalls()).noneMatch(call -> call.startsWith("pulumi up") || call.startsWith("pulumi config set"));
        assertThat(stackFileNow()).isEqualTo(stackFile);
    }

    @Test
    void whenTheNewPoolNeverGetsReadyTheStackFileIsRestoredAndUpRunsAgain() throws Exception {
        var run = run(FLAGS, "prod-20240925", 1, 0);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(stackFileNow()).isEqualTo(stackFile);
        assertThat(run.pulumiCalls()).filteredOn(call -> call.startsWith("pulumi config set") || call.startsWith("pulumi up")).containsExactly(
                "pulumi config set --stack prod --path platform:marc.production.pools.prod-20260301.image chopmicrobiome/marc_web:0.4.4",
                "pulumi config set --stack prod --path platform:marc.production.pools.prod-20260301.port 8080",
                "pulumi config set --stack prod --path platform:marc.production.pools.prod-20260301.replicas 2",
                "pulumi config set --stack prod --path platform:marc.production.active prod-20260301",
                "pulumi config set --stack prod --path platform:marc.readyTimeoutSeconds 300",
                "pulumi up --stack prod --yes",
                "pulumi up --stack prod --yes");
        assertThat(run.calls()).noneMatch(call -> call.startsWith("curl") || call.startsWith("pulumi config rm"));
        assertThat(run.output()).contains("pulumi up failed: prod-20260301 did not get every replica ready within 300s")
                .contains("rolled back: /prod/ is on prod-20240925, pool prod-20260301 is removed");
        assertThat(Files.list(root).map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("marc-upgrade."));
    }

    @Test
    void whenTheGatewayNeverAnswersFromTheNewPoolItRollsBack() throws Exception {
        var run = run(FLAGS, "prod-20240925", 0, 0);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(stackFileNow()).isEqualTo(stackFile);
        assertThat(run.calls()).anyMatch(call -> call.startsWith("curl") && call.endsWith("https://marc.research.chop.edu/prod/health")
                && !call.contains("--insecure"));
        assertThat(run.pulumiCalls()).filteredOn(call -> call.startsWith("pulumi up")).hasSize(2);
        assertThat(run.pulumiCalls()).noneMatch(call -> call.startsWith("pulumi config rm"));
        assertThat(run.output()).contains("the gateway did not answer /prod/health from prod-20260301 within 300s");
    }

    @Test
    void whenTheRollbacksUpFailsTooItSaysSoAndLeavesTheRestoredStackFile() throws Exception {
        var run = run(FLAGS, "prod-20240925", 1, 1);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(stackFileNow()).isEqualTo(stackFile);
        assertThat(run.output()).contains("the rollback's pulumi up failed too; Pulumi.prod.yaml is restored: run pulumi up --stack prod");
    }

    @Test
    void whenTheNewPoolServesTheOldPoolIsRemoved() throws Exception {
        var run = run(FLAGS, "prod-20260301", 0, 0);

        assertThat(run.exitCode()).as(run.output()).isZero();
        var calls = run.pulumiCalls().stream().filter(call -> call.startsWith("pulumi up") || call.startsWith("pulumi config rm")).toList();
        assertThat(calls).containsExactly("pulumi up --stack prod --yes",
                "pulumi config rm --stack prod --path platform:marc.production.pools.prod-20240925",
                "pulumi up --stack prod --yes");
        assertThat(stackFileNow()).startsWith(stackFile).contains("# set platform:marc.production.active prod-20260301")
                .contains("# rm platform:marc.production.pools.prod-20240925");
        assertThat(run.output()).contains("done: /prod/ is on prod-20260301; prod-20240925 is removed");
    }

    @Test
    void aStagingCertificateIsNotTrustedButTheRouteIsStillChecked() throws Exception {
        Files.writeString(root.resolve("config"), CONFIG.replace("letsencrypt-production", "letsencrypt-staging"));

        var run = run(FLAGS, "prod-20260301", 0, 0);

        assertThat(run.exitCode()).isZero();
        assertThat(run.calls()).anyMatch(call -> call.startsWith("curl") && call.contains("--insecure"));
    }
}
