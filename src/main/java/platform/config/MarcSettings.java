package platform.config;

import com.pulumi.core.Output;
import platform.k8s.ImageRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code platform:marc}: marc_web's pools, its database source and its hosts. Like the seed's
 * Compose stacks, it has no defaults: every image, port, pool name, replica count, the NFS source,
 * the hosts and the OpenAI key are given, and a missing or invalid one is an error naming its key.
 *
 * @param nodePool        the DOKS pool the pods run on; empty: any node (an existing cluster has no pools)
 * @param nfs             where the database file is served
 * @param maxSyncAge      how old a pod's copy of the database may get before the pod leaves the load balancer
 * @param readyTimeout    how long {@code pulumi up} waits for every replica of a pool to be ready
 * @param activePool      the production pool {@code /prod/} goes to
 * @param productionPools the active pool and, during a blue/green upgrade, the one it replaces (both run)
 * @param developmentPool the pool {@code /dev/} goes to
 */
public record MarcSettings(Site site, Optional<String> nodePool, Nfs nfs, Duration maxSyncAge, Duration readyTimeout,
                           String activePool, List<Pool> productionPools, Pool developmentPool, Output<String> openaiApiKey) {

    public static final String SYSTEM = "marc";
    /** The certificate cert-manager issues for marc's hosts when no supplied one is named. */
    public static final String CERTIFICATE = "marc-tls";
    /** The seed's sync: on startup and every 10 minutes. */
    public static final Duration DB_REFRESH = Duration.ofMinutes(10);
    /** At most the running production pool and the one replacing it. */
    public static final int MAX_PRODUCTION_POOLS = 2;

    /** A Deployment is named {@code marc-<pool>}: a pool name leaves room for that prefix in a DNS label. */
    private static final Pattern POOL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,56}[a-z0-9])?");
    private static final String POOL_TEXT = "a pool name such as prod-20240925 (lower-case letters, digits and '-', at most 58)";
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public static final List<SecretKeys.SecretKey> SECRETS = List.of(
            SecretKeys.SecretKey.required("marcOpenaiApiKey", "marc_web's OpenAI API key (Secret openai/apiKey, env OPENAI_API_KEY)"));

    /** One pool of marc_web: its Deployment and Service are {@code marc-<name>}. */
    public record Pool(String name, ImageRef image, int port, int replicas) {
        public Pool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(image, "image of pool " + name);
        }

        public String deployment() {
            return SYSTEM + "-" + name;
        }
    }

    /**
     * The database file on the NFS server: the seed's {@code MARC_NFS_DB_PATH}, as the server exports it.
     *
     * @param exportPath the directory the cluster mounts (the file's directory)
     * @param file       the database file in it
     */
    public record Nfs(String server, String exportPath, String file) {
        public String path() {
            return (exportPath.equals("/") ? "" : exportPath) + "/" + file;
        }
    }

    public MarcSettings {
        productionPools = List.copyOf(productionPools);
    }

    static Optional<MarcSettings> read(ConfigNode marc, StackConfig config, Environment environment, SiteReader sites,
                                       ClusterSettings cluster) {
        if (!marc.isPresent()) {
            return Optional.empty();
        }
        var node = marc.object();
        var site = sites.site(node, SYSTEM, CERTIFICATE);
        var nodePool = cluster.pool(node.field("nodePool"));
        var nfs = nfs(node.field("nfs").object());
        var maxSyncAge = Duration.ofMinutes(node.field("maxSyncAgeMinutes").requireInteger((int) DB_REFRESH.toMinutes() + 1, 7 * 24 * 60));
        var readyTimeout = Duration.ofSeconds(node.field("readyTimeoutSeconds").requireInteger(60, 3600));

        var production = node.field("production").object();
        var activeNode = production.field("active");
        var active = activeNode.requireMatching(POOL, POOL_TEXT);
        var poolsNode = production.field("pools");
        var pools = new ArrayList<Pool>();
        var poolNames = poolsNode.object().fieldNames();
        if (poolNames.isEmpty() || poolNames.size() > MAX_PRODUCTION_POOLS) {
            poolsNode.problem("is required, expected one or two pools by name (the active one and, during an upgrade, "
                    + "the one it replaces), each with image, port and replicas");
        }
        for (var name : poolNames) {
            var poolNode = poolsNode.field(name);
            var validName = POOL.matcher(name).matches();
            if (!validName) {
                poolNode.problem("is not " + POOL_TEXT);
            }
            pool(poolNode, name, environment).filter(pool -> validName).ifPresent(pools::add);
        }
        if (!active.isEmpty() && !poolNames.isEmpty() && !poolNames.contains(active)) {
            activeNode.reject("one of the production pools " + poolNames);
        }

        var development = node.field("development").object();
        var developmentNode = development.field("pool");
        var developmentName = developmentNode.requireMatching(POOL, POOL_TEXT);
        if (poolNames.contains(developmentName)) {
            developmentNode.reject("a pool other than the production pools " + poolNames);
        }
        var developmentPool = pool(development, developmentName, environment).filter(pool -> POOL.matcher(pool.name()).matches());

        var openaiApiKey = config.requireSecret("marcOpenaiApiKey");
        if (pools.size() != poolNames.size() || developmentPool.isEmpty() || !poolNames.contains(active)) {
            return Optional.empty(); // problems recorded; validate() reports them all
        }
        return Optional.of(new MarcSettings(site, nodePool, nfs, maxSyncAge, readyTimeout, active, pools,
                developmentPool.get(), openaiApiKey));
    }

    /** A pool's image, port and replicas; empty after recording what is missing or wrong. */
    private static Optional<Pool> pool(ConfigNode node, String name, Environment environment) {
        var image = ImageSettings.read(node.field("image"), environment, ImageSettings.Pinning.DIGEST_OR_RESOLVED);
        // The image decides the port (marc_web listens on 80 up to 0.4.0 and on 8080 from 0.4.1): config says which.
        var port = node.field("port").requireInteger(1, 65535);
        var replicas = node.field("replicas").requireInteger(1, 10);
        if (image.isEmpty() || !node.field("port").isPresent() || !node.field("replicas").isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Pool(name, image.get(), port, replicas));
    }

    private static Nfs nfs(ConfigNode nfs) {
        var server = nfs.field("server").requireMatching(HOST, "the NFS server's host name or IPv4 address, reachable from the cluster's VPC");
        var pathNode = nfs.field("path");
        var path = pathNode.requireMatching(Patterns.ABSOLUTE_PATH, "the database file's absolute path on the NFS server (the seed's MARC_NFS_DB_PATH), "
                + "such as /ifs/marc_genomics/marc_web_db_RO/marc.sqlite");
        var slash = path.lastIndexOf('/');
        return new Nfs(server, slash <= 0 ? "/" : path.substring(0, slash), path.substring(slash + 1));
    }

    /** Every pool this stack runs: production pools, then the development pool. */
    public List<Pool> pools() {
        var all = new ArrayList<>(productionPools);
        all.add(developmentPool);
        return all;
    }
}
