package platform.real;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import platform.AnsweringCloud;
import platform.Stacks;
import platform.data.RabbitMq;
import platform.data.RabbitMqArgs;
import platform.k8s.AppNamespace;
import platform.render.ProgramRun;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static platform.Stacks.map;
import static platform.real.Render.secret;

/**
 * Bow-Mark's RabbitMQ as the prod stack renders it, booted for real: the broker imports the
 * rendered definitions itself, and what it then holds is what seed 001 says: vhosts
 * {@code bowmark} (paving) and {@code bowmark-concrete} (concrete), the {@code rabbitmq} Secret's
 * user with full permissions on both, and nobody else (no guest). A user reaches only the vhosts
 * its definitions grant.
 */
@RealServers
class RabbitMqDefinitionsTest {
    static final String NAMESPACE = "bowmark";
    private static ProgramRun.Result prod;

    @RegisterExtension
    static final RabbitMqServer RABBITMQ = new RabbitMqServer(() -> new RabbitMqServer.Rendered(
            Render.configMap(prod(), NAMESPACE, "rabbitmq-config").get("rabbitmq.conf"),
            Render.configMap(prod(), NAMESPACE, "rabbitmq-config").get("enabled_plugins"),
            secret(prod(), NAMESPACE, "rabbitmq-definitions", "definitions.json")));

    static synchronized ProgramRun.Result prod() {
        if (prod == null) {
            prod = Stacks.run("prod", new AnsweringCloud(), false);
        }
        return prod;
    }

    @Test
    void theBrokerHoldsTheSeedsVhostsAndUserWithPermissionsOnBothAndNoOneElse() throws Exception {
        var user = secret(prod(), NAMESPACE, "rabbitmq", "user");
        var password = secret(prod(), NAMESPACE, "rabbitmq", "password");

        var vhosts = names(RABBITMQ.api(user, password, "/api/vhosts").body(), "name");
        var users = names(RABBITMQ.api(user, password, "/api/users").body(), "name");
        var permissions = RabbitMqServer.list(RABBITMQ.api(user, password, "/api/permissions").body()).stream()
                .map(p -> p.get("user") + " " + p.get("vhost") + " " + p.get("configure") + " " + p.get("write") + " " + p.get("read"))
                .collect(Collectors.toSet());

        assertThat(user).isEqualTo("bowmark");
        assertThat(vhosts).isEqualTo(Set.of("bowmark", "bowmark-concrete"));
        assertThat(users).isEqualTo(Set.of("bowmark"));
        assertThat(permissions).isEqualTo(Set.of("bowmark bowmark .* .* .*", "bowmark bowmark-concrete .* .* .*"));
    }

    @Test
    void theCredentialsSecretReachesBothProductsVhostsToPublishAndConsume() throws Exception {
        var credentials = map(Stacks.object(prod(), "Secret", NAMESPACE, "rabbitmq").inputs().get("stringData"));
        for (var key : List.of("vhost", "vhostConcrete")) {
            var vhost = credentials.get(key).toString();
            try (var connection = connect(secret(prod(), NAMESPACE, "rabbitmq", "user"), secret(prod(), NAMESPACE, "rabbitmq", "password"), vhost);
                 var channel = connection.createChannel()) {
                var queue = channel.queueDeclare().getQueue();
                channel.basicPublish("", queue, null, ("sync event for " + vhost).getBytes(StandardCharsets.UTF_8));
                var message = channel.basicGet(queue, true);
                assertThat(message).as(vhost).isNotNull();
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("sync event for " + vhost);
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect("bowmark", "not-the-password", "bowmark").close())
                .isInstanceOf(AuthenticationFailureException.class);
        assertThatThrownBy(() -> connect("guest", "guest", "bowmark").close())
                .isInstanceOf(AuthenticationFailureException.class);
    }

    @Test
    void aUserReachesOnlyTheVhostsItsDefinitionsGrant() throws Exception {
        // Another system's broker definitions, rendered by the same component, imported beside Bow-Mark's.
        var other = Render.answered(ctx -> new RabbitMq("rabbitmq", RabbitMqArgs.builder(new AppNamespace("other", "other", false, null).ref(), "other")
                .image(platform.k8s.ContainerImage.of(platform.Versions.RABBITMQ)).user("other").vhost("other-events", "vhost").build(), null));
        var otherPassword = secret(other, "other", "rabbitmq", "password");
        var admin = secret(prod(), NAMESPACE, "rabbitmq", "user");
        var adminPassword = secret(prod(), NAMESPACE, "rabbitmq", "password");
        var file = java.nio.file.Files.createTempFile("definitions", ".json");
        java.nio.file.Files.writeString(file, secret(other, "other", "rabbitmq-definitions", "definitions.json"));
        var imported = RABBITMQ.ctl("import_definitions", file.toString());
        assertThat(imported.succeeded()).as(imported.toString()).isTrue();

        try (var connection = connect("other", otherPassword, "other-events")) {
            assertThat(connection.isOpen()).isTrue();
        }
        for (var vhost : List.of("bowmark", "bowmark-concrete")) {
            assertThatThrownBy(() -> connect("other", otherPassword, vhost).close()).as(vhost)
                    .hasStackTraceContaining("access to vhost '" + vhost + "' refused for user 'other'");
        }
        assertThatThrownBy(() -> connect(admin, adminPassword, "other-events").close())
                .hasStackTraceContaining("access to vhost 'other-events' refused for user 'bowmark'");
    }

    private static Connection connect(String user, String password, String vhost) throws Exception {
        var factory = new ConnectionFactory();
        factory.setHost(Loopback.HOST);
        factory.setPort(RABBITMQ.amqpPort());
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(vhost);
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection();
    }

    private static Set<String> names(String json, String field) {
        return RabbitMqServer.list(json).stream().map(entry -> entry.get(field).toString()).collect(Collectors.toSet());
    }
}
