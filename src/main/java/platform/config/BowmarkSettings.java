package platform.config;

import com.pulumi.core.Output;
import platform.k8s.ImageRef;
import platform.secrets.CredentialSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:bowmark}: what differs between Bow-Mark's stacks (the seed fixes the rest):
 * image tag and digests, hosts per product and their certificate, which paths go to the server,
 * replicas, pools, storage, credentials (rotation counters, or values kept from the running
 * system), schedules; and the secrets only its operators know.
 */
public record BowmarkSettings(Map<String, ImageRef> images, List<String> pavingHosts, List<String> concreteHosts,
                              Site site, List<String> serverPaths, Map<String, Integer> replicas,
                              Optional<String> serverPool, Optional<String> defaultPool, String postgresStorage,
                              String rabbitmqStorage, CredentialSource postgresPassword, CredentialSource rabbitmqPassword,
                              CredentialSource jwtSecret, Optional<Map<String, String>> migrations,
                              String nightlyRestartSchedule, DatabaseBackupSettings backup, Secrets secrets, Options options,
                              boolean liveRequests) {

    public static final String SYSTEM = "bowmark";
    /** The seed's certificate Secret, covering the three hosts. */
    public static final String CERTIFICATE = "bow-mark-tls";
    /** Image key to repository: one server image for servers, workers and consumers; a client image per product. */
    public static final Map<String, String> IMAGES = orderedImages();
    public static final List<String> DEPLOYMENTS = List.of(
            "server", "serverConcrete", "worker", "workerConcrete", "consumer", "consumerConcrete", "client", "clientConcrete");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]+");
    /** The live ingress's server paths (fact sheet §7); everything else goes to the client. */
    public static final List<String> SERVER_PATHS = List.of("/graphql", "/file", "/public", "/api");

    /** The secrets of the seed's Secrets that hold external credentials, and values that may be kept from the running system. */
    public static final List<SecretKeys.SecretKey> SECRETS = List.of(
            SecretKeys.SecretKey.required("bowmarkPavingMongoUri", "paving's MongoDB Atlas URI (Secret paving/mongoURI)"),
            SecretKeys.SecretKey.required("bowmarkConcreteMongoUri", "concrete's MongoDB Atlas URI (Secret concrete/mongoURI)"),
            SecretKeys.SecretKey.required("bowmarkEmailAddress", "the sender address (Secret email/email)"),
            SecretKeys.SecretKey.required("bowmarkEmailUsername", "SMTP user (Secret email/username)"),
            SecretKeys.SecretKey.required("bowmarkEmailPassword", "SMTP password (Secret email/password)"),
            SecretKeys.SecretKey.required("bowmarkEmailHost", "SMTP host (Secret email/host)"),
            SecretKeys.SecretKey.required("bowmarkEmailPort", "SMTP port (Secret email/port)"),
            SecretKeys.SecretKey.required("bowmarkSearchHost", "Meilisearch URL (Secret search/host)"),
            SecretKeys.SecretKey.required("bowmarkSearchApiKey", "Meilisearch API key (Secret search/apiKey)"),
            SecretKeys.SecretKey.required("bowmarkSpacesName", "the app's own Spaces bucket for its files (Secret spaces/name)"),
            SecretKeys.SecretKey.required("bowmarkSpacesRegion", "that bucket's region (Secret spaces/region)"),
            SecretKeys.SecretKey.required("bowmarkSpacesKey", "a Spaces key of that bucket (Secret spaces/key)"),
            SecretKeys.SecretKey.required("bowmarkSpacesSecret", "its secret (Secret spaces/secret)"),
            SecretKeys.SecretKey.optional("bowmarkJwtSecret", "the JWT secret to keep (Secret general/jwtSecret); generated when absent"),
            SecretKeys.SecretKey.optional("bowmarkPostgresPassword", "PostgreSQL's bowmark password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("bowmarkRabbitmqPassword", "RabbitMQ's bowmark password to keep; generated when absent"),
            SecretKeys.SecretKey.optional("bowmarkAnthropicApiKey", "the Anthropic API key (Secret anthropic/apiKey); required when platform:bowmark.anthropic is true"));

    /**
     * The values of the seed's Secrets that only Bow-Mark's operators know (Pulumi secrets), and the
     * Anthropic key when {@link Options#anthropic()} is on.
     */
    public record Secrets(Output<String> pavingMongoUri, Output<String> concreteMongoUri, Map<String, Output<String>> email,
                          Map<String, Output<String>> search, Map<String, Output<String>> spaces,
                          Optional<Output<String>> anthropicApiKey) {
    }

    /**
     * The live system's additions after the seed (fact sheet §1), each off unless switched on:
     * {@code anthropic} the ninth Secret read by servers and consumers; {@code mcpAnalytics} the two MCP
     * analytics servers; {@code meilisearch} search in the cluster instead of the external service.
     */
    public record Options(boolean anthropic, boolean mcpAnalytics, boolean meilisearch) {
    }

    /** The seed's dumps, daily at 08:00 UTC kept 30 days; the platform adds a restore check on Mondays at 10:00. */
    public static final DatabaseBackupSettings.Defaults BACKUP_DEFAULTS =
            new DatabaseBackupSettings.Defaults("0 8 * * *", 30, "0 10 * * 1", 26);

    /** {@code platform:bowmark.requests}: the live manifests' requests, or small ones for a development cluster. */
    public static final List<String> REQUESTS = List.of("live", "small");

    public BowmarkSettings {
        images = Map.copyOf(images);
        pavingHosts = List.copyOf(pavingHosts);
        concreteHosts = List.copyOf(concreteHosts);
        serverPaths = List.copyOf(serverPaths);
        replicas = Map.copyOf(replicas);
    }

    /**
     * @return the {@code pg-migrations} files when {@code migrationsDir} is set; otherwise CI keeps
     * creating that ConfigMap as the seed describes, and the consumers still mount it by name
     */
    public Optional<Map<String, String>> migrations() {
        return migrations;
    }

    public ImageRef image(String key) {
        return images.get(key);
    }

    static Optional<BowmarkSettings> read(ConfigNode bowmark, StackConfig config, Environment environment, SiteReader sites,
                                          ClusterSettings cluster) {
        if (!bowmark.isPresent()) {
            return Optional.empty();
        }
        var node = bowmark.object();
        var images = images(node, environment);

        var hosts = node.field("hosts").object();
        var paving = sites.hosts(hosts.field("paving"));
        var concrete = sites.hosts(hosts.field("concrete"));
        var allHosts = new ArrayList<>(paving);
        allHosts.addAll(concrete);
        var site = new Site(SYSTEM, SYSTEM, allHosts, SiteReader.tls(node.field("tls"), CERTIFICATE));

        var paths = new ArrayList<String>();
        var pathsNode = node.field("serverPaths");
        for (var path : pathsNode.items()) {
            path.matching(PATH, "a path prefix such as /api (not / itself)").ifPresent(paths::add);
        }
        if (!pathsNode.isPresent()) {
            paths.addAll(SERVER_PATHS);
        } else if (paths.isEmpty()) {
            pathsNode.problem("got no paths, expected the path prefixes routed to the server, e.g. " + SERVER_PATHS);
        }

        var options = new Options(node.field("anthropic").asBoolean(false), node.field("mcpAnalytics").asBoolean(false),
                node.field("meilisearch").asBoolean(false));
        var anthropicKey = config.optionalSecret("bowmarkAnthropicApiKey");
        if (options.anthropic() && anthropicKey.isEmpty()) {
            node.field("anthropic").problem("is true, so the secret platform:bowmarkAnthropicApiKey must be set: "
                    + "`pulumi config set --secret platform:bowmarkAnthropicApiKey <value>`");
        }

        var replicas = new LinkedHashMap<String, Integer>();
        var replicasNode = node.field("replicas").object();
        for (var deployment : DEPLOYMENTS) {
            replicas.put(deployment, replicasNode.field(deployment).asInteger(1, 0, 20));
        }

        var pools = node.field("pools").object();
        var postgres = node.field("postgres").object();
        var rabbitmq = node.field("rabbitmq").object();
        return Optional.of(new BowmarkSettings(images, paving, concrete, site, paths, replicas,
                cluster.pool(pools.field("server")), cluster.pool(pools.field("default")),
                postgres.field("storageSize").matching(Patterns.GIB_QUANTITY, Patterns.GIB_QUANTITY_TEXT).orElse("10Gi"),
                rabbitmq.field("storageSize").matching(Patterns.GIB_QUANTITY, Patterns.GIB_QUANTITY_TEXT).orElse("5Gi"),
                CredentialSettings.read(postgres.field("rotation"), config, "bowmarkPostgresPassword"),
                CredentialSettings.read(rabbitmq.field("rotation"), config, "bowmarkRabbitmqPassword"),
                CredentialSettings.read(node.field("jwtRotation"), config, "bowmarkJwtSecret"),
                node.field("migrationsDir").asString().map(dir -> MigrationFiles.read(node.field("migrationsDir"), dir)),
                node.field("nightlyRestartSchedule").cron("0 7 * * *"),
                DatabaseBackupSettings.read(node.field("backup"), BACKUP_DEFAULTS),
                new Secrets(config.requireSecret("bowmarkPavingMongoUri"), config.requireSecret("bowmarkConcreteMongoUri"),
                        secretMap(config, Map.of("email", "bowmarkEmailAddress", "username", "bowmarkEmailUsername",
                                "password", "bowmarkEmailPassword", "host", "bowmarkEmailHost", "port", "bowmarkEmailPort")),
                        secretMap(config, Map.of("host", "bowmarkSearchHost", "apiKey", "bowmarkSearchApiKey")),
                        secretMap(config, Map.of("name", "bowmarkSpacesName", "region", "bowmarkSpacesRegion",
                                "key", "bowmarkSpacesKey", "secret", "bowmarkSpacesSecret")),
                        options.anthropic() ? anthropicKey : Optional.empty()),
                options,
                node.field("requests").oneOf("live", REQUESTS).equals("live")));
    }

    /**
     * {@code imageTag} (the commit CI built) for all images, and optional digests per image; in
     * production the tag must be a commit, so what runs is what CI built from a reviewed commit.
     */
    private static Map<String, ImageRef> images(ConfigNode node, Environment environment) {
        var tagNode = node.field("imageTag");
        var tag = tagNode.requireMatching(ImageRef.TAG, ImageRef.TAG_TEXT);
        if (tag.equals("latest")) {
            tagNode.reject("an immutable tag (the commit SHA CI built)");
        } else if (environment == Environment.PRODUCTION && !tag.isEmpty() && !ImageRef.COMMIT_TAG.matcher(tag).matches()) {
            tagNode.reject("in production " + ImageRef.COMMIT_TAG_TEXT + " (the commit CI built)");
        }
        var digestsNode = node.field("imageDigests").object();
        var images = new LinkedHashMap<String, ImageRef>();
        for (var image : IMAGES.entrySet()) {
            var digest = digestsNode.field(image.getKey()).matching(ImageRef.DIGEST, ImageRef.DIGEST_TEXT);
            if (ImageRef.TAG.matcher(tag).matches() && !tag.equals("latest")) {
                var ref = new ImageRef(image.getValue(), tag, digest.filter(d -> ImageRef.DIGEST.matcher(d).matches()));
                ImageSettings.checked(tagNode, ref, environment, ImageSettings.Pinning.DIGEST_OR_RESOLVED)
                        .ifPresent(checked -> images.put(image.getKey(), checked));
            }
        }
        return images;
    }

    /** Secret key (as the Kubernetes Secret names it) to its value from secret config, sorted by key. */
    private static Map<String, Output<String>> secretMap(StackConfig config, Map<String, String> configKeys) {
        var data = new java.util.TreeMap<String, Output<String>>();
        configKeys.forEach((key, configKey) -> data.put(key, config.requireSecret(configKey)));
        return data;
    }

    private static Map<String, String> orderedImages() {
        var images = new LinkedHashMap<String, String>();
        images.put("server", "itsdevin/bow-mark-server");
        images.put("client", "itsdevin/bow-mark-client");
        images.put("concreteClient", "itsdevin/bow-mark-concrete-client");
        return java.util.Collections.unmodifiableMap(images);
    }
}
