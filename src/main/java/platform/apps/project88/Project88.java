package platform.apps.project88;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.apps.AppSystem;
import platform.apps.SystemContext;
import platform.backup.PostgresBackup;
import platform.backup.PostgresPitr;
import platform.config.Project88Settings;
import platform.data.OpenSearch;
import platform.data.OpenSearchArgs;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.data.Redis;
import platform.data.RedisArgs;
import platform.edge.Edge;
import platform.edge.Route;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ConfigMaps;
import platform.k8s.Env;
import platform.k8s.Probes;
import platform.k8s.SecretKeyRef;
import platform.k8s.Sha256;
import platform.secrets.KubeSecrets;
import platform.workload.AppWorkload;
import platform.workload.AppWorkloadArgs;
import platform.workload.DependencyWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Project 88 (seed 002) in namespace {@code project88}, as its service catalogue describes it:
 * {@code web} (FastAPI/uvicorn on 8000, ×2 in production) and {@code worker} (Celery, same image)
 * on {@code db} (PostgreSQL 16 alpine, volume {@code db-data}), {@code redis} (broker and cache, no
 * persistence) and {@code search} (OpenSearch 2, one node, volume {@code search-data}, not backed
 * up); the seed's env files as a ConfigMap and a Secret; its optional Traefik as a route on the
 * shared gateway; the nightly {@code pg_dump} with its restore check; and, in development only,
 * Mailpit and pgAdmin.
 */
public final class Project88 extends AppSystem {
    public static final String NAMESPACE = "project88";
    static final String SYSTEM = Project88Settings.SYSTEM;
    static final int WEB_PORT = 8000;
    /** The seed's {@code deploy.resources.limits} for web: 0.5 CPU and 512m, so a noisy web cannot starve the database. */
    static final ComputeResources WEB = new ComputeResources("250m", "256Mi", "512Mi").withCpuLimit("500m");
    /** NLP, PDF and mail tasks; the seed sets no limit for the worker. */
    static final ComputeResources WORKER = ComputeResources.LARGE;
    /** The seed's healthcheck: every 10 s, 3 s timeout, 5 retries. */
    static final Probes.Timing HEALTHCHECK = new Probes.Timing(10, 3, 5, 5);
    /** {@code celery inspect ping} starts a Python process and asks the node over the broker: slower than an HTTP check. */
    static final Probes.Timing CELERY_READINESS = new Probes.Timing(30, 20, 3, 20);
    static final Probes.Timing CELERY_LIVENESS = new Probes.Timing(60, 20, 3, 60);
    /** Web serves WebSockets too, and Envoy's route timeout also ends an upgraded connection. */
    static final Duration ROUTE_TIMEOUT = Duration.ofHours(1);
    /** The ConfigMap of the seed's non-secret env ({@code base.env} with this environment's overrides). */
    static final String BASE_ENV = "base-env";
    /** The Secret of the seed's vaulted {@code web.env}. */
    static final String WEB_ENV = "web-env";
    /** Changes with the ConfigMap's content, so web and worker roll when the env changes. */
    static final String CONFIG_CHECKSUM = "platform.dev/config-checksum";
    /** From the real system's databases (fact sheet): the owner and the database the app uses. */
    static final String DB_OWNER = "project88_myappuser";
    static final String DB_NAME = "project88_myappdb";

    private final Project88Settings settings;

