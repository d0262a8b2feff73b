package platform.apps.bowmark;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.backup.PostgresBackup;
import platform.config.BowmarkSettings;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.data.RabbitMq;
import platform.data.RabbitMqArgs;
import platform.Versions;
import platform.apps.SystemContext;
import platform.edge.Edge;
import platform.edge.Route;
import platform.k8s.AppLabels;
import platform.k8s.AppNamespace;
import platform.k8s.ComputeResources;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Meta;
import platform.k8s.NamespaceRef;
import platform.k8s.Probes;
import platform.k8s.SecretKeyRef;
import platform.k8s.Volumes;
import platform.secrets.Credential;
import platform.secrets.KubeSecrets;
import platform.workload.AppWorkload;
import platform.workload.AppWorkloadArgs;
import platform.workload.ScheduledRestart;

import javax.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bow-Mark (seed 001), paving and concrete, in namespace {@code bowmark}: PostgreSQL and RabbitMQ,
 * the eight Deployments of the seed's table, its Secrets, routes for its three hosts, the nightly
 * restart of workers and consumers, and the daily database backup with its restore check.
 */
public final class Bowmark extends ComponentResource {
    public static final String NAMESPACE = "bowmark";
    static final String SYSTEM = BowmarkSettings.SYSTEM;
    /** The seed's ingress: 100 MB uploads, 600 s proxy timeouts. */
    static final String MAX_BODY = "100Mi";
    static final Duration PROXY_TIMEOUT = Duration.ofSeconds(600);

    static final ComputeResources SERVER = new ComputeResources("250m", "512Mi", "1Gi");
    static final ComputeResources BACKGROUND = new ComputeResources("100m", "256Mi", "512Mi");
    static final ComputeResources CLIENT = new ComputeResources("100m", "256Mi", "512Mi");

    private final BowmarkSettings settings;
    private final SystemContext context;
    private final NamespaceRef namespace;
    private final Postgres postgres;
    private final RabbitMq rabbitmq;
    private final List<String> credentialVersions = new ArrayList<>();

