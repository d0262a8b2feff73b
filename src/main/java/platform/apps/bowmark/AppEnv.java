package platform.apps.bowmark;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import platform.k8s.Env;
import platform.k8s.SecretKeyRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The environment of each role, as the live manifests set it (fact sheet §3.2): literals, and every
 * other value from the seed's Secrets. Consumers read no JWT, e-mail or search; workers and the MCP
 * servers no Anthropic key; clients nothing (their configuration is baked into the image).
 */
final class AppEnv {
    private final Product product;
    private final String postgresSecret;
    private final String rabbitmqSecret;
    private final boolean anthropic;

    /**
     * @param postgresSecret the PostgreSQL credentials Secret ({@code postgres}); {@code rabbitmqSecret} likewise
     * @param anthropic      whether the {@code anthropic} Secret exists (servers and consumers then read it)
     */
    AppEnv(Product product, String postgresSecret, String rabbitmqSecret, boolean anthropic) {
        this.product = product;
        this.postgresSecret = postgresSecret;
        this.rabbitmqSecret = rabbitmqSecret;
        this.anthropic = anthropic;
    }

    /** {@code server-deployment}: {@code APP_TYPE=api} serves HTTP only. */
    List<EnvVarArgs> server() {
        var env = app("api");
        if (anthropic) {
            env.add(Env.fromSecret("ANTHROPIC_API_KEY", new SecretKeyRef("anthropic", "apiKey")));
        }
        return env;
    }

    /** {@code worker-deployment}: {@code APP_TYPE=worker} runs the background workers only (unset, it would serve HTTP too). */
    List<EnvVarArgs> worker() {
        return app("worker");
    }

    /** {@code consumer-deployment}: the sync consumer; no JWT, e-mail or search. */
    List<EnvVarArgs> consumer() {
        var env = new ArrayList<EnvVarArgs>();
        env.add(Env.plain("NODE_ENV", "production"));
        env.add(Env.plain("APP_NAME", product.appName));
        env.add(mongo());
        env.addAll(postgres());
        env.addAll(rabbitmq());
        env.addAll(spaces());
        if (anthropic) {
            env.add(Env.fromSecret("ANTHROPIC_API_KEY", new SecretKeyRef("anthropic", "apiKey")));
        }
        return env;
    }

    /** {@code mcp-analytics-deployment}; concrete's reads its own vhost (the live manifest's paving vhost is a bug, sheet §10.3). */
    List<EnvVarArgs> mcpAnalytics(int port) {
        var env = new ArrayList<EnvVarArgs>();
        env.add(Env.plain("NODE_ENV", "production"));
        env.add(Env.plain("MCP_PORT", Integer.toString(port)));
        env.add(mongo());
        env.add(jwt());
        env.addAll(spaces());
        env.addAll(postgres());
        env.addAll(rabbitmq());
        return env;
    }

    private ArrayList<EnvVarArgs> app(String appType) {
        var env = new ArrayList<EnvVarArgs>();
        env.add(Env.plain("NODE_ENV", "production"));
        env.add(Env.plain("APP_NAME", product.appName));
        env.add(Env.plain("APP_TYPE", appType));
        env.add(Env.plain("SEARCH_GROUP", product.searchGroup()));
        env.add(mongo());
        env.add(jwt());
        env.addAll(spaces());
        env.add(Env.fromSecret("EMAIL", new SecretKeyRef("email", "email")));
        for (var key : List.of("username", "password", "host", "port")) {
            env.add(Env.fromSecret("EMAIL_" + key.toUpperCase(java.util.Locale.ROOT), new SecretKeyRef("email", key)));
        }
        env.add(Env.fromSecret("SEARCH_HOST", new SecretKeyRef("search", "host")));
        env.add(Env.fromSecret("SEARCH_API_KEY", new SecretKeyRef("search", "apiKey")));
        env.addAll(postgres());
        env.addAll(rabbitmq());
        return env;
    }

    private EnvVarArgs mongo() {
        return Env.fromSecret("MONGO_URI", new SecretKeyRef(product.id(), "mongoURI"));
    }

    private static EnvVarArgs jwt() {
        return Env.fromSecret("JWT_SECRET", new SecretKeyRef("general", "jwtSecret"));
    }

    private static List<EnvVarArgs> spaces() {
        return List.of("name", "region", "key", "secret").stream()
                .map(key -> Env.fromSecret("SPACES_" + key.toUpperCase(java.util.Locale.ROOT), new SecretKeyRef("spaces", key)))
                .toList();
    }

    private List<EnvVarArgs> postgres() {
        return connection("POSTGRES", postgresSecret, "POSTGRES_DB", product.databaseKey);
    }

    private List<EnvVarArgs> rabbitmq() {
        return connection("RABBITMQ", rabbitmqSecret, "RABBITMQ_VHOST", product.vhostKey);
    }

    /** {@code <PREFIX>_HOST/PORT/USER/PASSWORD} from a datastore's Secret, then the product's database or vhost. */
    private static List<EnvVarArgs> connection(String prefix, String secret, String productName, String productKey) {
        var env = new ArrayList<EnvVarArgs>();
        for (var key : List.of("host", "port", "user", "password")) {
            env.add(Env.fromSecret(prefix + "_" + key.toUpperCase(java.util.Locale.ROOT), new SecretKeyRef(secret, key)));
        }
        env.add(Env.fromSecret(productName, new SecretKeyRef(secret, productKey)));
        return env;
    }
}