    public Project88(String name, SystemContext context) {
        super("platform:apps:Project88", name, context, NAMESPACE, SYSTEM);
        this.settings = context.platform().project88().orElseThrow();
        var protect = context.protect();
        var images = settings.images();
        var child = child();

        var configLabels = AppLabels.of(SYSTEM, "env", "env", "config");
        var backup = settings.backup();
        var backupTarget = backupTarget(configLabels)
                .map(target -> target.withAwsCli(context.image(images.awsCli())));
        var db = new Postgres("project88-db", PostgresArgs.builder(namespace, SYSTEM)
                .name("db")
                .image(context.image(images.db()))
                .owner(DB_OWNER)
                .database(DB_NAME, "database")
                .claimName("db-data")
                .storageSize(settings.postgres().storageSize())
                .storageClass(context.storageClass())
                .ephemeral(settings.postgres().ephemeral())
                .password(settings.postgres().password())
                .protect(protect)
                .labels(logLabels("db"))
                .nodePool(settings.pool())
                // The seed's "WAL streaming" beside the nightly dump: point-in-time recovery (PostgresPitr).
                .walArchiving(backupTarget.filter(target -> backup.pointInTime().enabled())
                        .map(target -> PostgresPitr.to(target, backup.pointInTime())))
                .build(), child);
        var redis = new Redis("project88-redis", RedisArgs.cache(namespace, SYSTEM, context.image(images.redis()),
                settings.redis().maxMemory(), settings.redis().evictionPolicy(), settings.redis().password())
                .withLabels(logLabels("redis")).withNodePool(settings.pool()), child);
        // Baseline exception (Baseline.WRITABLE_ROOT "project88/search"), which the seed allows for search where the
        // upstream image needs it: OpenSearch.WRITABLE_ROOT_REASON. It needs no privileged init container: no mmap.
        var search = new OpenSearch("project88-search", OpenSearchArgs.singleNode(namespace, SYSTEM, context.image(images.search()),
                        settings.search().heap(), context.storageClass(), settings.search().adminPassword(), protect)
                .withName("search")
                .withVolume(settings.search().storageSize(), "search-data")
                .withLabels(logLabels("search")).withNodePool(settings.pool()), child);

        var baseEnv = baseEnv();
        ConfigMaps.create(this, BASE_ENV, namespace, configLabels, baseEnv);
        var secretEnv = settings.secretEnv().orElse(Map.of());
        KubeSecrets.create(this, WEB_ENV, namespace, configLabels, secretEnv);

        var credentials = new ArrayList<String>();
        credentials.addAll(db.credentialVersions());
        credentials.addAll(redis.credentialVersions());
        credentials.addAll(search.credentialVersions());
        settings.secretEnv().ifPresent(ignored -> credentials.add(WEB_ENV + "@given." + settings.secretEnvRotation()));

        var wiring = new ArrayList<EnvVarArgs>();
        baseEnv.keySet().forEach(key -> wiring.add(Env.fromConfigMap(key, BASE_ENV, key)));
        secretEnv.keySet().forEach(key -> wiring.add(Env.fromSecret(key, new SecretKeyRef(WEB_ENV, key))));
        wiring.add(Env.fromSecret("DATABASE_URL", db.ref("databaseUrl")));
        wiring.add(Env.fromSecret("POSTGRES_HOST", db.ref("host")));
        wiring.add(Env.fromSecret("POSTGRES_PORT", db.ref("port")));
        wiring.add(Env.fromSecret("POSTGRES_USER", db.ref("user")));
        wiring.add(Env.fromSecret("POSTGRES_PASSWORD", db.ref("password")));
        wiring.add(Env.plain("POSTGRES_DB", DB_NAME));
        wiring.add(Env.fromSecret("REDIS_URL", new SecretKeyRef(redis.secretName(), "url")));
        wiring.add(Env.fromSecret("CELERY_BROKER_URL", new SecretKeyRef(redis.secretName(), "url")));
        wiring.add(Env.fromSecret("OPENSEARCH_URL", new SecretKeyRef(search.secretName(), "url")));
        var checksum = checksum(baseEnv);

        var health = Probes.http("/health", WEB_PORT, HEALTHCHECK);
        var web = workload("web", "api", settings.web().replicas(), WEB, wiring, credentials, checksum, builder -> builder
                .listens(WEB_PORT, "web")
                .probes(health, health)
                .servesMetrics("/metrics")
                // compose's depends_on: db healthy (pg_isready), redis started.
                .startsAfter(DependencyWait.postgres(db))
                .startsAfter(DependencyWait.redis(redis)));
        var ping = celeryPing();
        var worker = workload("worker", "worker", settings.worker().replicas(), WORKER, wiring, credentials, checksum, builder -> builder
                .command(settings.worker().command())
                .probes(Probes.shell(ping, CELERY_READINESS), Probes.shell(ping, CELERY_LIVENESS))
                // Not in the seed's snippet, but the worker uses both as much as web does.
                .startsAfter(DependencyWait.postgres(db))
                .startsAfter(DependencyWait.redis(redis)));
        web.admitGateway(Edge.gatewayPeer());
        for (var app : List.of(web, worker)) {
            var client = app.args().name();
            db.allowFrom(client, app.podLabels());
            redis.allowFrom(client, app.podLabels());
            search.allowFrom(client, app.podLabels());
        }

        expose(Route.builder("project88")
                .hosts(settings.site().hosts())
                .prefix("/", web.backend())
                .blocked("/metrics")
                .timeout(ROUTE_TIMEOUT)
                .build());

        // Point-in-time recovery is attached to db above, in its builder (walArchiving): the archive is part of its pod.
        backupTarget.ifPresent(target -> new PostgresBackup("project88-pg-backup", new PostgresBackup.Args(db, target,
                        backup.schedule(), backup.retentionDays(), backup.restoreCheckSchedule(), backup.maxAgeHours(),
                        PostgresBackup.DEFAULT_SANITY_QUERY), child));

        if (settings.devTools().enabled()) {
            new DevTools(this, context, namespace, db, List.of(web, worker), settings.devTools().pgadminPassword(), child);
        }
        registerNamespace();
    }