    public Bowmark(String name, SystemContext context) {
        super("platform:apps:Bowmark", name, context.onCluster());
        this.context = context;
        this.settings = context.platform().bowmark().orElseThrow();
        var protect = context.protect();
        var edge = context.edge();
        namespace = new AppNamespace(NAMESPACE, SYSTEM, protect, ComponentResourceOptions.builder().parent(this).build()).ref();
        var child = ComponentResourceOptions.builder().parent(this).build();

        postgres = new Postgres("postgres", PostgresArgs.builder(namespace, SYSTEM)
                .image(context.image(Versions.POSTGRES))
                .owner("bowmark")
                .database(Product.PAVING.database, Product.PAVING.databaseKey)
                .database(Product.CONCRETE.database, Product.CONCRETE.databaseKey)
                .storageSize(settings.postgresStorage())
                .storageClass(context.storageClass())
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
                .password(settings.rabbitmqPassword())
                .protect(protect)
                .build(), child);

        var jwt = Credential.password(this, "bowmark-jwt-secret", settings.jwtSecret());
        var labels = AppLabels.of(SYSTEM, "bowmark", "bowmark", "config");
        var secrets = settings.secrets();
        KubeSecrets.create(this, "general", namespace, labels, Map.of("jwtSecret", jwt.value()));
        KubeSecrets.create(this, Product.PAVING.mongoSecret, namespace, labels, Map.of("mongoURI", secrets.pavingMongoUri()));
        KubeSecrets.create(this, Product.CONCRETE.mongoSecret, namespace, labels, Map.of("mongoURI", secrets.concreteMongoUri()));
        KubeSecrets.create(this, "email", namespace, labels, secrets.email());
        KubeSecrets.create(this, "search", namespace, labels, secrets.search());
        KubeSecrets.create(this, "spaces", namespace, labels, secrets.spaces());
        var backups = context.backups().targetFor(this, SYSTEM, namespace, labels);

        settings.migrations().ifPresent(files -> new ConfigMap(NAMESPACE + "-pg-migrations", ConfigMapArgs.builder()
                .metadata(Meta.of("pg-migrations", namespace, AppLabels.of(SYSTEM, "pg-migrations", "pg-migrations", "migrations")))
                .data(files)
                .build(), CustomResourceOptions.builder().parent(this).build()));

        credentialVersions.addAll(postgres.credentialVersions());
        credentialVersions.addAll(rabbitmq.credentialVersions());
        credentialVersions.add(jwt.version());

        for (var product : Product.values()) {
            var serverEnv = new ArrayList<>(appEnv(product));
            serverEnv.add(Env.plain("PORT", Integer.toString(product.serverPort)));
            var server = workload(product, "server", "api", settings.serverPool(), SERVER, serverEnv,
                    builder -> builder.listens(product.serverPort, product.service("server"))
                            .probes(Probes.tcp(product.serverPort, Probes.Timing.READINESS), Probes.tcp(product.serverPort, Probes.Timing.LIVENESS)));
            var worker = workload(product, "worker", "worker", settings.defaultPool(), BACKGROUND, appEnv(product),
                    builder -> builder.probes(processAlive(), processAlive()));
            var consumer = workload(product, "consumer", "consumer", settings.defaultPool(), BACKGROUND, consumerEnv(product),
                    builder -> builder.command(List.of("node", "dist/consumer/index.js"))
                            .initContainer(migrate(product))
                            .volumeForInitOnly(Volumes.configMap("migrations", "pg-migrations", 0444))
                            .probes(processAlive(), processAlive()));
            var client = workload(product, "client", "web", settings.defaultPool(), CLIENT,
                    List.of(Env.plain("NODE_ENV", "production"), Env.plain("PORT", Integer.toString(product.clientPort))),
                    builder -> builder.listens(product.clientPort, product.service("client"))
                            .writable("/app/.next/cache")
                            .probes(Probes.http("/", product.clientPort, Probes.Timing.READINESS), Probes.tcp(product.clientPort, Probes.Timing.LIVENESS)));
            server.admitGateway(Edge.gatewayPeer());
            client.admitGateway(Edge.gatewayPeer());
            for (var user : List.of(server, worker, consumer)) {
                postgres.allowFrom(user.args().labels().instance(), user.podLabels());
                rabbitmq.allowFrom(user.args().labels().instance(), user.podLabels());
            }

            var route = Route.builder("bowmark" + product.suffix)
                    .hosts(product == Product.PAVING ? settings.pavingHosts() : settings.concreteHosts())
                    .timeout(PROXY_TIMEOUT)
                    .maxBody(MAX_BODY);
            settings.serverPaths().forEach(path -> route.prefix(path, server.backend()));
            route.prefix("/", client.backend());
            edge.expose(this, namespace, AppLabels.of(SYSTEM, "bowmark", "bowmark" + product.suffix, "routing"),
                    route.build());
        }
        // Operator pods (scripts/bowmark-backfill.sh, the README's psql and dbmate checks) carry this label.
        postgres.allowFrom("maintenance", Map.of("app.kubernetes.io/name", "maintenance"));

        new ScheduledRestart("nightly-worker-restart", new ScheduledRestart.Args(namespace, SYSTEM,
                "nightly-worker-restart", "deployment-manager-role", settings.nightlyRestartSchedule(),
                List.of(Product.PAVING.deployment("worker"), Product.CONCRETE.deployment("worker"),
                        Product.PAVING.deployment("consumer"), Product.CONCRETE.deployment("consumer")),
                context.image(Versions.KUBECTL)), child);

        var backup = settings.backup();
        backups.ifPresent(target -> new PostgresBackup("pg-backup", new PostgresBackup.Args(postgres, target,
                backup.schedule(), backup.retentionDays(), backup.restoreCheckSchedule(), backup.maxAgeHours(),
                backup.sanityQuery().orElse(PostgresBackup.DEFAULT_SANITY_QUERY)), child));
        registerOutputs(Map.of("namespace", namespace.output()));
    }

    private interface Shape {
        AppWorkloadArgs.Builder apply(AppWorkloadArgs.Builder builder);
    }

