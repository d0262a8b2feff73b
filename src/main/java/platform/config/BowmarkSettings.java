package platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:bowmark}: what differs between Bow-Mark's stacks (the seed fixes the rest):
 * image tag and digests, hosts per product, which paths go to the server, replicas, pools,
 * storage, rotation counters, schedules.
 */
public record BowmarkSettings(String imageTag, Map<String, String> imageDigests, List<String> pavingHosts,
                              List<String> concreteHosts, List<String> serverPaths, Map<String, Integer> replicas,
                              Optional<String> serverPool, Optional<String> defaultPool, String postgresStorage,
                              String rabbitmqStorage, int postgresRotation, int rabbitmqRotation, int jwtRotation,
                              Optional<Map<String, String>> migrations, String nightlyRestartSchedule, BackupSchedule backup) {

    public static final List<String> IMAGES = List.of("server", "client", "concreteClient");
    public static final List<String> DEPLOYMENTS = List.of(
            "server", "serverConcrete", "worker", "workerConcrete", "consumer", "consumerConcrete", "client", "clientConcrete");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern COMMIT = Pattern.compile("[a-f0-9]{40}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]+");
    private static final Pattern QUANTITY = Pattern.compile("[1-9]\\d*Gi");
    private static final Pattern CRON = Pattern.compile("[0-9*/,-]+( [0-9*/,-]+){4}");
    private static final Pattern SELECT = Pattern.compile("(?is)\\s*SELECT\\s[^;]+");

    /** Secret config keys Bow-Mark reads: the seed's Secrets that hold external credentials. */
    public static final List<String> SECRET_KEYS = List.of(
            "bowmarkPavingMongoUri", "bowmarkConcreteMongoUri",
            "bowmarkEmailAddress", "bowmarkEmailUsername", "bowmarkEmailPassword", "bowmarkEmailHost", "bowmarkEmailPort",
            "bowmarkSearchHost", "bowmarkSearchApiKey");

    /**
     * When the database is dumped and its restore is checked, how long dumps are kept, and the query
     * that must return more than 0 on each restored database (empty: the count of its tables).
     */
    public record BackupSchedule(String schedule, int retentionDays, String restoreCheckSchedule, int maxAgeHours,
                                 Optional<String> sanityQuery) {
    }

    public BowmarkSettings {
        imageDigests = Map.copyOf(imageDigests);
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

    /** The image reference: tag, and the digest when one is configured (production pins one or the other). */
    public String image(String key, String repository) {
        var digest = imageDigests.get(key);
        return repository + ":" + imageTag + (digest == null ? "" : "@" + digest);
    }

    static Optional<BowmarkSettings> read(ConfigNode bowmark, Environment environment, EdgeSettings edge, ClusterSettings cluster) {
        if (!bowmark.isPresent()) {
            return Optional.empty();
        }
        var node = bowmark.object();
        var tagNode = node.field("imageTag");
        var tag = tagNode.requireMatching(TAG, "an image tag (the commit SHA CI built), not latest");
        if (tag.equals("latest")) {
            tagNode.problem("got \"latest\", expected an immutable tag (the commit SHA CI built)");
        }
        var digests = new LinkedHashMap<String, String>();
        var digestsNode = node.field("imageDigests").object();
        for (var image : IMAGES) {
            digestsNode.field(image).matching(DIGEST, "an image digest such as sha256:<64 hex>").ifPresent(d -> digests.put(image, d));
        }
        if (environment == Environment.PRODUCTION && !COMMIT.matcher(tag).matches() && digests.size() < IMAGES.size()) {
            tagNode.problem("got \"" + tag + "\", expected in production a 40-hex commit SHA, or digests for "
                    + String.join(", ", IMAGES) + " under platform:bowmark.imageDigests");
        }

        var hosts = node.field("hosts").object();
        var paving = hostsOf(hosts.field("paving"), edge);
        var concrete = hostsOf(hosts.field("concrete"), edge);

        var paths = new ArrayList<String>();
        for (var path : node.field("serverPaths").items()) {
            path.matching(PATH, "a path prefix such as /api (not / itself)").ifPresent(paths::add);
        }
        if (paths.isEmpty()) {
            node.field("serverPaths").problem("is required, expected the path prefixes routed to the server, e.g. [/api]");
        }

        var replicas = new LinkedHashMap<String, Integer>();
        var replicasNode = node.field("replicas").object();
        for (var deployment : DEPLOYMENTS) {
            replicas.put(deployment, replicasNode.field(deployment).asInteger(1, 0, 20));
        }

        var pools = node.field("pools").object();
        var serverPool = pool(pools.field("server"), cluster);
        var defaultPool = pool(pools.field("default"), cluster);

        var postgres = node.field("postgres").object();
        var rabbitmq = node.field("rabbitmq").object();
        var backup = node.field("backup").object();
        return Optional.of(new BowmarkSettings(tag, digests, paving, concrete, paths, replicas, serverPool, defaultPool,
                postgres.field("storageSize").matching(QUANTITY, "a size such as 10Gi").orElse("10Gi"),
                rabbitmq.field("storageSize").matching(QUANTITY, "a size such as 5Gi").orElse("5Gi"),
                postgres.field("rotation").asInteger(0, 0, 1_000_000),
                rabbitmq.field("rotation").asInteger(0, 0, 1_000_000),
                node.field("jwtRotation").asInteger(0, 0, 1_000_000),
                node.field("migrationsDir").asString().map(dir -> MigrationFiles.read(node.field("migrationsDir"), dir)),
                node.field("nightlyRestartSchedule").matching(CRON, "a five-field cron expression in UTC").orElse("0 7 * * *"),
                new BackupSchedule(
                        backup.field("schedule").matching(CRON, "a five-field cron expression in UTC").orElse("0 8 * * *"),
                        backup.field("retentionDays").asInteger(30, 1, 3650),
                        backup.field("restoreCheckSchedule").matching(CRON, "a five-field cron expression in UTC").orElse("0 10 * * 1"),
                        backup.field("maxAgeHours").asInteger(26, 1, 24 * 30),
                        backup.field("sanityQuery").matching(SELECT, "a single SELECT returning one number"))));
    }

    private static List<String> hostsOf(ConfigNode list, EdgeSettings edge) {
        var hosts = new ArrayList<String>();
        if (list.items().isEmpty()) {
            list.problem("is required, expected at least one host");
        }
        for (var item : list.items()) {
            item.matching(Patterns.DNS_NAME, Patterns.DNS_NAME_TEXT).ifPresent(host -> {
                if (!edge.hosts().contains(host)) {
                    item.problem("got \"" + host + "\", expected a host listed in platform:edge.hosts " + edge.hosts());
                }
                hosts.add(host);
            });
        }
        return hosts;
    }

    /** A pool name must be one of the cluster's; on an existing cluster pools are not pinned. */
    private static Optional<String> pool(ConfigNode node, ClusterSettings cluster) {
        var name = node.matching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT);
        if (name.isPresent() && cluster instanceof ClusterSettings.Create create
                && create.nodePools().stream().noneMatch(pool -> pool.name().equals(name.get()))) {
            node.problem("got \"" + name.get() + "\", expected one of the cluster's node pools "
                    + create.nodePools().stream().map(NodePoolSettings::name).toList());
        }
        return cluster instanceof ClusterSettings.Create ? name : Optional.empty();
    }
}