    private AppWorkload workload(String service, String component, int replicas, ComputeResources resources,
                                 List<EnvVarArgs> wiring, List<String> credentials, String checksum,
                                 UnaryOperator<AppWorkloadArgs.Builder> shape) {
        var env = new ArrayList<>(wiring);
        env.add(Env.plain("OTEL_SERVICE_NAME", service));
        env.add(Env.plain("OTEL_RESOURCE_ATTRIBUTES", "service.namespace=" + SYSTEM + ",deployment.environment=" + settings.environmentName()));
        var builder = AppWorkloadArgs.builder(namespace, labels(service, component), service, service, context.image(settings.web().image()))
                .replicas(replicas)
                .nodePool(settings.pool())
                .resources(resources)
                .env(env)
                .credentials(credentials)
                .podAnnotation(CONFIG_CHECKSUM, checksum);
        return new AppWorkload("project88-" + service, shape.apply(builder).build(), child());
    }

    /** The recommended labels plus the seed's log labels. */
    AppLabels labels(String service, String component) {
        return AppLabels.of(SYSTEM, service, service, component).withAll(logLabels(service));
    }

    /** The labels the seed's log shipper puts on every container's logs: {@code service="$NAME", env="$ENV"}. */
    Map<String, String> logLabels(String service) {
        return Map.of("service", service, "env", settings.environmentName());
    }

    /** The non-secret env: the seed's base.env with this stack's overrides, the environment, and where traces go. */
    private Map<String, String> baseEnv() {
        var env = new TreeMap<>(settings.env());
        env.put("ENVIRONMENT", settings.environmentName());
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", settings.otelEndpoint());
        return env;
    }

    /** The worker answers a ping as its own node; the command may not rename it (checked in config). */
    private String celeryPing() {
        return "celery -A '" + settings.worker().app() + "' inspect ping -d \"celery@$HOSTNAME\" --timeout 10";
    }

    /** SHA-256 of the env's names and values (none of them secret). */
    static String checksum(Map<String, String> env) {
        var text = new StringBuilder();
        new TreeMap<>(env).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return Sha256.hex(text.toString());
    }
}
