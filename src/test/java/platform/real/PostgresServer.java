package platform.real;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import platform.Programs;
import platform.Versions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL server per test class: real server binaries (zonky's build, from Maven
 * Central) on a free loopback port, stopped after the class. Authentication as in the postgres
 * image: the local socket trusts, TCP needs the password (loopback stands in for the pod network).
 * The client tools the scripts call (psql, pg_dump, ...) come from the machine: zonky ships only
 * the server, Debian 12's own client is 15, which refuses to dump a 16 server, and no Debian suite
 * packages a 16 client; {@code .ci/install-test-servers} installs Debian 13's 17, which dumps a 16
 * server but cannot restore into one (it sets transaction_timeout, new in 17). Hence two kinds:
 * {@link #production()} and {@link #ofTheClientTools()}.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
    /** The superuser zonky's initdb creates; trusted on loopback for the test's own set-up. */
    public static final String SUPERUSER = "postgres";
    /** Where {@code .ci/install-test-servers} puts the client tools; {@code PG_CLIENT_BIN} overrides. */
    static final Path INSTALLED_CLIENT = Path.of("/opt/postgresql-client-17/bin");
    static final List<String> CLIENT_TOOLS = List.of("psql", "pg_isready", "pg_dump", "pg_dumpall", "pg_restore", "createdb", "dropdb");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)\\.(\\d+)");

    private final String binaries;
    private final boolean clientOfTheSameMajor;
    private java.util.function.Supplier<Map<String, String>> config = Map::of;
    private EmbeddedPostgres server;
    private Path socketDir;
    private Path clientBin;

    private PostgresServer(String binaries, boolean clientOfTheSameMajor) {
        this.binaries = binaries;
        this.clientOfTheSameMajor = clientOfTheSameMajor;
    }

    /** The production image's major version (the binaries on the test classpath); client tools of it or newer. */
    public static PostgresServer production() {
        return new PostgresServer(null, false);
    }

    /** A server of the client tools' major (binaries the build copies beside the classpath), for pg_restore. */
    public static PostgresServer ofTheClientTools() {
        return new PostgresServer(System.getProperty("postgres17.binaries"), true);
    }

    /**
     * Server settings ({@code -c name=value}) read when the server starts, e.g. a render's command line;
     * a value with spaces is quoted for pg_ctl's shell.
     */
    public PostgresServer withConfig(java.util.function.Supplier<Map<String, String>> settings) {
        this.config = settings;
        return this;
    }

    /** The production image's major version, e.g. 16 for {@code postgres:16.10}. */
    public static int productionMajor() {
        return Integer.parseInt(Versions.POSTGRES.replaceAll("^postgres:(\\d+).*$", "$1"));
    }

    /** The major version of the binaries this server runs. */
    public int major() {
        return binaries == null ? productionMajor() : Integer.parseInt(binaries.replaceAll("^.*-(\\d+)\\.\\d+\\.\\d+\\.jar$", "$1"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        clientBin = clientTools();
        socketDir = Files.createTempDirectory("pg-socket");
        var log = Command.log("postgres" + major() + "-" + context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(log.getParent());
        var builder = EmbeddedPostgres.builder();
        if (binaries != null) {
            var jar = Path.of(binaries);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no PostgreSQL binaries at " + jar + "; the build copies them (mvn process-test-resources)");
            }
            builder.setPgBinaryResolver((system, machine) -> fromJar(jar, ("postgres-" + system + "-" + machine + ".txz").toLowerCase(java.util.Locale.ROOT)));
        }
        config.get().forEach((name, value) -> builder.setServerConfig(name, value.contains(" ") ? "'" + value + "'" : value));
        server = builder
                .setPort(Loopback.freePort())
                .setServerConfig("unix_socket_directories", socketDir.toString())
                .setDataDirectoryCustomizer(dataDir -> writeHba(dataDir.toPath()))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        if (socketDir != null) {
            Files.deleteIfExists(socketDir);
        }
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.InputStream fromJar(Path jar, String entry) throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            var found = zip.getEntry(entry);
            if (found == null) {
                throw new IOException(jar + " has no " + entry);
            }
            try (var in = zip.getInputStream(found)) {
                return new java.io.ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    /** The first directory with every client tool of a major this server can use. */
    private Path clientTools() {
        var candidates = new ArrayList<Path>();
        Optional.ofNullable(System.getenv("PG_CLIENT_BIN")).map(Path::of).ifPresent(candidates::add);
        candidates.add(INSTALLED_CLIENT);
        Programs.find("pg_dump").map(Path::getParent).ifPresent(candidates::add);
        var found = new ArrayList<String>();
        for (var dir : candidates) {
            if (!CLIENT_TOOLS.stream().allMatch(tool -> Files.isExecutable(dir.resolve(tool)))) {
                continue;
            }
            var version = Command.of(Map.of(), dir.resolve("pg_dump").toString(), "--version").run().output();
            var matcher = VERSION.matcher(version);
            if (matcher.find()) {
                var clientMajor = Integer.parseInt(matcher.group(1));
                if (clientOfTheSameMajor ? clientMajor == major() : clientMajor >= major()) {
                    return dir;
                }
            }
            found.add(dir + " has " + version.strip());
        }
        Programs.unavailable("the PostgreSQL tests need client tools (" + String.join(", ", CLIENT_TOOLS) + ") of version "
                + major() + (clientOfTheSameMajor ? "" : " or newer") + " for a " + major() + " server" + (found.isEmpty() ? "" : "; " + found)
                + ": " + Programs.INSTALL);
        throw new IllegalStateException("unreachable");
    }

    public int port() {
        return server.getPort();
    }

    public Path socketDir() {
        return socketDir;
    }

    public Path clientBin() {
        return clientBin;
    }

    /** Where this server's own programs are (postgres, pg_ctl, initdb): the directory of a backend's executable. */
    public Path serverBin() throws SQLException, IOException {
        try (var connection = superuser("postgres"); var result = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return Path.of("/proc/" + result.getInt(1) + "/exe").toRealPath().getParent();
        }
    }

    /** PATH with the client tools first, and the port: what the postgres image's shell has. */
    public Map<String, String> clientEnv() {
        return Map.of("PATH", clientBin + ":/usr/local/bin:/usr/bin:/bin", "PGPORT", Integer.toString(port()), "LANG", "C.UTF-8");
    }

    /** A connection as the superuser, for the test's own set-up and inspection. */
    public Connection superuser(String database) throws SQLException {
        return server.getDatabase(SUPERUSER, database).getConnection();
    }

    /** A connection over TCP with a password, as an app or a job connects. */
    public Connection connect(String user, String password, String database) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://" + Loopback.HOST + ":" + port() + "/" + database, properties);
    }

    /** A job step's database variables: the Service's address and the owner's Secret stand for this server's. */
    public UnaryOperator<PodEnv> jobEnv(String password) {
        return jobEnv(password, port());
    }

    /** As {@link #jobEnv(String)}, with {@code port} in place of this server's (a port nothing listens on, say). */
    public UnaryOperator<PodEnv> jobEnv(String password, int port) {
        return env -> env.replace("PGHOST", Loopback.HOST).replace("PGPASSWORD", password)
                .addAll(Command.merge(clientEnv(), Map.of("PGPORT", Integer.toString(port))));
    }

    /** The first column of every row {@code sql} returns, run as the superuser in {@code database}. */
    public List<String> query(String database, String sql) throws SQLException {
        var rows = new ArrayList<String>();
        try (var connection = superuser(database); var result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** The number a {@code SELECT count(*) ...} returns, run as the superuser in {@code database}. */
    public long count(String database, String sql) throws SQLException {
        try (var connection = superuser(database); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Runs statements as the superuser in {@code database}. */
    public void execute(String database, String... statements) throws SQLException {
        try (var connection = superuser(database); var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
