package platform.apps.bowmark;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.Versions;
import platform.apps.AppSystem;
import platform.apps.SystemContext;
import platform.backup.PostgresBackup;
import platform.config.BowmarkSettings;
import platform.data.Meilisearch;
import platform.data.MeilisearchArgs;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.data.RabbitMq;
import platform.data.RabbitMqArgs;
import platform.edge.Edge;
import platform.edge.Route;
import platform.k8s.AppLabels;
import platform.k8s.ComputeResources;
import platform.k8s.ConfigMaps;
import platform.k8s.Env;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.secrets.Credential;
import platform.secrets.KubeSecrets;
import platform.workload.AppWorkload;
import platform.workload.AppWorkloadArgs;
import platform.workload.DbmateMigrations;
import platform.workload.ScheduledRestart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Bow-Mark (seed 001), paving and concrete, in namespace {@code bowmark}: PostgreSQL and RabbitMQ,
 * the eight Deployments of the seed's table as the live manifests run them (fact sheet §3: env,
 * requests, the {@code component} labels its runbooks select on), its Secrets, routes for its three
 * hosts as the live ingress has them, the nightly restart of workers and consumers, and the daily
 * database backup with its restore check. Off by default: the live system's later additions.
 */
public final class Bowmark extends AppSystem {
    public static final String NAMESPACE = "bowmark";
    static final String SYSTEM = BowmarkSettings.SYSTEM;
    /** The seed's ingress: 100 MB uploads (the live ingress now allows 500m; see the README), 600 s proxy timeouts. */
    static final String MAX_BODY = "100Mi";
    static final Duration PROXY_TIMEOUT = Duration.ofSeconds(600);
    /** GraphQL subscriptions are WebSockets on the GraphQL path (graphql-ws). */
    static final String WEBSOCKET_PATH = "/graphql";

    /** The live manifests' requests and memory limits (sheet §3.1, §5); CPU is never limited on this platform. */
    static final ComputeResources SERVER = new ComputeResources("1000m", "2000Mi", "4000Mi");
    static final ComputeResources WORKER = new ComputeResources("250m", "500Mi", "2000Mi");
    static final ComputeResources CONSUMER = new ComputeResources("100m", "512Mi", "2048Mi");
    static final ComputeResources CLIENT = new ComputeResources("250m", "500Mi", "2000Mi");
    static final ComputeResources MCP_ANALYTICS = new ComputeResources("250m", "512Mi", "1024Mi");
    static final ComputeResources POSTGRES = new ComputeResources("250m", "256Mi", "512Mi");
    static final ComputeResources RABBITMQ = new ComputeResources("100m", "256Mi", "512Mi");
    static final ComputeResources MEILISEARCH = new ComputeResources("250m", "512Mi", "1Gi");
    /** A development cluster's requests ({@code requests: small}); the memory limits stay the live ones, so nothing is killed sooner. */
    static final String SMALL_CPU = "50m";
    static final String SMALL_MEMORY = "256Mi";

    /** Where the processes listen (sheet §3.4, §4): the server's default {@code PORT}, the consumer's health server, Next's default. */
    static final int SERVER_PORT = 8080;
    static final int CONSUMER_HEALTH_PORT = 9090;
    static final int CLIENT_PORT = 3000;
    static final int MCP_PORT = 8081;
    /** The client image's user {@code nextjs}, which owns {@code .next} (sheet §3.4). */
    static final RunAs CLIENT_USER = new RunAs(1001, 1001);
    /** Workers serve no port; their image runs {@code npm start}, which runs this. */
    static final String WORKER_PROCESS = "node dist/server.js";
    /** The consumer answers 503 until MongoDB, PostgreSQL and its RabbitMQ topology are ready: about four minutes of that restarts it. */
    static final Probes.Timing CONSUMER_LIVENESS = new Probes.Timing(20, 5, 9, 60);
    /** The live broker lets a consumer hold a delivery for 4 h (sheet §5, {@code consumer_timeout.conf}). */
    static final Duration CONSUMER_TIMEOUT = Duration.ofHours(4);

