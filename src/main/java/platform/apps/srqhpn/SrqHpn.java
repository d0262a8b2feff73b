package platform.apps.srqhpn;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.Versions;
import platform.apps.AppSystem;
import platform.apps.SystemContext;
import platform.backup.PostgresBackup;
import platform.config.SrqHpnSettings;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.data.Redis;
import platform.data.RedisArgs;
import platform.edge.Edge;
import platform.edge.Route;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.Env;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.secrets.Credential;
import platform.secrets.KubeSecrets;
import platform.workload.AppWorkload;
import platform.workload.AppWorkloadArgs;
import platform.workload.MigrationJob;
import platform.workload.MigrationJobArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * srq-hpn ("SRQ Happenings", seed 003) in namespace {@code srq-hpn}: Caddy's two routes on the shared
 * gateway ({@code /api} to the FastAPI API, everything else to the Next.js web), PostgreSQL 16 with the
 * admin user {@code srq_hpn} and the least-privilege app user {@code srq_hpn_app}, migrations as a Job
 * per API image that must succeed before the API changes, and the daily database backup with its
 * restore check. Redis and Celery (added after the seed) are an optional extra, off by default.
 */
public final class SrqHpn extends AppSystem {
    public static final String NAMESPACE = "srq-hpn";
    static final String SYSTEM = SrqHpnSettings.SYSTEM;

    /** Both images run as uid and gid 1001 ({@code appuser:appgroup}, {@code nextjs:nodejs}; fact sheet section 3). */
    static final RunAs IMAGE_USER = new RunAs(1001, 1001);
    static final int API_PORT = 8000;
    static final int WEB_PORT = 3000;
    /** The seed's database and users (table "Database Users"). */
    static final String DATABASE = "srq_hpn";
    static final String ADMIN_USER = "srq_hpn";
    static final String APP_USER = "srq_hpn_app";
    /** SQLAlchemy with psycopg 3: the URL form of compose's DATABASE_URL and DATABASE_URL_ADMIN. */
    static final String URL_SCHEME = "postgresql+psycopg";
    /** DATABASE_URL (app user) and DATABASE_URL_ADMIN (admin user, for migrations only). */
    static final String DATABASE_SECRET = "database-urls";
    /** JWT_SECRET and BIGTOP_INGEST_TOKEN. */
    static final String API_SECRET = "api-secrets";
    /** Next.js' ISR and fetch cache: root-owned in the image, so it gets its own writable volume (fact sheet section 3). */
    static final String NEXT_CACHE = "/app/apps/web/.next/cache";
    /** From the web's server side to the API, like compose's {@code http://api:8000}: the Service has the same name. */
    static final String API_BASE_URL = "http://api:" + API_PORT;
    static final List<String> MIGRATE = List.of("alembic", "upgrade", "head");

    static final ComputeResources API = new ComputeResources("100m", "256Mi", "512Mi");
    static final ComputeResources WEB = new ComputeResources("100m", "256Mi", "768Mi");
    static final ComputeResources CELERY_WORKER = new ComputeResources("100m", "384Mi", "768Mi");
    static final ComputeResources CELERY_BEAT = new ComputeResources("50m", "192Mi", "384Mi");

    /**
     * Caddy's response headers (fact sheet section 5) plus HSTS. HSTS leaves out includeSubDomains: the
     * apex is served here, and dev.srqhappenings.com runs on untrusted staging certificates.
     */
    static final Map<String, String> HEADERS = headers();

