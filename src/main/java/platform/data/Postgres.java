package platform.data;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleHandlerArgs;
import com.pulumi.resources.ComponentResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.ConfigMaps;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.k8s.Volumes;
import platform.secrets.Credential;
import platform.secrets.KubeSecrets;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL as a StatefulSet: data in a subdirectory of its volume, health by {@code pg_isready},
 * passwordless maintenance over the local socket ({@code kubectl exec postgres-0 -- psql -U <owner>}),
 * credentials generated and applied on every start, databases and the app role ensured on every start.
 */
public final class Postgres extends Datastore {
    public static final int PORT = 5432;
    /** Where archive_command leaves finished WAL segments for the sidecar to ship: on the data volume, beside the data. */
    public static final String WAL_SPOOL = PostgresArgs.DATA_PATH + "/wal-spool";
    private static final Pattern URL_SCHEME = Pattern.compile("postgres(ql)?(\\+[a-z0-9]+)?");

    private final PostgresArgs args;
    private final Credential ownerPassword;
    private final Optional<Credential> appPassword;
    private final StatefulSet statefulSet;

    public Postgres(String name, PostgresArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:data:Postgres", name, args.name(), args.namespace(),
                AppLabels.of(args.system(), "postgres", args.name(), "database").withAll(args.extraLabels()),
                List.of(PORT), args.nodePool(), options);
        this.args = args;
        var namespace = args.namespace();
        ownerPassword = rotated(Credential.password(this, name + "-password", args.password()));
        appPassword = args.appRole().map(role -> rotated(Credential.password(this, name + "-app-password", args.appPassword())));

        KubeSecrets.create(this, args.name(), namespace, labels(), ownerSecret());
        appPassword.ifPresent(password -> KubeSecrets.create(this, appSecretName(), namespace, labels(), appSecret(password)));

        var scripts = args.name() + "-init";
        var files = new LinkedHashMap<String, String>();
        files.put(PostgresScripts.RECONCILE_SH, PostgresScripts.reconcileShell());
        files.put(PostgresScripts.RECONCILE_SQL, PostgresScripts.reconcileSql(args));
        args.walArchiving().ifPresent(archiving -> {
            files.put(PostgresScripts.WAL_ARCHIVE_SH, PostgresScripts.walArchiveShell());
            files.put(PostgresScripts.HBA_CONF, PostgresScripts.hba(args.owner()));
        });
        ConfigMaps.create(this, scripts, namespace, labels(), files);

        var env = new ArrayList<>(List.of(
                Env.fromSecret("POSTGRES_USER", new SecretKeyRef(args.name(), "user")),
                Env.fromSecret("POSTGRES_PASSWORD", new SecretKeyRef(args.name(), "password")),
                Env.plain("POSTGRES_DB", args.databases().get(0).name()),
                Env.plain("PGDATA", PostgresArgs.DATA_PATH + "/pgdata")));
        args.appRole().ifPresent(role -> {
            env.add(Env.plain("APP_USER", role));
            env.add(Env.fromSecret("APP_PASSWORD", new SecretKeyRef(appSecretName(), "password")));
        });
        var ready = "pg_isready -h 127.0.0.1 -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\"";
        var container = ContainerArgs.builder()
                .name("postgres")
                .image(args.image().reference())
                .args(serverArgs())
                .ports(ContainerPortArgs.builder().name("postgres").containerPort(PORT).build())
                .env(env)
                .resources(args.resources().toArgs())
                .securityContext(Hardening.container())
                .startupProbe(Probes.shell(ready, Probes.Timing.STARTUP))
                .readinessProbe(Probes.shell(ready, Probes.Timing.READINESS))
                .livenessProbe(Probes.shell(ready, Probes.Timing.LIVENESS))
                .lifecycle(LifecycleArgs.builder().postStart(LifecycleHandlerArgs.builder()
                        .exec(ExecActionArgs.builder().command("sh", "/scripts/" + PostgresScripts.RECONCILE_SH).build())
                        .build()).build())
                .volumeMounts(
                        Volumes.mount(args.volume().name(), PostgresArgs.DATA_PATH),
                        Volumes.mount("run", "/var/run/postgresql"),
                        Volumes.mount("tmp", "/tmp"),
                        Volumes.mount("shm", "/dev/shm"),
                        Volumes.readOnly("scripts", "/scripts"))
                .build();
        var volumes = new ArrayList<>(List.of(Volumes.scratch("run"), Volumes.scratch("tmp"), Volumes.memory("shm", "256Mi"),
                Volumes.configMap("scripts", scripts, 0555)));
        if (args.ephemeral()) {
            // On the node's disk, not in memory: a database in tmpfs would count against the memory limit.
            volumes.add(Volumes.scratch(args.volume().name()));
        }
        var containers = new ArrayList<>(List.of(container));
        args.walArchiving().ifPresent(archiving -> {
            var sidecar = archiving.sidecar(args);
            containers.add(sidecar.container());
            volumes.addAll(sidecar.volumes());
        });

