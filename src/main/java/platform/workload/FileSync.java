package platform.workload;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.resources.Resource;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ConfigMaps;
import platform.k8s.ContainerImage;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.NamespaceRef;
import platform.k8s.Probes;
import platform.k8s.Sha256;
import platform.k8s.Volumes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pod's own copy of one file from a shared read-only volume (an NFS export), kept fresh and
 * failing closed, by {@code file-sync.sh}: an init container makes the first copy before the app
 * starts, so an unreadable or bad source keeps the pod from starting; a sidecar refreshes the copy
 * every {@code every}; the sidecar's readiness fails once the copy is older than {@code maxAge}, so
 * a pod whose refreshes keep failing leaves its Service instead of serving stale data. Each copy is
 * checked before it atomically replaces the previous one, and the time of the last good copy is
 * written beside it. The app mounts the copy's directory read-only.
 *
 * @param name        the sidecar's container name ({@code db-sync}); the init container is {@code <name>-init}
 * @param image       runs the script: it needs bash and GNU coreutils, and python3 with sqlite3 for {@link Check#SQLITE}
 *                    (an app image built on {@code python:*-slim} has them, and checks with the app's own SQLite)
 * @param sourceClaim the PersistentVolumeClaim holding the source, mounted read-only at {@value #SOURCE_DIR}
 * @param sourceFile  the source file's path inside that volume
 * @param target      where the copy is, e.g. {@code /data/marc.sqlite}; its directory is the pod's own emptyDir
 * @param stamp       the file that holds the last good copy's time ({@code YYYY/MM/DD HH:MM:SS}, UTC), in the same directory
 * @param every       how often the sidecar refreshes the copy
 * @param maxAge      how old the copy may get before the pod is taken out of its Service
 * @param timeout     how long each step (reading, copying, checking) may take before that refresh fails
 * @param check       what a copy must be to replace the previous one
 */
public record FileSync(String name, ContainerImage image, String sourceClaim, String sourceFile, String target, String stamp,
                       Duration every, Duration maxAge, Duration timeout, Check check) {
    /** The ConfigMap with the script, one per namespace. */
    public static final String SCRIPT_CONFIG_MAP = "file-sync";
    static final String SCRIPT = "file-sync.sh";
    static final String SCRIPT_DIR = "/opt/file-sync";
    static final String SOURCE_DIR = "/source";
    static final String HEARTBEAT = "/tmp/file-sync.heartbeat";
    static final ComputeResources RESOURCES = ComputeResources.SMALL;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?");
    private static final Pattern ABSOLUTE_FILE = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final Pattern RELATIVE_FILE = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    /** What a copy must be to replace the previous one. */
    public enum Check {
        /** A readable SQLite database with tables, not in WAL mode (python3's sqlite3 opens it read-only and runs quick_check). */
        SQLITE("sqlite"),
        /** Any file with content. */
        NON_EMPTY("non-empty");

        final String scriptValue;

        Check(String scriptValue) {
            this.scriptValue = scriptValue;
        }
    }

    public FileSync {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("file sync name must be a short DNS label, got " + name);
        }
        Objects.requireNonNull(image, "image of file sync " + name);
        Objects.requireNonNull(sourceClaim, "sourceClaim of file sync " + name);
        Objects.requireNonNull(check, "check of file sync " + name);
        if (sourceFile == null || !RELATIVE_FILE.matcher(sourceFile).matches() || sourceFile.contains("..")) {
            throw new IllegalArgumentException("file sync " + name + " source file must be a path inside its volume, got " + sourceFile);
        }
        for (var path : List.of(target, stamp)) {
            if (!ABSOLUTE_FILE.matcher(path).matches() || path.contains("..")) {
                throw new IllegalArgumentException("file sync " + name + " paths must be absolute files, got " + path);
            }
        }
        if (target.equals(stamp) || !directory(target).equals(directory(stamp)) || directory(target).equals("/")) {
            throw new IllegalArgumentException("file sync " + name + " keeps its copy and stamp apart in one directory of their own, got "
                    + target + " and " + stamp);
        }
        if (every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("file sync " + name + " refreshes every 1 minute to 1 day, got " + every);
        }
        if (maxAge.compareTo(every) <= 0) {
            throw new IllegalArgumentException("file sync " + name + " max age " + maxAge + " must be longer than its refresh interval "
                    + every + ", or every pod would leave its Service between two refreshes");
        }
        if (timeout.toSeconds() < 1 || timeout.compareTo(every) >= 0) {
            throw new IllegalArgumentException("file sync " + name + " step timeout must be from 1 s to less than " + every + ", got " + timeout);
        }
    }

    /** The script every file sync of {@code namespace} runs: ConfigMap {@value #SCRIPT_CONFIG_MAP}. */
    public static ConfigMap script(Resource parent, NamespaceRef namespace, AppLabels labels) {
        return ConfigMaps.create(parent, SCRIPT_CONFIG_MAP, namespace, labels, Map.of(SCRIPT, load()));
    }

    /** The script's text, as shipped in the ConfigMap. */
    public static String load() {
        return Scripts.load(SCRIPT);
    }

    /**
     * Adds the init container, the sidecar and their volumes to a workload, and mounts the copy's
     * directory read-only into the app's container.
     */
    public AppWorkloadArgs.Builder applyTo(AppWorkloadArgs.Builder workload) {
        return workload
                .initContainer(container(name + "-init", "once").build())
                .sidecar(container(name, "loop")
                        .readinessProbe(Probes.exec(command("fresh"), Probes.Timing.READINESS))
                        .livenessProbe(Probes.exec(command("alive"), Probes.Timing.LIVENESS))
                        .build())
                .volume(Volumes.scratch(copyVolume()), Volumes.readOnly(copyVolume(), directory(target)))
                .podVolume(VolumeArgs.builder().name(sourceVolume()).persistentVolumeClaim(
                        PersistentVolumeClaimVolumeSourceArgs.builder().claimName(sourceClaim).readOnly(true).build()).build())
                .podVolume(Volumes.configMap(scriptVolume(), SCRIPT_CONFIG_MAP, 0444))
                .podVolume(Volumes.scratch(tmpVolume()));
    }

    private ContainerArgs.Builder container(String containerName, String mode) {
        return ContainerArgs.builder()
                .name(containerName)
                .image(image.reference())
                .command(command(mode))
                .env(env())
                .resources(RESOURCES.toArgs())
                .securityContext(Hardening.container())
                .volumeMounts(
                        Volumes.readOnly(sourceVolume(), SOURCE_DIR),
                        Volumes.mount(copyVolume(), directory(target)),
                        Volumes.readOnly(scriptVolume(), SCRIPT_DIR),
                        Volumes.mount(tmpVolume(), "/tmp"));
    }

    private static List<String> command(String mode) {
        return List.of("bash", SCRIPT_DIR + "/" + SCRIPT, mode);
    }

    List<EnvVarArgs> env() {
        return List.of(
                Env.plain("SOURCE", SOURCE_DIR + "/" + sourceFile),
                Env.plain("TARGET", target),
                Env.plain("STAMP", stamp),
                Env.plain("INTERVAL_SECONDS", Long.toString(every.toSeconds())),
                Env.plain("MAX_AGE_SECONDS", Long.toString(maxAge.toSeconds())),
                Env.plain("TIMEOUT_SECONDS", Long.toString(timeout.toSeconds())),
                Env.plain("CHECK", check.scriptValue),
                Env.plain("HEARTBEAT", HEARTBEAT),
                // A new script rolls the pods: the ConfigMap keeps its name.
                Env.plain("SCRIPT_SHA256", Sha256.hex(load())));
    }

    String copyVolume() {
        return name + "-copy";
    }

    private String sourceVolume() {
        return name + "-source";
    }

    private String scriptVolume() {
        return name + "-script";
    }

    private String tmpVolume() {
        return name + "-tmp";
    }

    static String directory(String path) {
        var slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