    public SrqHpn(String name, SystemContext context) {
        super("platform:apps:SrqHpn", name, context, NAMESPACE, SYSTEM);
        var settings = context.platform().srqHpn().orElseThrow();
        var protect = context.protect();
        var child = child();

        // The seed's compose runs postgres:16-alpine; its musl collation differs from Debian's glibc one,
        // so the same flavour is kept: a data directory never moves between the two (dump and restore does).
        var postgres = new Postgres("srq-hpn-postgres", PostgresArgs.builder(namespace, SYSTEM)
                .image(context.image(Versions.POSTGRES_ALPINE))
                .owner(ADMIN_USER)
                .database(DATABASE, "database")
                .appRole(APP_USER)
                .storageSize(settings.postgresStorage())
                .storageClass(context.storageClass())
                .password(settings.postgresPassword())
                .appPassword(settings.postgresAppPassword())
                .protect(protect)
                .nodePool(settings.pool())
                .build(), child);

        var labels = AppLabels.of(SYSTEM, "srq-hpn", "srq-hpn", "config");
        var urls = KubeSecrets.create(this, DATABASE_SECRET, namespace, labels, ordered(
                "DATABASE_URL", postgres.appUrl(URL_SCHEME),
                "DATABASE_URL_ADMIN", postgres.ownerUrl(URL_SCHEME)));
        var jwt = Credential.password(this, "srq-hpn-jwt-secret", settings.jwtSecret());
        // Compose refuses to start without it; generated (or the home bridge's, given) so the ingest route is always guarded.
        var ingestToken = Credential.password(this, "srq-hpn-bigtop-ingest-token", settings.bigtopIngestToken());
        KubeSecrets.create(this, API_SECRET, namespace, labels, ordered(
                "JWT_SECRET", jwt.value(),
                "BIGTOP_INGEST_TOKEN", ingestToken.value()));
        var credentialVersions = new ArrayList<>(postgres.credentialVersions());
        credentialVersions.add(jwt.version());
        credentialVersions.add(ingestToken.version());

        var apiImage = context.image(settings.image("api"));
        // Alembic's env.py imports app.db, which builds an engine from DATABASE_URL, then migrates with DATABASE_URL_ADMIN.
        var migration = new MigrationJob("srq-hpn-api-migrate", MigrationJobArgs.builder(namespace,
                        AppLabels.of(SYSTEM, "api-migrate", "api-migrate", "migration"), "api-migrate", apiImage)
                .command(MIGRATE)
                .env(List.of(
                        Env.fromSecret("DATABASE_URL", new SecretKeyRef(DATABASE_SECRET, "DATABASE_URL")),
                        Env.fromSecret("DATABASE_URL_ADMIN", new SecretKeyRef(DATABASE_SECRET, "DATABASE_URL_ADMIN"))))
                .runAs(IMAGE_USER)
                .timeout(settings.migrationTimeout())
                .after(postgres.statefulSet())
                .after(urls)
                .nodePool(settings.pool())
                .build(), child);
        postgres.allowFrom("api-migrate", migration.podLabels());

        // The running API gets the app user only: the admin URL stays with the migration Job (seed: never share
        // superuser credentials with the application), though compose hands both to the api container.
        var apiEnv = new ArrayList<EnvVarArgs>();
        apiEnv.add(Env.fromSecret("DATABASE_URL", new SecretKeyRef(DATABASE_SECRET, "DATABASE_URL")));
        apiEnv.add(Env.fromSecret("JWT_SECRET", new SecretKeyRef(API_SECRET, "JWT_SECRET")));
        apiEnv.add(Env.fromSecret("BIGTOP_INGEST_TOKEN", new SecretKeyRef(API_SECRET, "BIGTOP_INGEST_TOKEN")));
        settings.apiEnv().forEach((key, value) -> apiEnv.add(Env.plain(key, value)));
        var api = new AppWorkload("srq-hpn-api", AppWorkloadArgs.builder(namespace,
                        AppLabels.of(SYSTEM, "api", "api", "api"), "api", "api", apiImage)
                .replicas(settings.apiReplicas())
                .nodePool(settings.pool())
                .resources(API)
                .runAs(IMAGE_USER)
                .env(apiEnv)
                .credentials(credentialVersions)
                .listens(API_PORT, "api")
                .probes(Probes.http("/api/health", API_PORT, Probes.Timing.READINESS),
                        Probes.http("/api/health", API_PORT, Probes.Timing.LIVENESS))
                .after(migration.job())
                .build(), child);

        var web = new AppWorkload("srq-hpn-web", AppWorkloadArgs.builder(namespace,
                        AppLabels.of(SYSTEM, "web", "web", "web"), "web", "web", context.image(settings.image("web")))
                .replicas(settings.webReplicas())
                .nodePool(settings.pool())
                .resources(WEB)
                .runAs(IMAGE_USER)
                .env(List.of(
                        // Empty: the browser calls the same origin's /api, which the route sends to the API.
                        Env.plain("NEXT_PUBLIC_API_BASE_URL", ""),
                        Env.plain("API_BASE_URL", API_BASE_URL)))
                .writable(NEXT_CACHE)
                .listens(WEB_PORT, "web")
                // Liveness only checks the port: an API outage makes / fail, and must not restart the web pods.
                .probes(Probes.http("/", WEB_PORT, Probes.Timing.READINESS), Probes.tcp(WEB_PORT, Probes.Timing.LIVENESS))
                // Compose's order on a release: migrate, then the API, then the web that calls it.
                .after(api.deployment())
                .build(), child);

        api.admitGateway(Edge.gatewayPeer());
        api.allowFrom("web", web.podLabels());
        web.admitGateway(Edge.gatewayPeer());
        postgres.allowFrom("api", api.podLabels());

        expose(Route.builder("srq-hpn")
                .hosts(settings.hosts())
                .prefix("/api", api.backend())
                .prefix("/", web.backend())
                .headers(HEADERS)
                .build());

        settings.celery().ifPresent(celery -> celery(settings, celery, postgres, migration, credentialVersions));

        var backup = settings.backup();
        backupTarget(labels).ifPresent(target ->
                new PostgresBackup("srq-hpn-pg-backup", PostgresBackup.Args.of(postgres, target, backup), child));
        registerNamespace();
    }

