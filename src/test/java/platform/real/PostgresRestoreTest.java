package platform.real;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import platform.Programs;
import platform.Stacks;
import platform.render.ProgramRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.real.BowmarkDumps.CONCRETE;
import static platform.real.BowmarkDumps.NAMESPACE;
import static platform.real.BowmarkDumps.OWNER;
import static platform.real.BowmarkDumps.PASSWORD;
import static platform.real.BowmarkDumps.PAVING;
import static platform.real.BowmarkDumps.PREFIX;
import static platform.real.BowmarkDumps.key;

/**
 * Bow-Mark's {@code pg-restore} template as the prod stack renders it, run for real: the shipped
 * fetch-dump.sh and pg-restore.sh with the rendered environments, an S3 API with real dumps, and a
 * live PostgreSQL. The newest dumps go into empty databases; a database holding rows is refused and
 * kept as it was; a named dump replaces data only with FORCE=yes, set the way the README's command
 * sets it (its {@code kubectl set env --local} line, run with a real kubectl on the Job that
 * {@code kubectl create job --from} makes of the CronJob); a corrupt dump changes nothing.
 * Dumps are made from a server of the production major; the live server is of the client tools'
 * major (see {@link PostgresServer}).
 */
@RealServers
class PostgresRestoreTest {
    @RegisterExtension
    static final PostgresServer SOURCE = PostgresServer.production();
    @RegisterExtension
    static final PostgresServer LIVE = PostgresServer.ofTheClientTools();
    @RegisterExtension
    static final S3Server S3 = new S3Server();

    static ProgramRun.Result prod;
    @TempDir
    static Path tmp;
    static int runs;

    @BeforeAll
    static void dumpsOfBothDatabasesAndALiveServer() throws Exception {
        prod = Stacks.run("prod");
        for (var server : List.of(SOURCE, LIVE)) {
            server.execute("postgres", "CREATE ROLE " + OWNER + " SUPERUSER LOGIN PASSWORD '" + PASSWORD + "'");
        }
        for (var database : List.of(PAVING, CONCRETE)) {
            SOURCE.execute("postgres", "CREATE DATABASE " + database + " OWNER " + OWNER);
            try (var owner = SOURCE.connect(OWNER, PASSWORD, database)) {
                owner.createStatement().execute("CREATE TABLE reports (id serial PRIMARY KEY, job text NOT NULL)");
                owner.createStatement().execute("CREATE TABLE crews (name text PRIMARY KEY)");
                owner.createStatement().execute("INSERT INTO reports (job) VALUES ('paving'), ('curbs'), ('" + database + "')");
                owner.createStatement().execute("INSERT INTO crews VALUES ('north'), ('south')");
            }
        }
    }

