package platform.data;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import platform.AnsweringCloud;
import platform.k8s.AppNamespace;
import platform.render.ProgramRun;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A test stack with one of each datastore in namespace {@code demo}, with clients admitted. */
final class DatastoreTestStack {
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
            new Postgres("postgres", PostgresArgs.builder(namespace, "demo")
                    .owner("demo").database("demo", "database").database("demo_reports", "dbReports")
                    .appRole("demo_app").rotation(rotation).protect(protect).build(), null)
                    .allowFrom("api", API_PODS);
            new RabbitMq("rabbitmq", RabbitMqArgs.builder(namespace, "demo")
                    .user("demo").vhost("demo", "vhost").vhost("demo-concrete", "vhostConcrete")
                    .rotation(rotation).protect(protect).build(), null)
                    .allowFrom("api", API_PODS);
            new Redis("redis", RedisArgs.cache(namespace, "demo", "200mb", "allkeys-lru", rotation), null).allowFrom("api", API_PODS);
            new MongoDb("mongodb", MongoDbArgs.of(namespace, "demo", "demo", "demo_app", "10Gi", rotation, protect), null)
                    .allowFrom("api", API_PODS);
            new OpenSearch("opensearch", OpenSearchArgs.singleNode(namespace, "demo", "512m", protect), null).allowFrom("api", API_PODS);
        };
        return mocks == null
                ? ProgramRun.run(program, "test", Map.of(), Set.of())
                : ProgramRun.run(program, "test", Map.of(), Set.of(), mocks, false);
    }
}