        statefulSet = StatefulStore.create(this, new StatefulStore.Spec(args.name(), namespace, labels(), RunAs.POSTGRES,
                List.of(new StatefulStore.Port("postgres", PORT)), containers, List.of(), volumes,
                args.ephemeral() ? Optional.empty() : Optional.of(args.volume()), credentialAnnotation(),
                60, args.protect(), nodePool()));
        args.walArchiving().ifPresent(archiving -> archiving.attach(this));
        registerOutputs(Map.of("secret", Output.of(args.name())));
    }

    /**
     * The image's command line; with WAL archiving, {@code archive_command} into the spool, a segment
     * finished at the latest {@code archive_timeout} after a write, and the rules that let the owner
     * stream a base backup.
     */
    private List<String> serverArgs() {
        var serverArgs = new ArrayList<>(List.of("postgres"));
        args.walArchiving().ifPresent(archiving -> serverArgs.addAll(List.of(
                "-c", "archive_mode=on",
                "-c", "archive_command=sh /scripts/" + PostgresScripts.WAL_ARCHIVE_SH + " %p %f " + WAL_SPOOL,
                "-c", "archive_timeout=" + archiving.archiveTimeoutSeconds(),
                "-c", "hba_file=/scripts/" + PostgresScripts.HBA_CONF)));
        return serverArgs;
    }

    private Map<String, Output<String>> ownerSecret() {
        var data = connectionDetails(args.owner(), ownerPassword, PORT);
        for (var database : args.databases()) {
            data.put(database.secretKey(), Output.of(database.name()));
        }
        for (var database : args.databases()) {
            data.put(database.secretKey() + "Url", ownerPassword.value().applyValue(password ->
                    ConnectionStrings.url("postgres", args.owner(), password, args.name(), PORT, database.name(), "sslmode=disable")));
        }
        return data;
    }

    private Map<String, Output<String>> appSecret(Credential password) {
        var role = args.appRole().orElseThrow();
        var database = args.databases().get(0).name();
        var data = connectionDetails(role, password, PORT);
        data.put("database", Output.of(database));
        data.put("url", password.value().applyValue(value ->
                ConnectionStrings.url("postgres", role, value, args.name(), PORT, database, "sslmode=disable")));
        return data;
    }

    /**
     * The owner's URL of the first database with a client's scheme, e.g. SQLAlchemy's
     * {@code postgresql+psycopg}, for a Secret an app reads as it is; a Pulumi secret.
     */
    public Output<String> ownerUrl(String scheme) {
        return url(scheme, args.owner(), ownerPassword);
    }

    /** The least-privilege role's URL of the first database with a client's scheme; see {@link #ownerUrl}. */
    public Output<String> appUrl(String scheme) {
        var password = appPassword.orElseThrow(() -> new IllegalStateException("postgres " + args.name() + " has no app role"));
        return url(scheme, args.appRole().orElseThrow(), password);
    }

    private Output<String> url(String scheme, String role, Credential password) {
        if (!URL_SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("a URL scheme such as postgresql+psycopg, got " + scheme);
        }
        var database = args.databases().get(0).name();
        return password.value().applyValue(value ->
                ConnectionStrings.url(scheme, role, value, args.name(), PORT, database, "sslmode=disable")).asSecret();
    }

    /** The least-privilege role's Secret ({@code <name>-app}), when there is an app role. */
    public String appSecretName() {
        return args.name() + "-app";
    }

    /**
     * The server, for the {@code dependsOn} of what needs it running (a migration Job): Pulumi waits for
     * its pods to be ready, which is after the start-up reconcile of roles and grants.
     */
    public StatefulSet statefulSet() {
        return statefulSet;
    }

    public PostgresArgs args() {
        return args;
    }

    /** The owner's credentials, as containers reference them. */
    public SecretKeyRef ref(String key) {
        return new SecretKeyRef(args.name(), key);
    }

    /** How a client tool in another pod (pg_dump, psql, pg_basebackup) reaches the server as its owner. */
    public List<EnvVarArgs> ownerEnv() {
        return List.of(
                Env.plain("PGHOST", host()),
                Env.fromSecret("PGUSER", ref("user")),
                Env.fromSecret("PGPASSWORD", ref("password")));
    }
}
