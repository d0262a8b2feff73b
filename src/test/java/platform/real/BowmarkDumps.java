package platform.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bow-Mark's names as the prod stack renders its PostgreSQL jobs (pg-backup, pg-restore-check,
 * pg-restore), their dumps' keys and real dumps: the fixture the real-server tests of those jobs share.
 */
final class BowmarkDumps {
    static final String NAMESPACE = "bowmark";
    static final String OWNER = "bowmark";
    static final String PAVING = "bowmark_reports_paving";
    static final String CONCRETE = "bowmark_reports_concrete";
    static final String PREFIX = "pg-backups/";
    /** A dump's name: {@code <database>/<stamp>.pgdump}, as pg-dump.sh writes it. */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The owner's password on the test servers, new in every run. */
    static final String PASSWORD = UUID.randomUUID().toString();

    private BowmarkDumps() {
    }

    /** The bucket key of a dump of {@code database} made at {@code at}. */
    static String key(String database, Instant at) {
        return PREFIX + database + "/" + STAMP.format(at) + ".pgdump";
    }

    /** A real custom-format dump of {@code server}'s {@code database}, made by the test as the owner, through a file in {@code dir}. */
    static byte[] dump(PostgresServer server, String database, Path dir) throws Exception {
        var file = Files.createTempFile(dir, database, ".pgdump");
        var outcome = Command.of(Command.merge(server.clientEnv(), Map.of("PGPASSWORD", PASSWORD)),
                "pg_dump", "-Fc", "-h", Loopback.HOST, "-U", OWNER, "-d", database, "-f", file.toString()).run();
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        return Files.readAllBytes(file);
    }
}
