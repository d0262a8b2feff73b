package platform.config;

import com.pulumi.core.Output;
import platform.Versions;
import platform.data.OpenSearchArgs;
import platform.data.RedisArgs;
import platform.k8s.ImageRef;
import platform.secrets.CredentialSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code platform:project88}: what differs between Project 88's stacks (its seed fixes the rest):
 * the images, every one pinned by digest in production ("all images pinned by digest in
 * prod.env"); hosts and certificate; replicas and pool; the Celery worker's command; the seed's
 * non-secret env ({@code base.env} with the stack's overrides) and, in secret config, its vaulted
 * {@code web.env}; where traces go; datastore sizes and credentials; the backup schedule; and the
 * development-only tools.
 */
public record Project88Settings(Site site, Optional<String> pool, Web web, Worker worker, Images images,
                                Map<String, String> env, Optional<Map<String, Output<String>>> secretEnv, int secretEnvRotation,
                                String otelEndpoint, Postgres postgres, Redis redis, Search search, Backup backup,
                                DevTools devTools, Environment environment) {

    public static final String SYSTEM = "project88";
    public static final String CERTIFICATE = "project88-tls";
    /** The seed's vaulted {@code env/prod/web.env.vault}, as one secret env file. */
    public static final String WEB_ENV_SECRET = "project88WebEnv";
    /** Where traces go unless the stack says otherwise: the platform collector's OTLP/HTTP receiver. */
    public static final String DEFAULT_OTEL_ENDPOINT = platform.observability.Observability.OTLP_HTTP_ENDPOINT;
    /** The platform sets these itself (wiring, identity, environment); the seed's env files cannot. */
    public static final Set<String> PLATFORM_ENV = Set.of("ENVIRONMENT", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME",
            "OTEL_RESOURCE_ATTRIBUTES", "DATABASE_URL", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD",
            "POSTGRES_DB", "REDIS_URL", "CELERY_BROKER_URL", "OPENSEARCH_URL", "HOSTNAME");

    public static final List<SecretKeys.SecretKey> SECRETS = List.of(
            SecretKeys.SecretKey.optional(WEB_ENV_SECRET, "Project 88's vaulted web.env: NAME=value lines, the secret env of web "
                    + "and worker (Secret web-env); set with `pulumi config set --secret platform:project88WebEnv < web.env`"),
            SecretKeys.SecretKey.optional("project88PostgresPassword", "PostgreSQL's owner password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("project88RedisPassword", "Redis' password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("project88SearchPassword", "OpenSearch's admin password for a fresh node; generated when absent"),
            SecretKeys.SecretKey.optional("project88PgadminPassword", "the dev-only pgAdmin's login password; generated when absent"));

    private static final Pattern URL = Pattern.compile("https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\\d{1,5})?(/[A-Za-z0-9._~/-]*)?");
    private static final Pattern ARGUMENT = Pattern.compile("[^\\s'\"`$\\\\;|&<>]+");
    /** Names that say "secret": they belong in the vaulted env file, not in a ConfigMap. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIAL).*");

    /** @param replicas the seed's {@code deploy.replicas}: 2 in production, compose's default 1 elsewhere */
    public record Web(ImageRef image, int replicas) {
    }

    /**
     * @param command the Celery worker's command, e.g. {@code celery -A p88.worker worker --loglevel=INFO}
     * @param app     its {@code -A}/{@code --app}, which the liveness check pings with
     */
    public record Worker(List<String> command, String app, int replicas) {
        public Worker {
            command = List.copyOf(command);
        }
    }

    /** The app image is web's; the datastores' and the backup jobs' are the releases {@code Versions} pins, with digests. */
    public record Images(ImageRef db, ImageRef redis, ImageRef search, ImageRef awsCli) {
    }

    /** @param ephemeral data that goes with the pod (a development stack's throwaway data) */
    public record Postgres(String storageSize, boolean ephemeral, CredentialSource password) {
    }

    public record Redis(String maxMemory, String evictionPolicy, CredentialSource password) {
    }

    /** @param heap the JVM heap; memory is twice this */
    public record Search(String heap, String storageSize, CredentialSource adminPassword) {
    }

    /** @param pointInTime continuous WAL archiving beside the nightly dump (the seed's "WAL streaming"), on when the data is durable */
    public record Backup(String schedule, int retentionDays, String restoreCheckSchedule, int maxAgeHours, PitrSettings pointInTime) {
    }

    /** The fact sheet's WAL-G archive kept 7 days; base backups before the nightly dump, the replay check after Monday's restore check. */
    static final PitrSettings.Defaults PITR_DEFAULTS = new PitrSettings.Defaults("0 6 * * *", 7, "0 10 * * 1");

    /** @param enabled Mailpit and pgAdmin, in a development stack only */
    public record DevTools(boolean enabled, CredentialSource pgadminPassword) {
    }

    public Project88Settings {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** The seed's {@code $ENVIRONMENT}: {@code dev} or {@code prod}. */
    public String environmentName() {
        return environment == Environment.PRODUCTION ? "prod" : "dev";
    }

    static Optional<Project88Settings> read(ConfigNode project88, StackConfig config, Environment environment, SiteReader sites,
                                            ClusterSettings cluster) {
        if (!project88.isPresent()) {
            return Optional.empty();
        }
        var node = project88.object();
        var production = environment == Environment.PRODUCTION;
        var site = sites.site(node, SYSTEM, CERTIFICATE);

        var webNode = node.field("web").object();
        var web = new Web(ImageSettings.read(webNode.field("image"), environment, ImageSettings.Pinning.DIGEST_IN_CONFIG)
                .orElse(null), webNode.field("replicas").asInteger(1, 1, 10));
        var workerNode = node.field("worker").object();
        var command = workerNode.field("command");
        var worker = new Worker(command.asStringList(), celeryApp(command), workerNode.field("replicas").asInteger(1, 1, 10));

        var imagesNode = node.field("images").object();
        var pinning = ImageSettings.Pinning.DIGEST_IN_CONFIG;
        var images = new Images(
                ImageSettings.upstream(imagesNode.field("db"), Versions.POSTGRES_ALPINE, environment, pinning).orElse(null),
                ImageSettings.upstream(imagesNode.field("redis"), Versions.REDIS, environment, pinning).orElse(null),
                ImageSettings.upstream(imagesNode.field("search"), Versions.OPENSEARCH, environment, pinning).orElse(null),
                ImageSettings.upstream(imagesNode.field("awsCli"), Versions.AWS_CLI, environment, pinning).orElse(null));

        var env = env(node.field("env"));
        var secretEnv = config.optionalSecretEnv(WEB_ENV_SECRET, PLATFORM_ENV);
        secretEnv.ifPresent(secret -> secret.keySet().stream().filter(env::containsKey).forEach(name ->
                node.field("env").field(name).problem("is also in the secret env file platform:" + WEB_ENV_SECRET
                        + ", expected each variable in one place")));

        var postgresNode = node.field("postgres").object();
        var ephemeral = postgresNode.field("ephemeral").asBoolean(false);
        if (ephemeral && production) {
            postgresNode.field("ephemeral").reject("false in production: its data lives on a retained volume");
        }
        var redisNode = node.field("redis").object();
        var searchNode = node.field("search").object();
        var backupNode = node.field("backup").object();
        var devTools = node.field("devTools").asBoolean(false);
        if (devTools && production) {
            node.field("devTools").reject("false in production: Mailpit and pgAdmin are development tools");
        }
        return Optional.of(new Project88Settings(site, cluster.pool(node.field("pool")), web, worker, images, env, secretEnv,
                node.field("webEnvRotation").asInteger(0, 0, 1_000_000),
                node.field("otelEndpoint").matching(URL, "an http(s) URL of an OTLP/HTTP receiver, e.g. " + DEFAULT_OTEL_ENDPOINT)
                        .orElse(DEFAULT_OTEL_ENDPOINT),
                new Postgres(postgresNode.field("storageSize").matching(Patterns.GIB_QUANTITY, Patterns.GIB_QUANTITY_TEXT).orElse("10Gi"),
                        ephemeral && !production,
                        CredentialSettings.read(postgresNode.field("rotation"), config, "project88PostgresPassword")),
                new Redis(redisNode.field("maxMemory").matching(RedisArgs.MAX_MEMORY, RedisArgs.MAX_MEMORY_TEXT).orElse("256mb"),
                        redisNode.field("evictionPolicy").oneOf("volatile-lru", RedisArgs.EVICTION_POLICIES),
                        CredentialSettings.read(redisNode.field("rotation"), config, "project88RedisPassword")),
                new Search(searchNode.field("heap").matching(OpenSearchArgs.HEAP, OpenSearchArgs.HEAP_TEXT).orElse("512m"),
                        searchNode.field("storageSize").matching(Patterns.GIB_QUANTITY, Patterns.GIB_QUANTITY_TEXT).orElse("5Gi"),
                        CredentialSettings.read(searchNode.field("rotation"), config, "project88SearchPassword")),
                new Backup(backupNode.field("schedule").cron("0 7 * * *"),
                        backupNode.field("retentionDays").asInteger(30, 1, 3650),
                        backupNode.field("restoreCheckSchedule").cron("0 9 * * 1"),
                        backupNode.field("maxAgeHours").asInteger(26, 1, 24 * 30),
                        PitrSettings.read(backupNode.field("pointInTimeRecovery"), PITR_DEFAULTS, !(ephemeral && !production))),
                new DevTools(devTools && !production,
                        CredentialSettings.read(node.field("pgadminRotation"), config, "project88PgadminPassword")),
                environment));
    }

    /** The non-secret env: names the platform does not set, nothing that looks like a secret. */
    private static Map<String, String> env(ConfigNode node) {
        var env = new LinkedHashMap<String, String>();
        node.asStringMap().forEach((name, value) -> {
            var field = node.field(name);
            if (!DotEnv.NAME.matcher(name).matches()) {
                field.problem("is not an environment variable name, expected letters, digits and _");
            } else if (PLATFORM_ENV.contains(name)) {
                field.problem("is set by the platform, expected only the app's own variables");
            } else if (SECRET_NAME.matcher(name.toUpperCase()).matches()) {
                field.problem("looks like a secret, expected it in the secret env file: "
                        + "pulumi config set --secret platform:" + WEB_ENV_SECRET + " < web.env");
            } else {
                env.put(name, value);
            }
        });
        return env;
    }

    /**
     * The app of a Celery worker command ({@code celery -A <app> worker ...}); the command must not
     * rename the node, because the liveness check pings {@code celery@$HOSTNAME}.
     */
    private static String celeryApp(ConfigNode command) {
        var expectation = "a Celery worker command such as [celery, -A, p88.worker, worker, --loglevel=INFO]";
        var words = command.asStringList();
        if (!command.isPresent()) {
            command.problem("is required, expected " + expectation);
            return "";
        }
        String app = null;
        var worker = false;
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            if (!worker && (word.equals("-A") || word.equals("--app")) && i + 1 < words.size()) {
                app = words.get(++i);
            } else if (!worker && word.startsWith("--app=")) {
                app = word.substring("--app=".length());
            } else if (word.equals("worker")) {
                worker = true;
            } else if (word.equals("-n") || word.startsWith("--hostname") || word.startsWith("-n")) {
                command.reject(expectation + " without -n/--hostname: the liveness check pings the node celery@$HOSTNAME");
                return "";
            }
        }
        if (words.isEmpty() || !words.get(0).equals("celery") || app == null || !worker
                || words.stream().anyMatch(word -> !ARGUMENT.matcher(word).matches())) {
            command.reject(expectation + " (the app before the worker subcommand; plain words, no shell)");
            return "";
        }
        return app;
    }
}
