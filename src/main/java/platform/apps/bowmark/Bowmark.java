package platform.apps.bowmark;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.backup.BackupTarget;
import platform.backup.PostgresBackup;
import platform.cloud.BackupBucket;
import platform.config.BowmarkSettings;
import platform.config.PlatformSettings;
import platform.data.Postgres;
import platform.data.PostgresArgs;
import platform.data.RabbitMq;
import platform.data.RabbitMqArgs;
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
import platform.secrets.GeneratedPassword;
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
    static final String SYSTEM = "bowmark";
    static final String DBMATE_IMAGE = platform.Versions.DBMATE;
    /** The seed's ingress: 100 MB uploads, 600 s proxy timeouts. */
    static final String MAX_BODY = "100Mi";
    static final Duration PROXY_TIMEOUT = Duration.ofSeconds(600);

    static final ComputeResources SERVER = new ComputeResources("250m", "512Mi", "1Gi");
    static final ComputeResources BACKGROUND = new ComputeResources("100m", "256Mi", "512Mi");
    static final ComputeResources CLIENT = new ComputeResources("100m", "256Mi", "512Mi");

    private final BowmarkSettings settings;
    private final NamespaceRef namespace;
    private final Postgres postgres;
    private final RabbitMq rabbitmq;
    private final List<String> credentialVersions = new ArrayList<>();

    public Bowmark(String name, PlatformSettings platform, Edge edge, Optional<BackupBucket> backupBucket,
                   @Nullable ComponentResourceOptions options) {
        super("platform:apps:Bowmark", name, options);
        this.settings = platform.bowmark().orElseThrow();
        var protect = platform.protectsData();
        namespace = new AppNamespace(NAMESPACE, SYSTEM, protect, ComponentResourceOptions.builder().parent(this).build()).ref();
        var child = ComponentResourceOptions.builder().parent(this).build();

        postgres = new Postgres("postgres", PostgresArgs.builder(namespace, SYSTEM)
                .owner("bowmark")
                .database(Product.PAVING.database, Product.PAVING.databaseKey)
                .database(Product.CONCRETE.database, Product.CONCRETE.databaseKey)
                .storageSize(settings.postgresStorage())
                .rotation(settings.postgresRotation())
                .protect(protect)
                .build(), child);
        rabbitmq = new RabbitMq("rabbitmq", RabbitMqArgs.builder(namespace, SYSTEM)
                .user("bowmark")
                .vhost(Product.PAVING.vhost, Product.PAVING.vhostKey)
                .vhost(Product.CONCRETE.vhost, Product.CONCRETE.vhostKey)
                .storageSize(settings.rabbitmqStorage())
                .rotation(settings.rabbitmqRotation())
                .protect(protect)
                .build(), child);

        var jwt = new GeneratedPassword(this, "bowmark-jwt-secret", settings.jwtRotation());
        var labels = AppLabels.of(SYSTEM, "bowmark", "bowmark", "config");
        KubeSecrets.create(this, "general", namespace, labels, Map.of("jwtSecret", jwt.value()));
        KubeSecrets.create(this, Product.PAVING.mongoSecret, namespace, labels, Map.of("mongoURI", platform.secret("bowmarkPavingMongoUri")));
        KubeSecrets.create(this, Product.CONCRETE.mongoSecret, namespace, labels, Map.of("mongoURI", platform.secret("bowmarkConcreteMongoUri")));
        KubeSecrets.create(this, "email", namespace, labels, fromConfig(platform, Map.of(
                "email", "bowmarkEmailAddress", "username", "bowmarkEmailUsername", "password", "bowmarkEmailPassword",
                "host", "bowmarkEmailHost", "port", "bowmarkEmailPort")));
        KubeSecrets.create(this, "search", namespace, labels, fromConfig(platform, Map.of(
                "host", "bowmarkSearchHost", "apiKey", "bowmarkSearchApiKey")));
        var spaces = backupBucket.map(bucket -> BackupTarget.in(this, namespace, labels, bucket));

        settings.migrations().ifPresent(files -> new ConfigMap(NAMESPACE + "-pg-migrations", ConfigMapArgs.builder()
                .metadata(Meta.of("pg-migrations", namespace, AppLabels.of(SYSTEM, "pg-migrations", "pg-migrations", "migrations")))
                .data(files)
                .build(), CustomResourceOptions.builder().parent(this).build()));

        credentialVersions.addAll(postgres.credentialVersions());
        credentialVersions.addAll(rabbitmq.credentialVersions());
        credentialVersions.add(jwt.version());

        for (var product : Product.values()) {
            var serverEnv = new ArrayList<>(appEnv(product, spaces.isPresent()));
            serverEnv.add(Env.plain("PORT", Integer.toString(product.serverPort)));
            var server = workload(product, "server", "api", settings.serverPool(), SERVER, serverEnv,
                    builder -> builder.listens(product.serverPort, product.service("server"))
                            .probes(Probes.tcp(product.serverPort, Probes.Timing.READINESS), Probes.tcp(product.serverPort, Probes.Timing.LIVENESS)));
            var worker = workload(product, "worker", "worker", settings.defaultPool(), BACKGROUND, appEnv(product, spaces.isPresent()),
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
                        Product.PAVING.deployment("consumer"), Product.CONCRETE.deployment("consumer"))), child);

        var backup = settings.backup();
        spaces.ifPresent(target -> new PostgresBackup("pg-backup", new PostgresBackup.Args(postgres, target,
                backup.schedule(), backup.retentionDays(), backup.restoreCheckSchedule(), backup.maxAgeHours(),
                backup.sanityQuery().orElse(PostgresBackup.DEFAULT_SANITY_QUERY)), child));
        registerOutputs(Map.of("namespace", namespace.output()));
    }

    /** Secret keys from secret stack config, by config key, sorted by Secret key. */
    private static Map<String, Output<String>> fromConfig(PlatformSettings platform, Map<String, String> configKeys) {
        var data = new java.util.TreeMap<String, Output<String>>();
        configKeys.forEach((key, configKey) -> data.put(key, platform.secret(configKey)));
        return data;
    }

    private interface Shape {
        AppWorkloadArgs.Builder apply(AppWorkloadArgs.Builder builder);
    }

    private AppWorkload workload(Product product, String role, String component, Optional<String> pool,
                                 ComputeResources resources, List<EnvVarArgs> env, Shape shape) {
        var labels = AppLabels.of(SYSTEM, role, product.named(role), component).with("component", product.named(role));
        var image = role.equals("client") ? settings.image(product.clientImageKey, product.clientImage)
                : settings.image("server", Product.SERVER_IMAGE);
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
    private List<EnvVarArgs> appEnv(Product product, boolean spaces) {
        var env = new ArrayList<>(consumerEnv(product));
        env.add(Env.fromSecret("JWT_SECRET", new SecretKeyRef("general", "jwtSecret")));
        env.add(Env.fromSecret("SEARCH_HOST", new SecretKeyRef("search", "host")));
        env.add(Env.fromSecret("SEARCH_API_KEY", new SecretKeyRef("search", "apiKey")));
        for (var key : List.of("email", "username", "password", "host", "port")) {
            env.add(Env.fromSecret("EMAIL_" + key.toUpperCase(), new SecretKeyRef("email", key)));
        }
        if (spaces) {
            env.add(Env.fromSecret("SPACES_NAME", new SecretKeyRef(BackupTarget.SECRET, "name")));
            env.add(Env.fromSecret("SPACES_REGION", new SecretKeyRef(BackupTarget.SECRET, "region")));
            env.add(Env.fromSecret("SPACES_KEY", new SecretKeyRef(BackupTarget.SECRET, "key")));
            env.add(Env.fromSecret("SPACES_SECRET", new SecretKeyRef(BackupTarget.SECRET, "secret")));
        }
        return env;
    }

    /** dbmate applies the product's pending migrations from {@code pg-migrations} before the consumer starts. */
    private ContainerArgs migrate(Product product) {
        return ContainerArgs.builder()
                .name("migrate")
                .image(DBMATE_IMAGE)
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
