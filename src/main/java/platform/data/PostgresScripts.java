package platform.data;

import java.util.stream.Collectors;

/**
 * The SQL that makes a running PostgreSQL match its config on every start: the owner's password
 * (so rotation needs no manual {@code ALTER USER}), every listed database, and the optional
 * least-privilege app role with its grants. Idempotent; values come from psql variables, never
 * from text pasted into the SQL.
 */
final class PostgresScripts {
    private PostgresScripts() {
    }

    static final String RECONCILE_SQL = "reconcile.sql";
    static final String RECONCILE_SH = "reconcile.sh";
    static final String WAL_ARCHIVE_SH = "wal-archive.sh";
    static final String HBA_CONF = "pg_hba.conf";

    /**
     * The server's {@code archive_command}: {@code sh wal-archive.sh %p %f <spool>}. Compresses the
     * finished segment (or timeline history file) into the spool on the data volume, written under a
     * temporary name, flushed, then renamed, so the sidecar only ever sees whole files; exits 0 only
     * then, and PostgreSQL keeps the segment until it does. A retry after a crash overwrites its own
     * unshipped copy.
     */
    static String walArchiveShell() {
        return """
                #!/bin/sh
                # archive_command (PostgreSQL image): wal-archive.sh <path of the segment> <its file name> <spool directory>
                set -eu
                source="$1"; name="$2"; spool="$3"
                mkdir -p "$spool"
                partial="$spool/.$name.gz.partial"
                gzip -c "$source" > "$partial"
                sync "$partial"
                mv -f "$partial" "$spool/$name.gz"
                sync "$spool"
                """;
    }

    /**
     * The image's client rules (initdb's trust on the socket and loopback, the entrypoint's password
     * over the network), plus streaming replication for the owner over the network with its password:
     * what pg_basebackup needs from the base backup job.
     */
    static String hba(String owner) {
        return """
                # pg_hba.conf of a PostgreSQL with WAL archiving (hba_file): the image's rules plus replication for the owner.
                local all all trust
                host all all 127.0.0.1/32 trust
                host all all ::1/128 trust
                local replication all trust
                host replication all 127.0.0.1/32 trust
                host replication all ::1/128 trust
                host all all all scram-sha-256
                host replication %s all scram-sha-256
                """.formatted(owner);
    }

    /** Run by the container's postStart hook; logs to the container log; fails the start if the SQL fails. */
    static String reconcileShell() {
        return """
                #!/bin/sh
                # postStart: wait for the server on TCP (not the init-time server, which has no TCP), then reconcile.
                # The paths default to the container's; the tests run this same script with their own.
                set -eu
                exec >"${RECONCILE_LOG:-/proc/1/fd/1}" 2>&1
                tries=0
                until pg_isready -q -h 127.0.0.1 -U "$POSTGRES_USER" -d postgres; do
                  tries=$((tries + 1))
                  if [ "$tries" -ge 150 ]; then echo "reconcile: postgres did not become ready"; exit 1; fi
                  sleep 2
                done
                psql -v ON_ERROR_STOP=1 -q -h "${SOCKET_DIR:-/var/run/postgresql}" -U "$POSTGRES_USER" -d postgres \\
                  --set=owner="$POSTGRES_USER" --set=app="${APP_USER:-}" \\
                  -f "${SCRIPTS_DIR:-/scripts}/reconcile.sql"
                echo "reconcile: roles, passwords and databases are as configured"
                """;
    }

    static String reconcileSql(PostgresArgs args) {
        var sql = new StringBuilder();
        // Passwords reach psql from its environment (\getenv, psql 15+), never on its command line,
        // where any process of the pod could read them.
        sql.append("\\getenv owner_password POSTGRES_PASSWORD\n");
        sql.append("ALTER ROLE :\"owner\" WITH PASSWORD :'owner_password';\n");
        for (var database : args.databases()) {
            sql.append("SELECT format('CREATE DATABASE %I OWNER %I', '").append(database.name()).append("', :'owner')\n")
                    .append("  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '").append(database.name()).append("')\\gexec\n");
        }
        args.appRole().ifPresent(app -> {
            sql.append("SELECT format('CREATE ROLE %I LOGIN', :'app') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app')\\gexec\n");
            sql.append("\\getenv app_password APP_PASSWORD\n");
            sql.append("ALTER ROLE :\"app\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';\n");
            sql.append(args.databases().stream().map(database -> grants(database.name())).collect(Collectors.joining()));
        });
        return sql.toString();
    }

    /**
     * CRUD only; no CREATE on the schema, nor temporary tables (PUBLIC has them by default); default
     * privileges so tables the owner creates later are granted too.
     */
    private static String grants(String database) {
        return """
                \\connect %1$s
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                REVOKE TEMPORARY ON DATABASE %1$s FROM PUBLIC;
                REVOKE CREATE ON SCHEMA public FROM :"app";
                GRANT CONNECT ON DATABASE %1$s TO :"app";
                GRANT USAGE ON SCHEMA public TO :"app";
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
                ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
                ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
                """.formatted(database);
    }
}
