package platform.workload;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import platform.k8s.ComputeResources;
import platform.k8s.ContainerImage;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.SecretKeyRef;
import platform.k8s.Volumes;

import java.util.List;

/**
 * An init container that applies a database's pending dbmate migrations from a ConfigMap of SQL files
 * before the app starts, and never blocks that start for want of migrations: the ConfigMap is mounted
 * {@code optional}, and with no SQL file in it (not created yet, or empty) the step succeeds without
 * calling dbmate, whose {@code up} fails on an empty directory ("no migration files found").
 * Applied migrations are skipped, so it runs on every start.
 */
public final class DbmateMigrations {
    /** Where the ConfigMap is mounted: read-only, each file a symlink. */
    public static final String SOURCE = "/migrations";
    /** The writable copy dbmate reads (the running system copies there too). */
    public static final String WORK = "/tmp/migrations";
    static final String CONFIG_VOLUME = "migrations";
    static final String SCRATCH_VOLUME = "migrations-tmp";

    /** {@code sh -c SCRIPT migrate <source> <work>}: copies the SQL files, then {@code dbmate --no-dump-schema up} if there are any. */
    static final String SCRIPT = """
            set -eu
            source_dir="$1"; work_dir="$2"
            mkdir -p "$work_dir"
            count=0
            for file in "$source_dir"/*.sql; do
              [ -f "$file" ] || continue
              cp "$file" "$work_dir/"
              count=$((count + 1))
            done
            if [ "$count" -eq 0 ]; then
              echo "migrate: no migration files in $source_dir (ConfigMap absent or empty); nothing to apply"
              exit 0
            fi
            echo "migrate: $count migration file(s) in $source_dir; applying the pending ones"
            exec dbmate --migrations-dir "$work_dir" --no-dump-schema --wait up
            """;

    private DbmateMigrations() {
    }

    /**
     * @param image       a pinned dbmate image ({@code platform.Versions.DBMATE}); it has {@code sh}
     * @param databaseUrl the database's percent-encoded URL (dbmate reads {@code DATABASE_URL})
     */
    public static ContainerArgs initContainer(String name, ContainerImage image, SecretKeyRef databaseUrl) {
        return ContainerArgs.builder()
                .name(name)
                .image(image.reference())
                .command("/bin/sh", "-c", SCRIPT, name, SOURCE, WORK)
                .env(Env.fromSecret("DATABASE_URL", databaseUrl))
                .resources(ComputeResources.SMALL.toArgs())
                .securityContext(Hardening.container())
                .volumeMounts(Volumes.readOnly(CONFIG_VOLUME, SOURCE), Volumes.mount(SCRATCH_VOLUME, "/tmp"))
                .build();
    }

    /** The pod volumes the init container mounts: the ConfigMap (optional) and its scratch space. */
    public static List<VolumeArgs> volumes(String configMap) {
        return List.of(Volumes.optionalConfigMap(CONFIG_VOLUME, configMap, 0444), Volumes.scratch(SCRATCH_VOLUME));
    }
}
