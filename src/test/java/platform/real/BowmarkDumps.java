package platform.real;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Bow-Mark's names as the prod stack renders its PostgreSQL jobs (pg-backup, pg-restore-check,
 * pg-restore): the fixture the real-server tests of those jobs share.
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
}
