package platform.apps;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.render.ProgramRun;
import platform.render.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.map;

/**
 * Given instead of generated, for every generated password or key of every system: with its
 * optional secret config key set, the render has no random resource for it and the Kubernetes
 * Secret the workloads read holds the given value; without it, the random resource is there.
 */
class GivenCredentialsTest {
    /** A secret config key, the random resource it replaces, and the Secret key that carries the value. */
    record Given(String key, String random, String namespace, String secret, String secretKey) {
        String value() {
            return "given-" + key + "-0123456789";
        }
    }

    static final List<Given> PROD = List.of(
            new Given("bowmarkPostgresPassword", "postgres-password", "bowmark", "postgres", "password"),
            new Given("bowmarkRabbitmqPassword", "rabbitmq-password", "bowmark", "rabbitmq", "password"),
            new Given("bowmarkJwtSecret", "bowmark-jwt-secret", "bowmark", "general", "jwtSecret"),
            new Given("srqHpnPostgresPassword", "srq-hpn-postgres-password", "srq-hpn", "postgres", "password"),
            new Given("srqHpnPostgresAppPassword", "srq-hpn-postgres-app-password", "srq-hpn", "postgres-app", "password"),
            new Given("srqHpnRedisPassword", "srq-hpn-redis-password", "srq-hpn", "redis", "password"),
            new Given("srqHpnJwtSecret", "srq-hpn-jwt-secret", "srq-hpn", "api-secrets", "JWT_SECRET"),
            new Given("srqHpnBigtopIngestToken", "srq-hpn-bigtop-ingest-token", "srq-hpn", "api-secrets", "BIGTOP_INGEST_TOKEN"),
            new Given("project88PostgresPassword", "project88-db-password", "project88", "db", "password"),
            new Given("project88RedisPassword", "project88-redis-password", "project88", "redis", "password"),
            new Given("project88SearchPassword", "project88-search-admin-password", "project88", "search", "password"),
            new Given("mortimerMongoRootPassword", "mongodb-root-password", "mortimer", "mongodb-root", "password"),
            new Given("mortimerMongoPassword", "mongodb-app-password", "mortimer", "mongodb", "password"),
            new Given("mortimerSecretKey", "mortimer-secret-key", "mortimer", "mortimer-app", "MORTIMER_SECRET_KEY"),
            new Given("mortimerBackupKey", "mongo-backup-encryption-key", "mortimer", "mongodb-backup-key", "key"));
    static final List<Given> DEV = List.of(
            new Given("project88PgadminPassword", "project88-pgadmin-password", "project88", "pgadmin", "password"));
    /** srq-hpn's Redis exists only with its Celery extra. */
    static final String CELERY = "platform:srqHpn.celery.enabled=true";

    static ProgramRun.Result render(String stack, List<Given> given) {
        var overrides = new ArrayList<String>();
        overrides.add(CELERY);
        given.forEach(g -> overrides.add("!platform:" + g.key() + "=" + g.value()));
        var result = Stacks.run(stack, overrides.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.problems().toString()).isZero();
        return result;
    }

    static boolean generated(ProgramRun.Result result, String name) {
        return result.resources().stream().anyMatch(r -> r.type().startsWith("random:") && r.name().equals(name));
    }

    static Object secretValue(ProgramRun.Result result, Given given) {
        var value = map(Stacks.object(result, "Secret", given.namespace(), given.secret()).inputs().get("stringData")).get(given.secretKey());
        return value instanceof Secret secret ? secret.value() : value;
    }

    @Test
    void withoutConfigEveryOneIsGenerated() {
        var prod = Stacks.run("prod", CELERY);
        var dev = Stacks.run("dev", CELERY);
        PROD.forEach(given -> assertThat(generated(prod, given.random())).as(given.key()).isTrue());
        DEV.forEach(given -> assertThat(generated(dev, given.random())).as(given.key()).isTrue());
    }

    @Test
    void givenInSecretConfigEachIsUsedAndNothingIsGenerated() {
        for (var entry : Map.of("prod", PROD, "dev", DEV).entrySet()) {
            var result = render(entry.getKey(), entry.getValue());
            for (var given : entry.getValue()) {
                assertThat(generated(result, given.random())).as(given.key() + " generated anyway").isFalse();
                assertThat(secretValue(result, given)).as(given.key()).isEqualTo(given.value());
            }
        }
    }
}