    private AppWorkload workload(Product product, String role, String component, Optional<String> pool,
                                 ComputeResources resources, List<EnvVarArgs> env, Shape shape) {
        var labels = AppLabels.of(SYSTEM, role, product.named(role), component).with("component", product.named(role));
        var image = context.image(settings.image(role.equals("client") ? product.clientImageKey : "server"));
        var builder = AppWorkloadArgs.builder(namespace, labels, product.deployment(role), role, image)
                .replicas(settings.replicas().get(product.replicasKey(role)))
                .nodePool(pool)
                .resources(resources)
                .env(env)
                .credentials(role.equals("client") ? List.of() : credentialVersions);
        return new AppWorkload(product.deployment(role), shape.apply(builder).build(),
                ComponentResourceOptions.builder().parent(this).build());
    }

    /** Workers and consumers serve no port: their probes check that the Node process is still PID 1. */
    private static com.pulumi.kubernetes.core.v1.inputs.ProbeArgs processAlive() {
        return Probes.shell("grep -q node /proc/1/cmdline", Probes.Timing.LIVENESS);
    }

    /** What the seed's backfill command gives a consumer: its MongoDB, PostgreSQL database and RabbitMQ vhost. */
    private List<EnvVarArgs> consumerEnv(Product product) {
        return List.of(
                Env.plain("NODE_ENV", "production"),
                Env.fromSecret("MONGO_URI", new SecretKeyRef(product.mongoSecret, "mongoURI")),
                Env.fromSecret("POSTGRES_HOST", postgres.ref("host")),
                Env.fromSecret("POSTGRES_PORT", postgres.ref("port")),
                Env.fromSecret("POSTGRES_USER", postgres.ref("user")),
                Env.fromSecret("POSTGRES_PASSWORD", postgres.ref("password")),
                Env.plain("POSTGRES_DB", product.database),
                Env.fromSecret("RABBITMQ_HOST", rabbitmq.ref("host")),
                Env.fromSecret("RABBITMQ_PORT", rabbitmq.ref("port")),
                Env.fromSecret("RABBITMQ_USER", rabbitmq.ref("user")),
                Env.fromSecret("RABBITMQ_PASSWORD", rabbitmq.ref("password")),
                Env.fromSecret("RABBITMQ_VHOST", rabbitmq.ref(product.vhostKey)));
    }

    /** Servers and workers: the consumer's wiring plus the app's own Secrets. */
    private List<EnvVarArgs> appEnv(Product product) {
        var env = new ArrayList<>(consumerEnv(product));
        env.add(Env.fromSecret("JWT_SECRET", new SecretKeyRef("general", "jwtSecret")));
        env.add(Env.fromSecret("SEARCH_HOST", new SecretKeyRef("search", "host")));
        env.add(Env.fromSecret("SEARCH_API_KEY", new SecretKeyRef("search", "apiKey")));
        for (var key : List.of("email", "username", "password", "host", "port")) {
            env.add(Env.fromSecret("EMAIL_" + key.toUpperCase(), new SecretKeyRef("email", key)));
        }
        for (var key : List.of("name", "region", "key", "secret")) {
            env.add(Env.fromSecret("SPACES_" + key.toUpperCase(), new SecretKeyRef("spaces", key)));
        }
        return env;
    }

    /** dbmate applies the product's pending migrations from {@code pg-migrations} before the consumer starts. */
    private ContainerArgs migrate(Product product) {
        return ContainerArgs.builder()
                .name("migrate")
                .image(context.image(Versions.DBMATE).reference())
                .args("--migrations-dir", "/db/migrations", "--no-dump-schema", "--wait", "up")
                .env(Env.fromSecret("DATABASE_URL", postgres.ref(product.databaseKey + "Url")))
                .resources(ComputeResources.SMALL.toArgs())
                .securityContext(Hardening.container())
                .volumeMounts(Volumes.readOnly("migrations", "/db/migrations"))
                .build();
    }

    public NamespaceRef namespace() {
        return namespace;
    }
}
