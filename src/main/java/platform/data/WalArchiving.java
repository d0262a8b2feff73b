package platform.data;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;

import java.util.List;

/**
 * Continuous archiving of a {@link Postgres}' write-ahead log, for point-in-time recovery: the
 * server's {@code archive_command} compresses each finished segment into a spool directory on the
 * data volume ({@link Postgres#WAL_SPOOL}), and a sidecar this supplies ships the spool to where the
 * base backups go. Given to {@link PostgresArgs.Builder#walArchiving}; the server also lets its owner
 * connect for streaming replication (pg_basebackup). Implemented by {@code platform.backup.PostgresPitr}.
 */
public interface WalArchiving {
    /** A segment is finished at the latest this long after a write ({@code archive_timeout}): the newest reachable point's age. */
    int archiveTimeoutSeconds();

    /** The sidecar container and the volumes it adds, for the pod of {@code postgres} (it mounts the data volume too). */
    Sidecar sidecar(PostgresArgs postgres);

    /** Called once the server exists: the base backups, their retention and the replay check. */
    void attach(Postgres postgres);

    record Sidecar(ContainerArgs container, List<VolumeArgs> volumes) {
        public Sidecar {
            volumes = List.copyOf(volumes);
        }
    }
}
