package platform.apps.bowmark;

/**
 * Bow-Mark's two products. Each has its own deployments, RabbitMQ vhost, PostgreSQL database,
 * MongoDB (Atlas) Secret, client image and ports: fully isolated, no cross-triggering.
 */
enum Product {
    PAVING("", "paving", "bowmark", "vhost", "bowmark_reports_paving", "dbPaving", "client", 8080, 3000),
    CONCRETE("-concrete", "concrete", "bowmark-concrete", "vhostConcrete", "bowmark_reports_concrete", "dbConcrete",
            "concreteClient", 8081, 3001);

    /** Added to every name: {@code server-deployment} / {@code server-concrete-deployment}. */
    final String suffix;
    /** The Secret holding its MongoDB URI ({@code mongoURI}). */
    final String mongoSecret;
    final String vhost;
    /** The vhost's key in the {@code rabbitmq} Secret. */
    final String vhostKey;
    final String database;
    /** The database's key in the {@code postgres} Secret. */
    final String databaseKey;
    /** The client image's key under {@code platform:bowmark.imageDigests}. */
    final String clientImageKey;
    final int serverPort;
    final int clientPort;

    Product(String suffix, String mongoSecret, String vhost, String vhostKey, String database, String databaseKey,
            String clientImageKey, int serverPort, int clientPort) {
        this.suffix = suffix;
        this.mongoSecret = mongoSecret;
        this.vhost = vhost;
        this.vhostKey = vhostKey;
        this.database = database;
        this.databaseKey = databaseKey;
        this.clientImageKey = clientImageKey;
        this.serverPort = serverPort;
        this.clientPort = clientPort;
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

    /** Its key under {@code platform:bowmark.replicas}: {@code workerConcrete}. */
    String replicasKey(String role) {
        return this == PAVING ? role : role + "Concrete";
    }
}
