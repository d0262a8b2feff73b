package platform.apps.marc;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.apps.AppSystem;
import platform.apps.SystemContext;
import platform.config.MarcSettings;
import platform.data.NfsVolume;
import platform.edge.Edge;
import platform.edge.Forward;
import platform.edge.Route;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.Env;
import platform.k8s.Probes;
import platform.k8s.SecretKeyRef;
import platform.secrets.KubeSecrets;
import platform.workload.AppWorkload;
import platform.workload.AppWorkloadArgs;
import platform.workload.FileSync;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * marc (seed 000): marc_web in namespace {@code marc}. A production pool and a development pool,
 * each a Deployment {@code marc-<pool>} whose pods keep their own read-only copy of the SQLite
 * database from the NFS export (copied before the app starts and every 10 minutes, failing closed),
 * behind one route, as the seed's nginx: {@code /prod/} to the active production pool, {@code /dev/}
 * to the development pool, each with the prefix stripped and named in {@code X-Forwarded-Prefix};
 * the landing page and {@code /health} answered at the edge. The route moves to a new production
 * pool only after every replica of it is ready; the old pool runs until config drops it.
 */
public final class Marc extends AppSystem {
    public static final String NAMESPACE = "marc";
    static final String SYSTEM = MarcSettings.SYSTEM;

    /** The seed's mounts and variables: the copy and its sync time, read-only under /data. */
    static final String DB_FILE = "/data/marc.sqlite";
    static final String LAST_SYNC = "/data/last_sync.txt";
    static final String DB_URL = "sqlite:///" + DB_FILE;
    /** The sidecar (and {@code kubectl logs -c}) name: the seed's {@code marc-db-sync} inside each pod. */
    static final String SYNC = "db-sync";
    /** One read, copy or check of the database may take this long before that refresh counts as failed. */
    static final Duration SYNC_STEP_TIMEOUT = Duration.ofMinutes(5);
    /** The claim on the NFS export, and (prefixed with the namespace) its PersistentVolume. */
    static final String NFS_CLAIM = "nfs-db";
    static final String OPENAI_SECRET = "openai";

    /** The seed's nginx sets no timeouts or body size: its defaults, 60 s and 1 MB. */
    static final Duration PROXY_TIMEOUT = Duration.ofSeconds(60);
    static final String MAX_BODY = "1Mi";
    /** Which pool answered: the upgrade script checks the gateway sends /prod/ to the new one. */
    public static final String POOL_HEADER = "X-Marc-Pool";
    static final String LANDING_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>marc</title></head>
            <body><h1>marc</h1><ul><li><a href="/prod/">Production</a></li><li><a href="/dev/">Development</a></li></ul></body></html>
            """;
    static final String HEALTH = "{\"status\":\"ok\"}";

    /** gunicorn with four workers of Flask, SQLAlchemy and LangChain. */
    static final ComputeResources WEB = new ComputeResources("250m", "512Mi", "1Gi");

    private final MarcSettings settings;

    public Marc(String name, SystemContext context) {
        super("platform:apps:Marc", name, context, NAMESPACE, SYSTEM);
        this.settings = context.platform().marc().orElseThrow();

        var labels = AppLabels.of(SYSTEM, "marc", "marc", "config");
        KubeSecrets.create(this, OPENAI_SECRET, namespace, labels, Map.of("apiKey", settings.openaiApiKey()));
        FileSync.script(this, namespace, AppLabels.of(SYSTEM, SYNC, SYNC, "sync"));
        var nfs = settings.nfs();
        new NfsVolume(NFS_CLAIM, new NfsVolume.Args(namespace, AppLabels.of(SYSTEM, NFS_CLAIM, NFS_CLAIM, "database"),
                NFS_CLAIM, nfs.server(), nfs.exportPath()), child());

        AppWorkload active = null;
        for (var pool : settings.productionPools()) {
            var workload = pool(pool, "production");
            if (pool.name().equals(settings.activePool())) {
                active = workload;
            }
        }
        var development = pool(settings.developmentPool(), "development");

        var route = Route.builder(NAMESPACE)
                .hosts(settings.site().hosts())
                .fixed(Route.Match.EXACT, "/", new Route.FixedResponse(200, "text/html; charset=utf-8", LANDING_PAGE))
                .fixed(Route.Match.EXACT, "/health", new Route.FixedResponse(200, "application/json", HEALTH))
                .prefix("/prod", active.backend(), Forward.mountedAt("/prod").responseHeader(POOL_HEADER, settings.activePool()))
                .prefix("/dev", development.backend(), Forward.mountedAt("/dev").responseHeader(POOL_HEADER, settings.developmentPool().name()))
                .timeout(PROXY_TIMEOUT)
                .maxBody(MAX_BODY)
                .build();
        // Traffic moves to a pool only once every replica of it is ready: a pool that never gets there fails
        // `pulumi up` before the route changes, and /prod/ stays on the pool that was serving.
        expose(route, List.of(active, development));
        registerNamespace();
    }

    /** One pool: Deployment and Service {@code marc-<pool>}, its database copy, admitting only the gateway. */
    private AppWorkload pool(MarcSettings.Pool pool, String role) {
        var labels = AppLabels.of(SYSTEM, "marc-web", pool.deployment(), "web").with("role", role);
        var image = context.image(pool.image());
        var sync = new FileSync(SYNC, image, NFS_CLAIM, settings.nfs().file(), DB_FILE, LAST_SYNC,
                MarcSettings.DB_REFRESH, settings.maxSyncAge(), SYNC_STEP_TIMEOUT, FileSync.Check.SQLITE);
        // The image has no USER and runs as root under Compose; here it runs as 1000:1000, reading /app and writing
        // only /tmp. Port 80 (tags up to 0.4.0) is bound through the pod's unprivileged-port sysctl, not root.
        var args = sync.applyTo(AppWorkloadArgs.builder(namespace, labels, pool.deployment(), "marc-web", image)
                .replicas(pool.replicas())
                .nodePool(settings.nodePool())
                .resources(WEB)
                .env(env())
                .listens(pool.port(), pool.deployment())
                .probes(Probes.http("/health", pool.port(), Probes.Timing.READINESS),
                        Probes.http("/liveness", pool.port(), Probes.Timing.LIVENESS))
                .readyTimeout(settings.readyTimeout()));
        return new AppWorkload(pool.deployment(), args.build(), child())
                .admitGateway(Edge.gatewayPeer());
    }

    private static List<EnvVarArgs> env() {
        return List.of(
                Env.plain("MARC_DB_URL", DB_URL),
                Env.plain("MARC_DB_LAST_SYNC", LAST_SYNC),
                Env.fromSecret("OPENAI_API_KEY", new SecretKeyRef(OPENAI_SECRET, "apiKey")),
                // uid 1000 has no home in the image: libraries that cache under ~ write to the scratch /tmp.
                Env.plain("HOME", "/tmp"));
    }
}
