package platform.config;

import platform.data.RedisArgs;
import platform.k8s.ImageRef;
import platform.secrets.CredentialSource;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:srqHpn}: what differs between srq-hpn's stacks (seed 003 and its fact sheet fix the
 * rest): the two images CI builds from the repository, the hosts and their certificate, replicas and
 * pool, the API's plain environment (fact sheet section 2, defaults below), storage, rotation counters,
 * the migration's time limit, the backup schedule, and the optional Celery extra.
 *
 * @param images       {@code api} and {@code web}, each {@code repository:tag[@sha256:...]}
 * @param apiEnv       the API's plain variables in the sheet's order, each from config or its default
 * @param celery       present when {@code celery.enabled}: Redis, a Celery worker and beat (not in the seed)
 */
public record SrqHpnSettings(Map<String, ImageRef> images, Site site, int apiReplicas, int webReplicas,
                             Optional<String> pool, Map<String, String> apiEnv, String postgresStorage,
                             CredentialSource postgresPassword, CredentialSource postgresAppPassword,
                             CredentialSource jwtSecret, CredentialSource bigtopIngestToken, Duration migrationTimeout,
                             DatabaseBackupSettings backup, Optional<Celery> celery) {

    public static final String SYSTEM = "srq-hpn";
    /** The certificate Secret cert-manager issues for the site's hosts. */
    public static final String CERTIFICATE = "srq-hpn-tls";
    public static final List<String> IMAGES = List.of("api", "web");

    /** The seed's "automated daily backups"; the weekly restore check exceeds its quarterly restore test. */
    public static final DatabaseBackupSettings.Defaults BACKUP_DEFAULTS =
            new DatabaseBackupSettings.Defaults("0 7 * * *", 30, "0 9 * * 1", 26);
    public static final int MIGRATION_TIMEOUT_MINUTES = 10;

    /** The API's LOG_LEVEL; Celery's log level takes the same values. */
    private static final Variable LOG_LEVEL = Variable.of("LOG_LEVEL", "INFO", "DEBUG|INFO|WARNING|ERROR|CRITICAL",
            "DEBUG, INFO, WARNING, ERROR or CRITICAL");

    /**
     * The API's plain environment as the fact sheet lists it (compose's defaults), with what each may
     * be. Secrets ({@code DATABASE_URL}, {@code JWT_SECRET}, {@code BIGTOP_INGEST_TOKEN}) are not here:
     * they come from Secrets. {@code REDIS_URL} is not either: the API never reaches Redis (only Celery does).
     */
    public static final List<Variable> API_ENV = List.of(
            Variable.of("JWT_ALGORITHM", "HS256", "HS256|HS384|HS512", "HS256, HS384 or HS512 (JWT_SECRET is a shared key)"),
            Variable.of("JWT_EXPIRES_MINUTES", "60", "[1-9]\\d{0,5}", "whole minutes, e.g. 60"),
            Variable.of("COOKIE_SECURE", "true", "true|false", "true or false"),
            Variable.of("COOKIE_SAMESITE", "lax", "lax|strict|none", "lax, strict or none"),
            Variable.of("ENV", "production", "[a-z][a-z0-9_-]{0,30}", "an environment name such as production"),
            Variable.of("CORS_ORIGINS", "", "(https?://[^,\\s]+(,https?://[^,\\s]+)*)?",
                    "comma-separated origins such as https://srqhappenings.com,https://www.srqhappenings.com, or empty"),
            LOG_LEVEL,
            Variable.of("LOG_FORMAT", "json", "json|text", "json or text"),
            Variable.of("LOG_ENV", "production", "[a-z][a-z0-9_-]{0,30}", "an environment name such as production"),
            Variable.of("WEATHER_REFRESH_JITTER_MAX_SECONDS", "180", "\\d{1,5}", "whole seconds, e.g. 180"),
            Variable.of("WEATHER_LOCATION_KEY", "sarasota-fl", "[a-z0-9][a-z0-9-]{0,62}", "a key such as sarasota-fl"),
            Variable.of("WEATHER_LATITUDE", "27.3364", "-?\\d{1,2}(\\.\\d+)?", "a latitude in degrees, e.g. 27.3364"),
            Variable.of("WEATHER_LONGITUDE", "-82.5307", "-?\\d{1,3}(\\.\\d+)?", "a longitude in degrees, e.g. -82.5307"),
            Variable.of("WEATHER_CACHE_TTL_HOURS", "6", "[1-9]\\d{0,3}", "whole hours, e.g. 6"),
            Variable.of("WEATHER_DAILY_FETCH_CAP", "25", "\\d{1,5}", "a whole number, e.g. 25"),
            Variable.of("WEATHER_RETENTION_DAYS", "10", "[1-9]\\d{0,4}", "whole days, e.g. 10"),
            Variable.of("WEATHER_FETCH_COUNTER_RETENTION_DAYS", "45", "[1-9]\\d{0,4}", "whole days, e.g. 45"));

    /** Generated unless given: the values a running Compose system has and may keep. */
    public static final List<SecretKeys.SecretKey> SECRETS = List.of(
            SecretKeys.SecretKey.optional("srqHpnJwtSecret", "the API's JWT_SECRET to keep (sessions survive the move); generated when absent"),
            SecretKeys.SecretKey.optional("srqHpnBigtopIngestToken",
                    "the BIGTOP_INGEST_TOKEN the home bridge already sends; generated when absent"),
            SecretKeys.SecretKey.optional("srqHpnPostgresPassword", "PostgreSQL's srq_hpn (admin) password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("srqHpnPostgresAppPassword", "PostgreSQL's srq_hpn_app password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("srqHpnRedisPassword", "the Celery broker Redis' password to keep (celery.enabled); generated when absent"));

    /** One plain variable: its name, compose's default and the values it may take. */
    public record Variable(String name, String fallback, Pattern pattern, String expectation) {
        static Variable of(String name, String fallback, String pattern, String expectation) {
            return new Variable(name, fallback, Pattern.compile(pattern), expectation);
        }
    }

    /**
     * The Celery worker and beat of the repository's HEAD (not in the seed): the daily collectors and
     * the weather refresh. Off by default.
     *
     * @param workerConcurrency {@code CELERY_WORKER_CONCURRENCY}, default 2
     * @param logLevel          {@code CELERY_LOG_LEVEL}, default INFO
     * @param redisMaxMemory    the broker's memory; nothing is evicted (a queued task is never dropped for room)
     * @param redisPassword     generated ({@code redisRotation}) or given ({@code srqHpnRedisPassword})
     */
    public record Celery(int workerConcurrency, String logLevel, String redisMaxMemory, CredentialSource redisPassword) {
    }

    public SrqHpnSettings {
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        apiEnv = Collections.unmodifiableMap(new LinkedHashMap<>(apiEnv));
    }

    public ImageRef image(String key) {
        return images.get(key);
    }

    /** The site's hosts. */
    public List<String> hosts() {
        return site.hosts();
    }

    static Optional<SrqHpnSettings> read(ConfigNode section, StackConfig config, Environment environment, SiteReader sites,
                                         ClusterSettings cluster) {
        if (!section.isPresent()) {
            return Optional.empty();
        }
        var node = section.object();
        var imagesNode = node.field("images").object();
        var images = new LinkedHashMap<String, ImageRef>();
        for (var key : IMAGES) {
            ImageSettings.read(imagesNode.field(key), environment, ImageSettings.Pinning.DIGEST_OR_RESOLVED)
                    .ifPresent(image -> images.put(key, image));
        }
        var site = sites.site(node, SYSTEM, CERTIFICATE);

        var replicas = node.field("replicas").object();
        var apiEnvNode = node.field("api").object().field("env").object();
        var apiEnv = new LinkedHashMap<String, String>();
        for (var variable : API_ENV) {
            apiEnv.put(variable.name(), apiEnvNode.field(variable.name()).matching(variable.pattern(), variable.expectation())
                    .orElse(variable.fallback()));
        }
        var postgres = node.field("postgres").object();
        return Optional.of(new SrqHpnSettings(images, site,
                replicas.field("api").asInteger(1, 0, 20),
                replicas.field("web").asInteger(1, 0, 20),
                cluster.pool(node.field("pool")),
                apiEnv,
                postgres.field("storageSize").matching(Patterns.GIB_QUANTITY, Patterns.GIB_QUANTITY_TEXT).orElse("10Gi"),
                CredentialSettings.read(postgres.field("rotation"), config, "srqHpnPostgresPassword"),
                CredentialSettings.read(postgres.field("appRotation"), config, "srqHpnPostgresAppPassword"),
                CredentialSettings.read(node.field("jwtRotation"), config, "srqHpnJwtSecret"),
                CredentialSettings.read(node.field("bigtopIngestTokenRotation"), config, "srqHpnBigtopIngestToken"),
                Duration.ofMinutes(node.field("migration").object().field("timeoutMinutes")
                        .asInteger(MIGRATION_TIMEOUT_MINUTES, 1, 360)),
                DatabaseBackupSettings.read(node.field("backup"), BACKUP_DEFAULTS),
                celery(node.field("celery").object(), config)));
    }

    /** Every field is read (so a typo is reported) even when the extra is off. */
    private static Optional<Celery> celery(ConfigNode node, StackConfig config) {
        var enabled = node.field("enabled").asBoolean(false);
        var celery = new Celery(
                node.field("workerConcurrency").asInteger(2, 1, 16),
                node.field("logLevel").matching(LOG_LEVEL.pattern(), LOG_LEVEL.expectation()).orElse(LOG_LEVEL.fallback()),
                node.field("redisMaxMemory").matching(RedisArgs.MAX_MEMORY, RedisArgs.MAX_MEMORY_TEXT).orElse("200mb"),
                CredentialSettings.read(node.field("redisRotation"), config, "srqHpnRedisPassword"));
        return enabled ? Optional.of(celery) : Optional.empty();
    }
}
