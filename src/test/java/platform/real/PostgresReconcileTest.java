package platform.real;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.Versions;
import platform.k8s.AppNamespace;
import platform.k8s.ContainerImage;
import platform.secrets.CredentialSource;
import platform.render.ProgramRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * The reconciliation a PostgreSQL container runs on every start (its postStart hook, reconcile.sh
 * and reconcile.sql from the rendered ConfigMap, with the rendered container's environment and
 * Secrets) against a fresh real server: srq-hpn's shape (an admin owner and a least-privilege app
 * role, seed 003) and Bow-Mark's stack as rendered (an owner and two databases, seed 001).
 */
@RealServers
class PostgresReconcileTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = PostgresServer.production();

    static final String NAMESPACE = "srq-hpn";
    static final String OWNER = "srq_hpn";
    static final String APP = "srq_hpn_app";
    static final String DATABASE = "srq_hpn";

    @TempDir
    static Path tmp;
    /** The srq-hpn render the server currently matches; the rotation test moves it on. */
    static ProgramRun.Result current;
    static int runs;

    /** srq-hpn's PostgreSQL: database srq_hpn owned by the admin role srq_hpn, app role srq_hpn_app. */
    static ProgramRun.Result srqHpn(int rotation) {
        return Render.answered(ctx -> new Postgres("postgres", PostgresArgs.builder(new AppNamespace(NAMESPACE, "srq-hpn", false, null).ref(), "srq-hpn")
                .image(ContainerImage.of(Versions.POSTGRES_ALPINE)).owner(OWNER).database(DATABASE, "database").appRole(APP)
                .password(CredentialSource.generated(rotation)).appPassword(CredentialSource.generated(rotation)).build(), null));
    }

    @BeforeAll
    static void dataFromBeforeTheAppRoleThenAStartThenAMigrationThenARestart() throws Exception {
        current = srqHpn(0);
        // The postgres image's first start: initdb makes POSTGRES_USER the bootstrap superuser and
        // creates POSTGRES_DB; a table already there (data from before the app role was configured).
        POSTGRES.execute("postgres", "CREATE ROLE " + OWNER + " SUPERUSER LOGIN PASSWORD '" + password(current, "postgres") + "'",
                "CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        owner("CREATE TABLE existing (id serial PRIMARY KEY, name text NOT NULL)");
        assertThat(reconcile(current, NAMESPACE)).contains("reconcile: roles, passwords and databases are as configured");
        owner("CREATE TABLE migrated (id serial PRIMARY KEY, name text NOT NULL)");
        reconcile(current, NAMESPACE);
    }

    private static void owner(String sql) throws SQLException {
        try (var owner = POSTGRES.connect(OWNER, password(current, "postgres"), DATABASE)) {
            owner.createStatement().execute(sql);
        }
    }

    @Test
    void theServerRunsTheProductionImagesMajorVersion() throws Exception {
        assertThat(rows("postgres", "SELECT current_setting('server_version_num')::int / 10000"))
                .containsExactly(Integer.toString(PostgresServer.productionMajor()));
    }

    @Test
    void theAppRoleReadsAndWritesTablesFromBeforeItExistedAndUsesTheirSequences() throws Exception {
        try (var app = app()) {
            crud(app, "existing");
        }
    }

    @Test
    void theAppRoleReadsAndWritesTablesMigratedWhileItExisted() throws Exception {
        try (var app = app()) {
            crud(app, "migrated");
        }
    }

    @Test
    void tablesTheOwnerCreatesLaterAreTheAppRolesWithoutAReGrant() throws Exception {
        owner("CREATE TABLE created_later (id bigserial PRIMARY KEY, name text NOT NULL)");
        try (var app = app()) {
            crud(app, "created_later");
        }
    }

    @Test
    void theAppRoleCannotChangeTheSchemaNorMakeDatabasesOrRoles() throws Exception {
        try (var app = app()) {
            for (var ddl : List.of(
                    "CREATE TABLE mine (id int)",
                    "CREATE SCHEMA mine",
                    "CREATE FUNCTION mine() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                    "CREATE INDEX mine ON migrated (name)",
                    "ALTER TABLE migrated ADD COLUMN mine int",
                    "DROP TABLE migrated",
                    "TRUNCATE migrated",
                    "CREATE DATABASE mine",
                    "CREATE ROLE mine")) {
                assertThatThrownBy(() -> app.createStatement().execute(ddl)).as(ddl)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(ddl + ": " + e.getMessage()).isEqualTo("42501"));
            }
        }
        assertThat(rows(DATABASE, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'migrated'")).containsExactly("2");
    }

    @Test
    void reconcilingAgainChangesNothing() throws Exception {
        var before = catalog();
        assertThat(reconcile(current, NAMESPACE)).contains("reconcile: roles, passwords and databases are as configured");
        assertThat(catalog()).isEqualTo(before);
        // ALTER ROLE ... PASSWORD stores a freshly salted hash each time; what matters is that the same password logs in.
        try (var app = app()) {
            assertThat(app.isValid(5)).isTrue();
        }
    }

    @Test
    void rotatingPasswordsMakesTheOldOnesFailAndTheNewOnesWork() throws Exception {
        var old = current;
        var rotated = srqHpn(1);
        assertThat(password(rotated, "postgres-app")).isNotEqualTo(password(old, "postgres-app"));
        reconcile(rotated, NAMESPACE);
        current = rotated;

        for (var secret : List.of("postgres", "postgres-app")) {
            var user = user(old, secret);
            assertThatThrownBy(() -> POSTGRES.connect(user, password(old, secret), DATABASE).close()).as(user + "'s old password")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            try (var connection = POSTGRES.connect(user, password(rotated, secret), DATABASE)) {
                assertThat(connection.isValid(5)).as(user + "'s new password").isTrue();
            }
        }
    }

    /** Every configured database is made (the first through POSTGRES_DB, then any added later), owned by the owner. */
    @Test
    void bowMarksRenderedReconciliationMakesBothDatabasesAndSyncsTheOwnersPassword() throws Exception {
        var prod = Stacks.run("prod", new AnsweringCloud(), false);
        // A volume first started with another password: the seed's "password authentication failed" case.
        POSTGRES.execute("postgres", "CREATE ROLE bowmark SUPERUSER LOGIN PASSWORD 'the-password-of-an-older-secret'");
        assertThat(reconcile(prod, "bowmark")).contains("reconcile: roles, passwords and databases are as configured");

        var databases = List.of("bowmark_reports_paving", "bowmark_reports_concrete");
        for (var database : databases) {
            assertThat(rows("postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + database + "'"))
                    .as(database).containsExactly("bowmark");
            try (var owner = POSTGRES.connect("bowmark", password(prod, "bowmark", "postgres"), database)) {
                assertThat(owner.isValid(5)).isTrue();
            }
        }
    }

    /** Runs the rendered postStart hook with the rendered container's environment; returns what it logged. */
    static String reconcile(ProgramRun.Result render, String namespace) throws Exception {
        var run = ++runs;
        var container = Render.container(render, "StatefulSet", namespace, "postgres");
        var scripts = Render.mount(Render.configMap(render, namespace, "postgres-init"), tmp.resolve("scripts-" + run));
        var log = tmp.resolve("reconcile-" + run + ".log");
        var env = PodEnv.of(render, namespace, container)
                .add("SCRIPTS_DIR", scripts.toString())
                .add("SOCKET_DIR", POSTGRES.socketDir().toString())
                .add("RECONCILE_LOG", log.toString())
                .addAll(POSTGRES.clientEnv())
                .resolve();
        var hook = list(map(map(map(container.get("lifecycle")).get("postStart")).get("exec")).get("command")).stream()
                .map(Object::toString).map(arg -> arg.startsWith("/scripts/") ? scripts.resolve(arg.substring(9)).toString() : arg)
                .toArray(String[]::new);
        var outcome = Command.of(env, hook).run();
        var logged = Files.exists(log) ? Files.readString(log) : "";
        assertThat(outcome.exitCode()).as("reconcile.sh: " + outcome.output() + logged).isZero();
        return logged;
    }

    static String password(ProgramRun.Result render, String secret) {
        return password(render, NAMESPACE, secret);
    }

    static String password(ProgramRun.Result render, String namespace, String secret) {
        return Render.secret(render, namespace, secret, "password");
    }

    static String user(ProgramRun.Result render, String secret) {
        return Render.secret(render, NAMESPACE, secret, "user");
    }

    private static Connection app() throws SQLException {
        return POSTGRES.connect(APP, password(current, "postgres-app"), DATABASE);
    }

    /** Insert (through the table's sequence), select, update, delete. */
    private static void crud(Connection app, String table) throws SQLException {
        var statement = app.createStatement();
        statement.execute("INSERT INTO " + table + " (name) VALUES ('first'), ('second')");
        assertThat(statement.executeUpdate("UPDATE " + table + " SET name = 'renamed' WHERE name = 'first'")).isEqualTo(1);
        var result = statement.executeQuery("SELECT count(*), min(id) FROM " + table + " WHERE name = 'renamed'");
        assertThat(result.next()).isTrue();
        assertThat(result.getInt(1)).isEqualTo(1);
        assertThat(result.getLong(2)).isPositive();
        assertThat(statement.executeUpdate("DELETE FROM " + table)).isGreaterThanOrEqualTo(2);
    }

    /** Everything reconciliation decides: roles and their attributes, databases, schema, default and table privileges. */
    private static List<String> catalog() throws SQLException {
        var rows = new ArrayList<String>();
        rows.addAll(rows("postgres", "SELECT concat_ws(' ', rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, "
                + "rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil) FROM pg_roles WHERE rolname !~ '^pg_' ORDER BY 1"));
        rows.addAll(rows("postgres", "SELECT concat_ws(' ', roleid::regrole, member::regrole) FROM pg_auth_members ORDER BY 1"));
        rows.addAll(rows("postgres", "SELECT concat_ws(' ', datname, pg_get_userbyid(datdba), datacl) FROM pg_database ORDER BY 1"));
        rows.addAll(rows(DATABASE, "SELECT concat_ws(' ', nspname, pg_get_userbyid(nspowner), nspacl) FROM pg_namespace WHERE nspname = 'public'"));
        rows.addAll(rows(DATABASE, "SELECT concat_ws(' ', defaclrole::regrole, defaclnamespace::regnamespace, defaclobjtype, defaclacl) "
                + "FROM pg_default_acl ORDER BY 1"));
        rows.addAll(rows(DATABASE, "SELECT concat_ws(' ', relname, relkind, pg_get_userbyid(relowner), relacl) FROM pg_class "
                + "WHERE relnamespace = 'public'::regnamespace ORDER BY 1"));
        return rows;
    }

    private static List<String> rows(String database, String sql) throws SQLException {
        return POSTGRES.query(database, sql);
    }
}
