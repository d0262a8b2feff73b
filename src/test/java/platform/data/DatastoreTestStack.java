package platform.data;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import platform.AnsweringCloud;
import platform.Versions;
import platform.k8s.ContainerImage;
import platform.secrets.CredentialSource;
import platform.k8s.AppNamespace;
import platform.render.ProgramRun;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A test stack with one of each datastore in namespace {@code demo}, with clients admitted. */
final class DatastoreTestStack {
    private static final java.util.Optional<String> RETAIN = java.util.Optional.of(platform.config.ClusterSettings.DIGITALOCEAN_RETAIN_CLASS);
    static final Map<String, String> API_PODS = Map.of("app.kubernetes.io/name", "api", "app.kubernetes.io/instance", "api");

    private DatastoreTestStack() {
    }

    /** As a preview (the render's view). */
    static ProgramRun.Result run(boolean protect, int rotation) {
        return run(protect, rotation, null);
    }

    /** As an update against a cloud that answers: generated values are known. */
    static ProgramRun.Result runAnswered(int rotation) {
        return run(false, rotation, new AnsweringCloud());
    }

    private static ProgramRun.Result run(boolean protect, int rotation, Mocks mocks) {
        Consumer<Context> program = ctx -> {
            var namespace = new AppNamespace("demo", "demo", false, null).ref();
            var password = CredentialSource.generated(rotation);
            new Postgres("postgres", PostgresArgs.builder(namespace, "demo").image(ContainerImage.of(Versions.POSTGRES))
                    .owner("demo").database("demo", "database").database("demo_reports", "dbReports")
                    .appRole("demo_app").password(password).appPassword(password).protect(protect).build(), null)
                    .allowFrom("api", API_PODS);
            new RabbitMq("rabbitmq", RabbitMqArgs.builder(namespace, "demo").image(ContainerImage.of(Versions.RABBITMQ))
                    .user("demo").vhost("demo", "vhost").vhost("demo-concrete", "vhostConcrete")
                    .password(password).protect(protect).build(), null)
                    .allowFrom("api", API_PODS);
            new Redis("redis", RedisArgs.cache(namespace, "demo", ContainerImage.of(Versions.REDIS), "200mb", "allkeys-lru", password), null)
                    .allowFrom("api", API_PODS);
            new MongoDb("mongodb", MongoDbArgs.of(namespace, "demo", ContainerImage.of(Versions.MONGO), "demo", "demo_app", "10Gi",
                    RETAIN, CredentialSource.generated(), password, protect), null)
                    .allowFrom("api", API_PODS);
            new OpenSearch("opensearch", OpenSearchArgs.singleNode(namespace, "demo", ContainerImage.of(Versions.OPENSEARCH), "512m",
                    RETAIN, password, protect), null).allowFrom("api", API_PODS);
        };
        return mocks == null
                ? ProgramRun.run(program, "test", Map.of(), Set.of())
                : ProgramRun.run(program, "test", Map.of(), Set.of(), mocks, false);
    }
}
