package platform.apps.mortimer;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.Versions;
import platform.apps.AppSystem;
import platform.apps.SystemContext;
import platform.backup.MongoBackup;
import platform.config.MortimerSettings;
import platform.data.DataVolume;
import platform.data.MongoDb;
import platform.data.MongoDbArgs;
import platform.data.VolumeClaim;
import platform.edge.Edge;
import platform.edge.Route;
import platform.edge.SecurityHeaders;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.Env;
import platform.k8s.Probes;
import platform.k8s.SecretKeyRef;
import platform.secrets.Credential;
import platform.secrets.KubeSecrets;
import platform.workload.AppWorkload;
import platform.workload.AppWorkloadArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Mortimer (seed 004, the alfred3 web UI) in namespace {@code mortimer}: MongoDB with its app user,
 * the Gunicorn app {@code mortimer-app} with its instance volume, one route with sticky sessions,
 * and the nightly encrypted {@code mongo-backup} with its restore check.
 *
 * <p>Running experiments live in the memory of the Gunicorn process that started them (a request
 * reaching another process gets 412), so each pod runs one Gunicorn worker process and the gateway
 * pins each participant to a pod by cookie. Experiment scripts and uploads live in
 * {@code /app/instance}, on one ReadWriteOnce volume: one pod is the supported shape, recreated on
 * update (see {@link MortimerSettings#MAX_REPLICAS} and the README).
 */
public final class Mortimer extends AppSystem {
    public static final String NAMESPACE = "mortimer";
    static final String SYSTEM = MortimerSettings.SYSTEM;

    /** The sheet's tables: the app, its port (APP_PORTS' mandatory first port), databases and user. */
    static final String APP = "mortimer-app";
    static final int PORT = 8001;
    static final String APP_DATABASE = "mortimer";
    /** Must be {@code alfred}: besides ALFRED_DB_NAME, the app creates experiment users through {@code client.alfred}. */
    static final String ALFRED_DATABASE = "alfred";
    static final String APP_USER = "mortimer_app";
    /** The sheet's init script: the app user creates experiment users and roles in alfred and reads their data. */
    static final List<MongoDbArgs.Role> ALFRED_ROLES = List.of(
            new MongoDbArgs.Role("userAdmin", ALFRED_DATABASE), new MongoDbArgs.Role("read", ALFRED_DATABASE));
    /** Writable paths: experiments and copied config (durable), the app's log files and temp files (scratch). */
    static final String INSTANCE_PATH = "/app/instance";
    static final String LOG_PATH = "/app/log";
    static final String INSTANCE_VOLUME = "mortimer-instance";
    /** The Secret holding MORTIMER_SECRET_KEY and the secrets from config, keyed by their env names. */
    static final String SECRET = "mortimer-app";
    /** The live nginx's headers include a Permissions-Policy; the platform's defaults give the rest. */
    static final String PERMISSIONS_POLICY = "geolocation=(), microphone=(), camera=()";
    /** Uploaded experiments run inside the app process, with ten threads: room for several at once. */
    static final ComputeResources APP_RESOURCES = new ComputeResources("250m", "512Mi", "1536Mi");
    /**
     * A restart ends every running experiment, so liveness is patient: three minutes of failed checks
     * (ten threads all busy on long requests must not look like a hung process).
     */
    static final Probes.Timing LIVENESS = new Probes.Timing(30, 10, 6, 0);

    public Mortimer(String name, SystemContext context) {
        super("platform:apps:Mortimer", name, context, NAMESPACE, SYSTEM);
        var settings = context.platform().mortimer().orElseThrow();
        var protect = context.protect();
        var child = child();

        var mongo = new MongoDb("mongodb", MongoDbArgs.of(namespace, SYSTEM, context.image(Versions.MONGO), APP_DATABASE, APP_USER,
                        settings.mongoStorage(), context.storageClass(), settings.mongoRootPassword(), settings.mongoPassword(), protect)
                .withExtraRoles(ALFRED_ROLES).withNodePool(settings.pool()), child);

        var labels = AppLabels.of(SYSTEM, APP, APP, "web");
        var secretKey = Credential.of(this, "mortimer-secret-key", Credential.Kind.URL_SAFE_BASE64_KEY, settings.secretKey());
        var secretData = new LinkedHashMap<String, Output<String>>();
        secretData.put("MORTIMER_SECRET_KEY", secretKey.value());
        secretData.putAll(settings.secrets().appEnv());
        KubeSecrets.create(this, SECRET, namespace, labels.forInstance("config", SECRET, "config"), secretData);

        var instance = new DataVolume(INSTANCE_VOLUME, new VolumeClaim(settings.instanceStorage(), context.storageClass(), INSTANCE_PATH));
        instance.create(this, namespace, labels.forInstance("instance", INSTANCE_VOLUME, "storage"), protect);

        var credentials = new ArrayList<>(mongo.credentialVersions());
        credentials.add(secretKey.version());
        var app = new AppWorkload(APP, AppWorkloadArgs.builder(namespace, labels, APP, APP, context.image(settings.image()))
                .replicas(settings.replicas())
                .nodePool(settings.pool())
                .listens(PORT, APP)
                .env(env(settings, mongo))
                .probes(Probes.http(settings.probePath(), PORT, Probes.Timing.READINESS), Probes.http(settings.probePath(), PORT, LIVENESS))
                .startupProbe(Probes.http(settings.probePath(), PORT, Probes.Timing.STARTUP))
                .resources(APP_RESOURCES)
                .writable(LOG_PATH)
                .volume(instance.volume(), instance.mount())
                // One ReadWriteOnce volume: the old pod must let go of it before the new one starts.
                .recreateOnUpdate()
                .terminationGrace(settings.terminationGrace())
                .credentials(credentials)
                .build(), child);
        app.admitGateway(Edge.gatewayPeer());
        mongo.allowFrom(APP, app.podLabels());

        expose(Route.builder("mortimer")
                .hosts(settings.hosts())
                .prefix("/", app.backend())
                // The seed keeps /healthz internal; the published image has none, the edge answers 404 either way.
                .blocked("/healthz")
                .timeout(settings.timeout())
                .maxBody(settings.maxBody())
                .headers(SecurityHeaders.with("Permissions-Policy", PERMISSIONS_POLICY))
                .sessionAffinity(settings.affinityCookie(), settings.affinityTtl())
                .build());

        var backup = settings.backup();
        backupTarget(labels).ifPresent(target -> new MongoBackup("mongo-backup",
                new MongoBackup.Args(mongo, target, backup.schedule(), backup.restoreCheckSchedule(), backup.maxAgeHours(),
                        backup.encryptionKey()), child));
        registerNamespace();
    }

    /** Everything the entrypoint requires, then Gunicorn's layout, then mail and the operators' secrets (only those set). */
    private static List<EnvVarArgs> env(MortimerSettings settings, MongoDb mongo) {
        var env = new ArrayList<EnvVarArgs>(List.of(
                Env.fromSecret("MORTIMER_SECRET_KEY", new SecretKeyRef(SECRET, "MORTIMER_SECRET_KEY")),
                Env.plain("MORTIMER_MONGO_HOST", mongo.host()),
                Env.plain("MORTIMER_MONGO_PORT", Integer.toString(MongoDb.PORT)),
                Env.plain("MORTIMER_MONGO_DB", APP_DATABASE),
                Env.fromSecret("MORTIMER_MONGO_USERNAME", new SecretKeyRef(mongo.secretName(), "user")),
                Env.fromSecret("MORTIMER_MONGO_PASSWORD", new SecretKeyRef(mongo.secretName(), "password")),
                // The app user is created in the app database, so it authenticates there.
                Env.plain("MORTIMER_MONGO_AUTH_SOURCE", APP_DATABASE),
                Env.plain("ALFRED_DB_NAME", ALFRED_DATABASE),
                // One Gunicorn process (one worker) per pod: experiments in its memory stay reachable.
                Env.plain("APP_PORTS", Integer.toString(PORT)),
                Env.plain("GUNICORN_THREADS", Integer.toString(settings.gunicornThreads())),
                Env.plain("GUNICORN_GRACEFUL_TIMEOUT", Integer.toString(MortimerSettings.GUNICORN_GRACEFUL_SECONDS)),
                Env.plain("MORTIMER_INSTANCE_PATH", INSTANCE_PATH),
                Env.plain("MORTIMER_LOG_DIR", LOG_PATH),
                Env.plain("PYTHONUNBUFFERED", "1"),
                Env.plain("MORTIMER_MAIL_USE", settings.secrets().mailConfigured() ? "True" : "False")));
        if (settings.secrets().mailConfigured()) {
            env.add(Env.plain("MORTIMER_MAIL_USE_TLS", settings.mailUseTls() ? "True" : "False"));
        }
        settings.secrets().appEnv().keySet().forEach(variable -> env.add(Env.fromSecret(variable, new SecretKeyRef(SECRET, variable))));
        return env;
    }
}