    private final BowmarkSettings settings;
    private final Postgres postgres;
    private final RabbitMq rabbitmq;
    private final List<String> databaseCredentials = new ArrayList<>();
    private final Credential jwt;

    public Bowmark(String name, SystemContext context) {
        super("platform:apps:Bowmark", name, context, NAMESPACE, SYSTEM);
        this.settings = context.platform().bowmark().orElseThrow();
        var protect = context.protect();
        var options = settings.options();
        var child = child();

        // The live StatefulSets' claim names and pod labels (sheet §5), so volumes restored from their snapshots bind.
        postgres = new Postgres("postgres", PostgresArgs.builder(namespace, SYSTEM)
                .image(context.image(Versions.POSTGRES))
                .owner("bowmark")
                .database(Product.PAVING.database, Product.PAVING.databaseKey)
                .database(Product.CONCRETE.database, Product.CONCRETE.databaseKey)
                .storageSize(settings.postgresStorage())
                .storageClass(context.storageClass())
                .claimName("postgres-data")
                .labels(Map.of("app", "postgres"))
                .nodePool(settings.defaultPool())
                .resources(sized(POSTGRES))
                .password(settings.postgresPassword())
                .protect(protect)
                .build(), child);
        rabbitmq = new RabbitMq("rabbitmq", RabbitMqArgs.builder(namespace, SYSTEM)
                .image(context.image(Versions.RABBITMQ))
                .user("bowmark")
                .vhost(Product.PAVING.vhost, Product.PAVING.vhostKey)
                .vhost(Product.CONCRETE.vhost, Product.CONCRETE.vhostKey)
                .storageSize(settings.rabbitmqStorage())
                .storageClass(context.storageClass())
                .claimName("rabbitmq-data")
                .labels(Map.of("app", "rabbitmq"))
                .nodePool(settings.defaultPool())
                .resources(sized(RABBITMQ))
                .consumerTimeout(CONSUMER_TIMEOUT)
                .password(settings.rabbitmqPassword())
                .protect(protect)
                .build(), child);
        var meilisearch = options.meilisearch() ? Optional.of(new Meilisearch("meilisearch", MeilisearchArgs.singleNode(namespace,
                SYSTEM, context.image(Versions.MEILISEARCH), new SecretKeyRef("search", "apiKey"), context.storageClass(),
                "meili-data", sized(MEILISEARCH), settings.defaultPool(), Map.of("app", "meilisearch"), protect), child))
                : Optional.<Meilisearch>empty();

        jwt = Credential.password(this, "bowmark-jwt-secret", settings.jwtSecret());
        var labels = AppLabels.of(SYSTEM, "bowmark", "bowmark", "config");
        var secrets = settings.secrets();
        KubeSecrets.create(this, "general", namespace, labels, Map.of("jwtSecret", jwt.value()));
        KubeSecrets.create(this, Product.PAVING.id(), namespace, labels, Map.of("mongoURI", secrets.pavingMongoUri()));
        KubeSecrets.create(this, Product.CONCRETE.id(), namespace, labels, Map.of("mongoURI", secrets.concreteMongoUri()));
        KubeSecrets.create(this, "email", namespace, labels, secrets.email());
        var search = new LinkedHashMap<>(secrets.search());
        meilisearch.ifPresent(store -> search.put("host", Output.of(store.url())));
        KubeSecrets.create(this, "search", namespace, labels, search);
        // The app's own bucket for its files; backups go elsewhere (Secret backup-bucket, read by backup jobs only).
        KubeSecrets.create(this, "spaces", namespace, labels, secrets.spaces());
        secrets.anthropicApiKey().ifPresent(key -> KubeSecrets.create(this, "anthropic", namespace, labels, Map.of("apiKey", key)));
        var backups = backupTarget(labels);

        // Unless migrationsDir is set, CI owns pg-migrations (as today); the consumers start without it.
        settings.migrations().ifPresent(files -> ConfigMaps.create(this, "pg-migrations", namespace,
                AppLabels.of(SYSTEM, "pg-migrations", "pg-migrations", "migrations"), files));

        databaseCredentials.addAll(postgres.credentialVersions());
        databaseCredentials.addAll(rabbitmq.credentialVersions());

        for (var product : Product.values()) {
            var env = new AppEnv(product, postgres.secretName(), rabbitmq.secretName(), options.anthropic());
            var serverEnv = new ArrayList<>(env.server());
            if (options.mcpAnalytics() && product == Product.CONCRETE) {
                // Unset, the server calls the paving MCP server (its default URL): the live bug of sheet §10.2.
                serverEnv.add(Env.plain("MCP_SERVER_URL", "http://" + product.named("mcp-analytics") + ":" + MCP_PORT));
            }
            var server = workload(product, "server", "api", settings.serverPool(), SERVER, serverEnv, withJwt(),
                    builder -> builder.listens(SERVER_PORT, product.service("server"), product.serverServicePort)
                            .probes(Probes.http("/health", SERVER_PORT, Probes.Timing.READINESS),
                                    Probes.http("/health", SERVER_PORT, Probes.Timing.LIVENESS)));
            var worker = workload(product, "worker", "worker", settings.defaultPool(), WORKER, env.worker(), withJwt(),
                    builder -> builder.probes(Probes.process(WORKER_PROCESS, Probes.Timing.READINESS),
                            Probes.process(WORKER_PROCESS, Probes.Timing.LIVENESS)));
            var consumer = workload(product, "consumer", "consumer", settings.defaultPool(), CONSUMER, env.consumer(),
                    databaseCredentials,
                    builder -> builder.command(List.of("node", "dist/consumer/index.js"))
                            .initContainer(DbmateMigrations.initContainer("migrate", context.image(Versions.DBMATE),
                                    postgres.ref(product.databaseKey + "Url")))
                            .volumesForInitOnly(DbmateMigrations.volumes("pg-migrations"))
                            .port("health", CONSUMER_HEALTH_PORT)
                            .probes(Probes.http("/", CONSUMER_HEALTH_PORT, Probes.Timing.READINESS),
                                    Probes.http("/", CONSUMER_HEALTH_PORT, CONSUMER_LIVENESS)));
            var client = workload(product, "client", "web", settings.defaultPool(), CLIENT, List.of(), List.of(),
                    builder -> builder.listens(CLIENT_PORT, product.service("client"), product.clientServicePort)
                            .runAs(CLIENT_USER)
                            .writable("/app/.next/cache")
                            .probes(Probes.http("/", CLIENT_PORT, Probes.Timing.READINESS), Probes.tcp(CLIENT_PORT, Probes.Timing.LIVENESS)));
            server.admitGateway(Edge.gatewayPeer());
            client.admitGateway(Edge.gatewayPeer());
            var databaseUsers = new ArrayList<>(List.of(server, worker, consumer));
            if (options.mcpAnalytics()) {
                var mcp = mcpAnalytics(product, env);
                mcp.allowFrom(server.args().labels().instance(), server.podLabels());
                databaseUsers.add(mcp);
            }
            for (var user : databaseUsers) {
                postgres.allowFrom(user.args().labels().instance(), user.podLabels());
                rabbitmq.allowFrom(user.args().labels().instance(), user.podLabels());
            }
            meilisearch.ifPresent(store -> List.of(server, worker).forEach(user ->
                    store.allowFrom(user.args().labels().instance(), user.podLabels())));

            // The live ingress's paths (sheet §7) on each of the product's hosts. Every server path names the
            // Service port the Service exposes, so concrete's /file reaches 8081 (the live manifest's 8080 is a bug, §10.1).
            var route = Route.builder("bowmark" + product.suffix)
                    .hosts(product == Product.PAVING ? settings.pavingHosts() : settings.concreteHosts())
                    .timeout(PROXY_TIMEOUT)
                    .maxBody(MAX_BODY)
                    .websocket(WEBSOCKET_PATH, server.backend());
            settings.serverPaths().forEach(path -> route.prefix(path, server.backend()));
            route.prefix("/", client.backend());
            expose(route.build());
        }
        // Operator pods (scripts/bowmark-backfill.sh, the README's psql and dbmate checks) carry this label.
        postgres.allowFrom("maintenance", Map.of("app.kubernetes.io/name", "maintenance"));

        new ScheduledRestart("nightly-worker-restart", new ScheduledRestart.Args(namespace, SYSTEM,
                "nightly-worker-restart", "deployment-manager-role", settings.nightlyRestartSchedule(),
                List.of(Product.PAVING.deployment("worker"), Product.CONCRETE.deployment("worker"),
                        Product.PAVING.deployment("consumer"), Product.CONCRETE.deployment("consumer")),
                context.image(Versions.KUBECTL)), child);

        var backup = settings.backup();
        backups.ifPresent(target -> new PostgresBackup("pg-backup", PostgresBackup.Args.of(postgres, target, backup), child));
        registerNamespace();
    }