    /**
     * The repository's Redis, Celery worker and beat (fact sheet sections 1 and 7): the daily collectors
     * and the weather refresh. Redis keeps nothing on disk (losing it loses queued tasks only) and evicts
     * nothing. Both run after the migration, with the app user only.
     */
    private void celery(SrqHpnSettings settings, SrqHpnSettings.Celery celery, Postgres postgres, MigrationJob migration,
                        List<String> credentialVersions) {
        var redis = new Redis("srq-hpn-redis", RedisArgs.cache(namespace, SYSTEM, context.image(Versions.REDIS),
                celery.redisMaxMemory(), "noeviction", celery.redisPassword()).withNodePool(settings.pool()), child());
        var env = new ArrayList<EnvVarArgs>();
        env.add(Env.fromSecret("DATABASE_URL", new SecretKeyRef(DATABASE_SECRET, "DATABASE_URL")));
        env.add(Env.fromSecret("REDIS_URL", new SecretKeyRef(redis.secretName(), "url")));
        // ENV too, which compose leaves out: the bigtop bridge task must see production and refuse to run.
        for (var key : List.of("ENV", "LOG_LEVEL", "LOG_FORMAT", "LOG_ENV")) {
            env.add(Env.plain(key, settings.apiEnv().get(key)));
        }
        settings.apiEnv().forEach((key, value) -> {
            if (key.startsWith("WEATHER_")) {
                env.add(Env.plain(key, value));
            }
        });
        var versions = new ArrayList<>(credentialVersions);
        versions.addAll(redis.credentialVersions());
        var worker = celeryWorkload(settings, "celery-worker", "worker", CELERY_WORKER, env, versions, migration,
                List.of("celery", "-A", "app.celery_app", "worker", "--loglevel=" + celery.logLevel(),
                        "--concurrency=" + celery.workerConcurrency()));
        // Exactly one beat: two would send every scheduled task twice. Its schedule file lives in /tmp, as in compose.
        var beat = celeryWorkload(settings, "celery-beat", "scheduler", CELERY_BEAT, env, versions, migration,
                List.of("celery", "-A", "app.celery_app", "beat", "--loglevel=" + celery.logLevel(),
                        "--schedule=/tmp/celerybeat-schedule"));
        for (var client : List.of(worker, beat)) {
            postgres.allowFrom(client.args().name(), client.podLabels());
            redis.allowFrom(client.args().name(), client.podLabels());
        }
    }

    private AppWorkload celeryWorkload(SrqHpnSettings settings, String name, String component, ComputeResources resources,
                                       List<EnvVarArgs> env, List<String> versions, MigrationJob migration, List<String> command) {
        return new AppWorkload("srq-hpn-" + name, AppWorkloadArgs.builder(namespace,
                        AppLabels.of(SYSTEM, name, name, component), name, name, context.image(settings.image("api")))
                .replicas(1)
                .nodePool(settings.pool())
                .resources(resources)
                .runAs(IMAGE_USER)
                .command(command)
                .env(env)
                .credentials(versions)
                // No port: the check is that Celery is still the container's main process.
                .probes(Probes.shell("grep -q celery /proc/1/cmdline", Probes.Timing.READINESS),
                        Probes.shell("grep -q celery /proc/1/cmdline", Probes.Timing.LIVENESS))
                .after(migration.job())
                .build(), child());
    }

    private static Map<String, Output<String>> ordered(String firstKey, Output<String> first, String secondKey, Output<String> second) {
        var data = new LinkedHashMap<String, Output<String>>();
        data.put(firstKey, first);
        data.put(secondKey, second);
        return data;
    }

    private static Map<String, String> headers() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Strict-Transport-Security", "max-age=31536000");
        headers.put("X-Frame-Options", "SAMEORIGIN");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-XSS-Protection", "1; mode=block");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return java.util.Collections.unmodifiableMap(headers);
    }
}
