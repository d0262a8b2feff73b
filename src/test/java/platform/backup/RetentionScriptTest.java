package platform.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the jobs' real retention functions (retention.sh) in bash on dates chosen for their edges. */
class RetentionScriptTest {

    /** Sources retention.sh and runs {@code command} with {@code input} on stdin; returns stdout lines. */
    private static List<String> bash(String command, String input) throws IOException, InterruptedException {
        var script = Files.createTempFile("retention", ".sh");
        Files.writeString(script, BackupScripts.load("retention.sh"));
        var process = new ProcessBuilder("bash", "-c", "source '" + script + "' && " + command)
                .redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Files.delete(script);
        return output.isBlank() ? List.of() : List.of(output.strip().split("\n"));
    }

    private static long epoch(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private static String key(String prefix, LocalDate day) {
        return prefix + day.toString().replace("-", "") + "T080000Z.pgdump";
    }

    @Test
    void thirtyDayRetentionDeletesOnlyDumpsOlderThanTheCutoffAcrossAMonthBoundary() throws Exception {
        var now = epoch("2026-03-02") + 8 * 3600 + 60; // 08:01 on 2 March, just after the daily dump
        var keys = new ArrayList<String>();
        for (var day = LocalDate.parse("2026-01-25"); !day.isAfter(LocalDate.parse("2026-03-02")); day = day.plusDays(1)) {
            keys.add(key("pg-backups/bowmark_reports_paving/", day));
        }
        keys.add("pg-backups/_globals/20260115T080000Z.sql");

        var cutoff = bash("cutoff_stamp 30 " + now, "").get(0);
        var expired = bash("expired_keys " + cutoff, String.join("\n", keys) + "\n");

        assertThat(cutoff).isEqualTo("20260131T080100Z");
        assertThat(expired).contains("pg-backups/_globals/20260115T080000Z.sql",
                "pg-backups/bowmark_reports_paving/20260125T080000Z.pgdump",
                "pg-backups/bowmark_reports_paving/20260131T080000Z.pgdump");
        assertThat(expired).doesNotContain("pg-backups/bowmark_reports_paving/20260201T080000Z.pgdump",
                "pg-backups/bowmark_reports_paving/20260302T080000Z.pgdump");
        assertThat(expired).hasSize(8);
    }

    @Test
    void aKeyWithoutATimestampIsNeverDeleted() throws Exception {
        assertThat(bash("expired_keys 20300101T000000Z", "pg-backups/README\n")).isEmpty();
    }

    @Test
    void sevenNightlyPlusOnePerMonthForTwelveMonths() throws Exception {
        // A nightly dump every night from 1 Oct 2025 to 24 Nov 2026 (leap-free, spans a year boundary).
        var keys = new ArrayList<String>();
        for (var day = LocalDate.parse("2025-10-01"); !day.isAfter(LocalDate.parse("2026-11-24")); day = day.plusDays(1)) {
            keys.add(key("mongo-backups/mortimer/", day));
        }
        var expired = bash("gfs_expired_keys 7 12", String.join("\n", keys) + "\n");
        var kept = new ArrayList<>(keys);
        kept.removeAll(expired);

        var nightly = new ArrayList<String>();
        for (var day = LocalDate.parse("2026-11-18"); !day.isAfter(LocalDate.parse("2026-11-24")); day = day.plusDays(1)) {
            nightly.add(key("mongo-backups/mortimer/", day));
        }
        var monthly = new ArrayList<String>();
        for (var month = LocalDate.parse("2025-12-01"); month.isBefore(LocalDate.parse("2026-11-01")); month = month.plusMonths(1)) {
            monthly.add(key("mongo-backups/mortimer/", month.withDayOfMonth(month.lengthOfMonth())));
        }
        assertThat(kept).containsAll(nightly).containsAll(monthly)
                .contains(key("mongo-backups/mortimer/", LocalDate.parse("2026-02-28")))
                .doesNotContain(key("mongo-backups/mortimer/", LocalDate.parse("2025-11-30")))
                .hasSize(7 + 11);
    }

    @Test
    void eachDatabaseKeepsItsOwnSevenNightlyAndTwelveMonthly() throws Exception {
        // Two databases under one prefix (Mortimer's mortimer and alfred), dumped every night for ten nights.
        var keys = new ArrayList<String>();
        for (var day = LocalDate.parse("2026-11-01"); !day.isAfter(LocalDate.parse("2026-11-10")); day = day.plusDays(1)) {
            keys.add(key("mongo-backups/mortimer/", day));
            keys.add(key("mongo-backups/alfred/", day));
        }
        var expired = bash("gfs_expired_keys 7 12", String.join("\n", keys) + "\n");

        for (var db : List.of("mongo-backups/mortimer/", "mongo-backups/alfred/")) {
            assertThat(expired).filteredOn(k -> k.startsWith(db)).containsExactlyInAnyOrder(
                    key(db, LocalDate.parse("2026-11-01")), key(db, LocalDate.parse("2026-11-02")), key(db, LocalDate.parse("2026-11-03")));
        }
    }

    @Test
    void sevenNightlyPlusOnePerMonthAreKeptPerDatabaseNotAcrossTheDatabasesOfAPrefix() throws Exception {
        // Two databases dumped every night under one prefix; one of them also has older monthlies.
        var keys = new ArrayList<String>();
        for (var day = LocalDate.parse("2026-09-01"); !day.isAfter(LocalDate.parse("2026-11-24")); day = day.plusDays(1)) {
            keys.add(key("pg-backups/paving/", day));
            keys.add(key("pg-backups/concrete/", day));
        }
        keys.add(key("pg-backups/concrete/", LocalDate.parse("2026-05-31")));
        var expired = bash("gfs_expired_keys 7 12", String.join("\n", keys) + "\n");
        var kept = new ArrayList<>(keys);
        kept.removeAll(expired);

        for (var database : List.of("paving", "concrete")) {
            var prefix = "pg-backups/" + database + "/";
            var nightly = new ArrayList<String>();
            for (var day = LocalDate.parse("2026-11-18"); !day.isAfter(LocalDate.parse("2026-11-24")); day = day.plusDays(1)) {
                nightly.add(key(prefix, day));
            }
            assertThat(kept).as(database).containsAll(nightly)
                    .contains(key(prefix, LocalDate.parse("2026-09-30")), key(prefix, LocalDate.parse("2026-10-31")));
        }
        assertThat(kept).contains(key("pg-backups/concrete/", LocalDate.parse("2026-05-31"))).hasSize(2 * (7 + 2) + 1);
    }

    @Test
    void theNewestDumpIsFoundAndItsAgeChecked() throws Exception {
        var keys = "pg-backups/db/20261122T080000Z.pgdump\npg-backups/db/20261124T080000Z.pgdump\npg-backups/db/20261123T080000Z.pgdump\n";
        assertThat(bash("newest_key", keys)).containsExactly("pg-backups/db/20261124T080000Z.pgdump");

        var now = epoch("2026-11-25") + 9 * 3600; // 09:00 the next day: 25 hours after the dump
        assertThat(bash("is_fresh 20261124T080000Z 26 " + now + " && echo fresh || echo stale", "")).containsExactly("fresh");
        assertThat(bash("is_fresh 20261124T080000Z 24 " + now + " && echo fresh || echo stale", "")).containsExactly("stale");
        assertThat(bash("newest_key", "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg-dump.sh", "mongo-dump.sh", "upload.sh", "fetch-newest.sh", "pg-restore-check.sh", "mongo-restore-check.sh"})
    void everyJobScriptStopsAtTheFirstFailureAndSaysSo(String script) {
        var text = BackupScripts.load(script);
        assertThat(text).startsWith("#!/bin/bash").contains("set -euo pipefail").contains("FAILED");
    }

    @Test
    void theJobScriptsAreValidBash() throws Exception {
        for (var script : List.of("retention.sh", "s3.sh", "pg-dump.sh", "mongo-dump.sh", "upload.sh", "fetch-newest.sh",
                "pg-restore-check.sh", "mongo-restore-check.sh")) {
            var file = Files.createTempFile(script, ".sh");
            Files.writeString(file, BackupScripts.load(script));
            var process = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(script + ": " + output).isZero();
            Files.delete(file);
        }
    }
}