    /** A fresh pair of live databases, empty or with the given rows in {@code reports}. */
    static void liveDatabases(String... rows) throws SQLException {
        for (var database : List.of(PAVING, CONCRETE)) {
            LIVE.execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database + " OWNER " + OWNER);
            if (rows.length > 0) {
                LIVE.execute(database, "CREATE TABLE reports (id serial PRIMARY KEY, job text NOT NULL)");
                for (var row : rows) {
                    LIVE.execute(database, "INSERT INTO reports (job) VALUES ('" + row + "')");
                }
            }
        }
    }

    @Test
    void theNewestDumpsGoIntoEmptyDatabasesAndTheJobLogsKeySizeAndRows() throws Exception {
        liveDatabases();
        var bucket = bucket();
        var now = Instant.now();
        S3.put(bucket, key(PAVING, now.minus(Duration.ofDays(2))), "an older dump, never fetched".getBytes(StandardCharsets.UTF_8));
        var newest = List.of(key(PAVING, now), key(CONCRETE, now.minus(Duration.ofHours(1))));
        for (var key : newest) {
            S3.put(bucket, key, dump(key.split("/")[1]));
        }

        var run = restorePod(bucket, Map.of()).run();

        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.ran()).containsExactly("fetch", "restore");
        for (var key : newest) {
            var database = key.split("/")[1];
            var size = S3.get(bucket, key).length;
            assertThat(run.output()).contains("restore: fetched " + key + " (" + size + " bytes) for " + database)
                    .contains("restore: restoring " + key + " (" + size + " bytes) into " + database)
                    .contains("restore: restored " + key + " into " + database + ": 2 tables, 5 rows:")
                    .contains("restore:   public.crews 2").contains("restore:   public.reports 3");
            assertThat(count(database, "SELECT count(*) FROM reports WHERE job = '" + database + "'")).isEqualTo(1);
        }
        assertThat(run.output()).contains("restore: OK");
        // The restoring owner owns what was restored (--no-owner): the platform's roles, not the dump's.
        assertThat(count(PAVING, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '" + OWNER + "'")).isZero();
    }

    @Test
    void aDatabaseThatHoldsRowsIsRefusedAndKeptAsItWas() throws Exception {
        liveDatabases("live-row-1", "live-row-2");
        var bucket = bucket();
        var now = Instant.now();
        for (var database : List.of(PAVING, CONCRETE)) {
            S3.put(bucket, key(database, now), dump(database));
        }

        var run = restorePod(bucket, Map.of()).run();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.ran()).containsExactly("fetch", "restore");
        assertThat(run.last().outcome().output()).contains("restore: database " + PAVING + " holds rows:")
                .contains("restore:   public.reports 2")
                .contains("restore: REFUSED: not replacing the data of " + PAVING + " " + CONCRETE + "; to replace it, run the job again with FORCE=yes")
                .doesNotContain("restore: restoring");
        for (var database : List.of(PAVING, CONCRETE)) {
            assertThat(count(database, "SELECT count(*) FROM reports")).isEqualTo(2);
            assertThat(count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'crews'")).isZero();
        }
    }

    @Test
    void aNamedDumpReplacesDataWithForceSetAsTheReadmeSetsIt() throws Exception {
        liveDatabases("live-row");
        var bucket = bucket();
        var now = Instant.now();
        var named = key(PAVING, now.minus(Duration.ofDays(3)));
        S3.put(bucket, named, dump(PAVING));
        S3.put(bucket, key(PAVING, now), "the newest, not the one asked for".getBytes(StandardCharsets.UTF_8));

        var parameters = readmeParameters(named.substring(PREFIX.length()), "yes");
        var run = restorePod(bucket, parameters).run();

        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.output()).contains("restore: fetched " + named).contains("restore: database " + PAVING + " holds rows:")
                .contains("restore: restored " + named + " into " + PAVING + ": 2 tables, 5 rows:").doesNotContain(CONCRETE);
        assertThat(count(PAVING, "SELECT count(*) FROM reports")).isEqualTo(3);
        assertThat(count(PAVING, "SELECT count(*) FROM reports WHERE job = 'live-row'")).isZero();
        assertThat(count(CONCRETE, "SELECT count(*) FROM reports")).isEqualTo(1);
    }

    @Test
    void aCorruptDumpFailsTheForcedRestoreAndTheDatabaseIsAsItWas() throws Exception {
        liveDatabases("live-row");
        var bucket = bucket();
        var corrupt = key(PAVING, Instant.now());
        var real = dump(PAVING);
        S3.put(bucket, corrupt, java.util.Arrays.copyOf(real, real.length / 2));

        var run = restorePod(bucket, Map.of("DUMP", corrupt.substring(PREFIX.length()), "FORCE", "yes")).run();

        assertThat(run.succeeded()).isFalse();
        assertThat(run.last().outcome().output()).contains("restore: FAILED to restore " + corrupt + " into " + PAVING
                + "; its transaction was rolled back, so " + PAVING + " is as it was");
        assertThat(count(PAVING, "SELECT count(*) FROM reports WHERE job = 'live-row'")).isEqualTo(1);
        assertThat(count(PAVING, "SELECT count(*) FROM pg_tables WHERE tablename = 'crews'")).isZero();
    }

    @Test
    void aDumpOfAnotherDatabaseAMissingDumpAndABadForceFailBeforeAnythingIsTouched() throws Exception {
        liveDatabases("live-row");
        var bucket = bucket();
        var present = key(PAVING, Instant.now());
        S3.put(bucket, present, dump(PAVING));

        var foreign = restorePod(bucket, Map.of("DUMP", "postgres/20261124T070000Z.pgdump", "FORCE", "yes")).run();
        assertThat(foreign.succeeded()).isFalse();
        assertThat(foreign.ran()).containsExactly("fetch");
        assertThat(foreign.last().outcome().output()).contains("restore: FAILED: DUMP names database 'postgres', which this server does not have");

        var missing = restorePod(bucket, Map.of("DUMP", PAVING + "/20200101T000000Z.pgdump", "FORCE", "yes")).run();
        assertThat(missing.succeeded()).isFalse();
        assertThat(missing.ran()).containsExactly("fetch");
        assertThat(missing.last().outcome().output()).contains("restore: FAILED to fetch s3://" + bucket + "/" + PREFIX + PAVING + "/20200101T000000Z.pgdump");

        var malformed = restorePod(bucket, Map.of("DUMP", "../" + PAVING)).run();
        assertThat(malformed.last().outcome().output()).contains("restore: FAILED: DUMP must be 'newest' or <database>/<file>");

        var noEmptyBucket = restorePod(bucket(), Map.of()).run();
        assertThat(noEmptyBucket.last().outcome().output()).contains("restore: FAILED: no dump of " + PAVING);

        var force = restorePod(bucket, Map.of("DUMP", present.substring(PREFIX.length()), "FORCE", "true")).run();
        assertThat(force.succeeded()).isFalse();
        assertThat(force.ran()).containsExactly("fetch");
        assertThat(force.last().outcome().output()).contains("restore: FAILED: FORCE must be yes or no, got 'true'");
        assertThat(count(PAVING, "SELECT count(*) FROM reports WHERE job = 'live-row'")).isEqualTo(1);
    }

    /**
     * DUMP and FORCE of each container after the README's {@code kubectl set env --local -f - ...} line,
     * run by a real kubectl on the Job that {@code kubectl create job --from=cronjob/pg-restore} makes.
     */
    static Map<String, String> readmeParameters(String dump, String force) throws Exception {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        var line = Pattern.compile("kubectl set env --local -f - (.+?) -o yaml").matcher(readme);
        assertThat(line.find()).as("the README's restore command").isTrue();
        var arguments = new ArrayList<String>(List.of("set", "env", "--local", "-f", "-"));
        for (var word : line.group(1).split("\\s+")) {
            arguments.add(word.replace("<database>/<file>", dump).replace("FORCE=no", "FORCE=" + force));
        }
        arguments.addAll(List.of("-o", "json"));
        var kubectl = Programs.require("kubectl");
        var job = Files.writeString(tmp.resolve("job-" + ++runs + ".json"), jobFromCronJob());
        var argv = new ArrayList<String>();
        argv.add("sh");
        argv.add("-c");
        argv.add("\"$0\" \"$@\" < '" + job + "'");
        argv.add(kubectl.toString());
        argv.addAll(arguments);
        var outcome = new Command(argv, Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString()), tmp, Command.DEFAULT_TIMEOUT).run();
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        var spec = JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonObject("spec").getAsJsonObject("template")
                .getAsJsonObject("spec");
        var parameters = new LinkedHashMap<String, String>();
        for (var list : List.of("initContainers", "containers")) {
            for (var container : spec.getAsJsonArray(list)) {
                for (var variable : container.getAsJsonObject().getAsJsonArray("env")) {
                    var name = variable.getAsJsonObject().get("name").getAsString();
                    if (name.equals("DUMP") || name.equals("FORCE")) {
                        var value = variable.getAsJsonObject().get("value").getAsString();
                        var earlier = parameters.put(name, value);
                        assertThat(earlier == null || earlier.equals(value)).as("every step gets the same " + name).isTrue();
                    }
                }
            }
        }
        assertThat(parameters).containsEntry("DUMP", dump).containsEntry("FORCE", force);
        return parameters;
    }

    /** What {@code kubectl create job --from=cronjob/pg-restore} makes: the job template's spec under a Job. */
    static String jobFromCronJob() {
        var cronJob = Stacks.object(prod, "CronJob", NAMESPACE, "pg-restore");
        var gson = new Gson();
        var job = new JsonObject();
        job.addProperty("apiVersion", "batch/v1");
        job.addProperty("kind", "Job");
        var metadata = new JsonObject();
        metadata.addProperty("name", "pg-restore-manual");
        metadata.addProperty("namespace", NAMESPACE);
        var annotations = new JsonObject();
        annotations.addProperty("cronjob.kubernetes.io/instantiate", "manual");
        metadata.add("annotations", annotations);
        job.add("metadata", metadata);
        job.add("spec", gson.toJsonTree(cronJob.input("spec.jobTemplate.spec").orElseThrow()));
        return gson.toJson(job);
    }

    /** The template's pod against the test's bucket and live server, with {@code parameters} in place of the template's. */
    static JobPod restorePod(String bucket, Map<String, String> parameters) {
        UnaryOperator<PodEnv> set = env -> {
            parameters.forEach(env::replace);
            return env;
        };
        return new JobPod(prod, NAMESPACE, "pg-restore", tmp.resolve("pod-" + ++runs))
                .env("fetch", env -> set.apply(S3.jobEnv(bucket).apply(env)))
                .env("restore", env -> set.apply(LIVE.jobEnv(PASSWORD).apply(env)));
    }

    static String bucket() {
        return S3.newBucket("restore-");
    }

    /** A real custom-format dump of the source server's {@code database}. */
    static byte[] dump(String database) throws Exception {
        return BowmarkDumps.dump(SOURCE, database, tmp);
    }

    static long count(String database, String sql) throws SQLException {
        return LIVE.count(database, sql);
    }
}
