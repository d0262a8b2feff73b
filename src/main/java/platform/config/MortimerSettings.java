package platform.config;

import com.pulumi.core.Output;
import platform.k8s.ImageRef;
import platform.secrets.CredentialSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:mortimer}: what differs between Mortimer's stacks (the seed and its fact sheet fix
 * the rest): the image, hosts and certificate, replicas, pool, Gunicorn threads, the probe path,
 * volume sizes, edge limits, the affinity cookie, credentials, backup schedules; and the secrets only
 * its operators know (registration passphrase, mail account).
 *
 * @param replicas        0 (stopped) or 1: see {@link #MAX_REPLICAS}
 * @param probePath       what the probes request; {@code /login} (the published image has no {@code /healthz})
 * @param terminationGrace at least Gunicorn's 30 s graceful timeout
 * @param secretKey       MORTIMER_SECRET_KEY: generated once, or given to keep the running system's; never rotated
 *                        (it encrypts data in the database: a new one makes that data unreadable)
 * @param mailUseTls      MORTIMER_MAIL_USE_TLS when mail is configured
 */
public record MortimerSettings(ImageRef image, Site site, int replicas, Optional<String> pool,
                               int gunicornThreads, String probePath, Duration terminationGrace, String instanceStorage,
                               String maxBody, Duration timeout, String affinityCookie, Duration affinityTtl,
                               String mongoStorage, CredentialSource mongoRootPassword, CredentialSource mongoPassword,
                               CredentialSource secretKey, boolean mailUseTls, BackupSchedule backup, Secrets secrets) {

    public static final String SYSTEM = "mortimer";
    public static final String CERTIFICATE = "mortimer-tls";
    /**
     * {@code /app/instance} (uploaded experiment scripts and resources) is one ReadWriteOnce block
     * volume, and experiments run in the memory of the pod that started them: a second pod would have
     * neither the first one's files nor its sessions. One pod is the supported shape (see the README).
     */
    public static final int MAX_REPLICAS = 1;
    /** Gunicorn's graceful timeout in the image ({@code GUNICORN_GRACEFUL_TIMEOUT}, 30 s): a shorter grace cuts requests. */
    public static final int GUNICORN_GRACEFUL_SECONDS = 30;

    /** The defaults, in one place: the live nginx's limits, the image's threads, the app's 2-day experiment timeout. */
    static final int DEFAULT_THREADS = 10;
    static final String DEFAULT_PROBE_PATH = "/login";
    static final int DEFAULT_GRACE_SECONDS = 60;
    static final String DEFAULT_INSTANCE_STORAGE = "5Gi";
    static final String DEFAULT_MONGO_STORAGE = "10Gi";
    static final String DEFAULT_MAX_BODY = "20Mi";
    static final int DEFAULT_TIMEOUT_SECONDS = 75;
    static final String DEFAULT_AFFINITY_COOKIE = "mortimer-route";
    static final int DEFAULT_AFFINITY_HOURS = 48;

    private static final Pattern BODY = Pattern.compile("[1-9]\\d*(Ki|Mi)");
    private static final Pattern COOKIE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static final List<SecretKeys.SecretKey> SECRETS = List.of(
            SecretKeys.SecretKey.optional("mortimerParole", "the registration passphrase (MORTIMER_PAROLE); without it nobody can register"),
            SecretKeys.SecretKey.optional("mortimerAdminMail", "the administrator's address shown by the app (ADMIN_MAIL)"),
            SecretKeys.SecretKey.optional("mortimerMailServer", "SMTP host for password-reset mail; mail is off when absent"),
            SecretKeys.SecretKey.optional("mortimerMailPort", "SMTP port (MORTIMER_MAIL_PORT)"),
            SecretKeys.SecretKey.optional("mortimerMailUsername", "SMTP user (MORTIMER_MAIL_USERNAME)"),
            SecretKeys.SecretKey.optional("mortimerMailPassword", "SMTP password (MORTIMER_MAIL_PASSWORD)"),
            SecretKeys.SecretKey.optional("mortimerMailSender", "the sender address (MORTIMER_MAIL_SENDER_ADDRESS)"),
            SecretKeys.SecretKey.optional("mortimerSecretKey", "the running system's MORTIMER_SECRET_KEY (a Fernet key) to keep; generated when absent"),
            SecretKeys.SecretKey.optional("mortimerMongoRootPassword", "MongoDB's root password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("mortimerMongoPassword", "MongoDB's mortimer_app password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("mortimerBackupKey", "the backups' SSE-C key to keep reading older backups; generated when absent"));

    /** The secrets Mortimer's operators may set, by the env variable each becomes (only those set). */
    public record Secrets(Map<String, Output<String>> appEnv) {
        public Secrets {
            appEnv = Map.copyOf(appEnv);
        }

        /** Mail is on when an SMTP server is configured. */
        public boolean mailConfigured() {
            return appEnv.containsKey("MORTIMER_MAIL_SERVER");
        }
    }

    /** The nightly dump, its restore check, how old the newest dump may be, and the key it is encrypted with. */
    public record BackupSchedule(String schedule, String restoreCheckSchedule, int maxAgeHours, CredentialSource encryptionKey) {
    }

    /** The site's hosts. */
    public List<String> hosts() {
        return site.hosts();
    }

    static Optional<MortimerSettings> read(ConfigNode mortimer, StackConfig config, Environment environment, SiteReader sites,
                                           ClusterSettings cluster) {
        if (!mortimer.isPresent()) {
            return Optional.empty();
        }
        var node = mortimer.object();
        var image = ImageSettings.read(node.field("image"), environment, ImageSettings.Pinning.DIGEST_OR_RESOLVED);
        var site = sites.site(node, SYSTEM, CERTIFICATE);

        var replicasNode = node.field("replicas");
        var replicas = replicasNode.asInteger(1, 0, 50);
        if (replicas > MAX_REPLICAS) {
            replicasNode.reject("0 or 1: /app/instance is one ReadWriteOnce volume and running experiments live in one pod's"
                    + " memory, so a second pod would lack the first one's experiment files and sessions");
            replicas = MAX_REPLICAS;
        }
        var graceSeconds = node.field("terminationGraceSeconds").asInteger(DEFAULT_GRACE_SECONDS, GUNICORN_GRACEFUL_SECONDS, 3600);

        var affinity = node.field("sessionAffinity").object();
        var mongo = node.field("mongo").object();
        var backup = node.field("backup").object();
        var mail = node.field("mail").object();
        return Optional.of(new MortimerSettings(
                image.orElse(null), site, replicas, cluster.pool(node.field("pool")),
                node.field("gunicornThreads").asInteger(DEFAULT_THREADS, 1, 64),
                node.field("probePath").matching(Patterns.ROOTED_PATH, "a path the app answers with 200, such as /login").orElse(DEFAULT_PROBE_PATH),
                Duration.ofSeconds(graceSeconds),
                node.field("instanceStorage").matching(Patterns.GIB_QUANTITY, Patterns.GIB_QUANTITY_TEXT).orElse(DEFAULT_INSTANCE_STORAGE),
                node.field("maxBody").matching(BODY, "a request body limit such as 20Mi").orElse(DEFAULT_MAX_BODY),
                Duration.ofSeconds(node.field("timeoutSeconds").asInteger(DEFAULT_TIMEOUT_SECONDS, 1, 3600)),
                affinity.field("cookieName").matching(COOKIE, "a cookie name of letters, digits, '-' and '_'").orElse(DEFAULT_AFFINITY_COOKIE),
                Duration.ofHours(affinity.field("ttlHours").asInteger(DEFAULT_AFFINITY_HOURS, 1, 24 * 400)),
                mongo.field("storageSize").matching(Patterns.GIB_QUANTITY, Patterns.GIB_QUANTITY_TEXT).orElse(DEFAULT_MONGO_STORAGE),
                CredentialSettings.once(config, "mortimerMongoRootPassword"),
                CredentialSettings.read(mongo.field("rotation"), config, "mortimerMongoPassword"),
                CredentialSettings.once(config, "mortimerSecretKey"),
                mail.field("useTls").asBoolean(true),
                new BackupSchedule(
                        backup.field("schedule").cron("0 3 * * *"),
                        backup.field("restoreCheckSchedule").cron("0 5 * * 0"),
                        backup.field("maxAgeHours").asInteger(26, 1, 24 * 30),
                        CredentialSettings.once(config, "mortimerBackupKey")),
                new Secrets(appEnv(config))));
    }

    private static Map<String, Output<String>> appEnv(StackConfig config) {
        var env = new LinkedHashMap<String, Output<String>>();
        var keys = new LinkedHashMap<String, String>();
        keys.put("MORTIMER_PAROLE", "mortimerParole");
        keys.put("ADMIN_MAIL", "mortimerAdminMail");
        keys.put("MORTIMER_MAIL_SERVER", "mortimerMailServer");
        keys.put("MORTIMER_MAIL_PORT", "mortimerMailPort");
        keys.put("MORTIMER_MAIL_USERNAME", "mortimerMailUsername");
        keys.put("MORTIMER_MAIL_PASSWORD", "mortimerMailPassword");
        keys.put("MORTIMER_MAIL_SENDER_ADDRESS", "mortimerMailSender");
        keys.forEach((variable, key) -> config.optionalSecret(key).ifPresent(value -> env.put(variable, value)));
        return env;
    }
}