    /** The live requests, or small ones on a development cluster (memory limits unchanged). */
    private ComputeResources sized(ComputeResources live) {
        if (settings.liveRequests() || ComputeResources.bytesOf(live.memoryRequest()) <= ComputeResources.bytesOf(SMALL_MEMORY)) {
            return live;
        }
        return new ComputeResources(SMALL_CPU, SMALL_MEMORY, live.memoryLimit());
    }

    /** The database credentials and the JWT secret: what servers, workers and the MCP servers roll on. */
    private List<String> withJwt() {
        var versions = new ArrayList<>(databaseCredentials);
        versions.add(jwt.version());
        return versions;
    }

    /**
     * A Deployment of the seed's table. Its pods carry the live {@code component} label beside the
     * recommended ones; the selector stays the recommended pair, so adding labels never touches it.
     */
    private AppWorkload workload(Product product, String role, String component, Optional<String> pool,
                                 ComputeResources resources, List<EnvVarArgs> env, List<String> credentials,
                                 UnaryOperator<AppWorkloadArgs.Builder> shape) {
        var labels = AppLabels.of(SYSTEM, role, product.named(role), component).with("component", product.component(role));
        var image = context.image(settings.image(role.equals("client") ? product.clientImageKey : "server"));
        var builder = AppWorkloadArgs.builder(namespace, labels, product.deployment(role), role, image)
                .replicas(settings.replicas().get(product.replicasKey(role)))
                .nodePool(pool)
                .resources(sized(resources))
                .env(env)
                .credentials(credentials);
        return new AppWorkload(product.deployment(role), shape.apply(builder).build(), child());
    }

    /** The live system's MCP analytics server (sheet §3.1): one per product, reached by its server only. */
    private AppWorkload mcpAnalytics(Product product, AppEnv env) {
        var role = "mcp-analytics";
        var labels = AppLabels.of(SYSTEM, role, product.named(role), "mcp").with("component", product.component(role));
        var args = AppWorkloadArgs.builder(namespace, labels, product.deployment(role), product.named(role),
                        context.image(settings.image("server")))
                .nodePool(settings.serverPool())
                .resources(sized(MCP_ANALYTICS))
                .command(List.of("node", "dist/mcp-server.js"))
                .env(env.mcpAnalytics(MCP_PORT))
                .credentials(withJwt())
                .listens(MCP_PORT, product.named(role))
                .probes(Probes.http("/health", MCP_PORT, Probes.Timing.READINESS), Probes.http("/health", MCP_PORT, Probes.Timing.LIVENESS))
                .build();
        return new AppWorkload(product.deployment(role), args, child());
    }
}
