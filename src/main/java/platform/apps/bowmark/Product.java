package platform.apps.bowmark;

/**
 * Bow-Mark's two products. Each has its own deployments, RabbitMQ vhost, PostgreSQL database,
 * MongoDB (Atlas) Secret, client image and Service ports: fully isolated, no cross-triggering.
 */
enum Product {
    PAVING("", "Paving", "bowmark", "vhost", "bowmark_reports_paving", "dbPaving", "client", 8080, 3000),
    CONCRETE("-concrete", "Concrete", "bowmark-concrete", "vhostConcrete", "bowmark_reports_concrete", "dbConcrete",
            "concreteClient", 8081, 3001);

    /** Added to every name: {@code server-deployment} / {@code server-concrete-deployment}. */
    final String suffix;
    /** {@code APP_NAME}, as the live manifests set it. */
    final String appName;
    final String vhost;
    /** The vhost's key in the {@code rabbitmq} Secret. */
    final String vhostKey;
    final String database;
    /** The database's key in the {@code postgres} Secret. */
    final String databaseKey;
    /** The client image's key under {@code platform:bowmark.imageDigests}. */
    final String clientImageKey;
    /** The seed's Service ports (its ingress table); the processes listen on their defaults, 8080 and 3000. */
    final int serverServicePort;
    final int clientServicePort;

    Product(String suffix, String appName, String vhost, String vhostKey, String database, String databaseKey,
            String clientImageKey, int serverServicePort, int clientServicePort) {
        this.suffix = suffix;
        this.appName = appName;
        this.vhost = vhost;
        this.vhostKey = vhostKey;
        this.database = database;
        this.databaseKey = databaseKey;
        this.clientImageKey = clientImageKey;
        this.serverServicePort = serverServicePort;
        this.clientServicePort = clientServicePort;
    }

    /** {@code paving} / {@code concrete}: its MongoDB Secret, and its part of names like {@code bow-mark-paving}. */
    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code SEARCH_GROUP}: the product's search indexes. */
    String searchGroup() {
        return "bow-mark-" + id();
    }

    /** {@code server} → {@code server-concrete} for concrete. */
    String named(String role) {
        return role + suffix;
    }

    /** The seed's deployment names: {@code worker-concrete-deployment}. */
    String deployment(String role) {
        return named(role) + "-deployment";
    }

    /** The ClusterIP Services for internal routing: {@code server-cluster-ip-service}. */
    String service(String role) {
        return named(role) + "-cluster-ip-service";
    }

    /**
     * The live pods' {@code component} label, which the seed's {@code kubectl logs -l component=...} selects on:
     * the role's name, except the clients, which are {@code web} / {@code web-concrete}.
     */
    String component(String role) {
        return named(role.equals("client") ? "web" : role);
    }

    /** Its key under {@code platform:bowmark.replicas}: {@code workerConcrete}. */
    String replicasKey(String role) {
        return this == PAVING ? role : role + "Concrete";
    }
}
