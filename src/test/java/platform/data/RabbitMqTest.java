package platform.data;

import org.junit.jupiter.api.Test;
import platform.Stacks;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.map;

class RabbitMqTest {

    @Test
    void rabbitMqLoadsVhostsAndPermissionsOnEveryStartFromASecretNotTheConfigMap() {
        var result = DatastoreTestStack.run(false, 1);
        var config = Stacks.object(result, "ConfigMap", "demo", "rabbitmq-config");
        var conf = map(config.inputs().get("data")).get("rabbitmq.conf").toString();

        assertThat(conf).contains("definitions.local.path = /etc/rabbitmq/definitions/definitions.json")
                .contains("definitions.skip_if_unchanged = false");
        var definitions = RabbitMq.definitionsJson(RabbitMqArgs.builder(platform.k8s.NamespaceRef.existing("demo"), "demo")
                .image(platform.k8s.ContainerImage.of(platform.Versions.RABBITMQ)).user("bowmark").vhost("bowmark", "vhost").vhost("bowmark-concrete", "vhostConcrete").build(), "pw");
        assertThat(definitions).contains("\"name\": \"bowmark-concrete\"").contains("\"vhost\": \"bowmark-concrete\"")
                .contains("\"configure\": \".*\"");

        var rabbit = Stacks.container(Stacks.object(result, "StatefulSet", "demo", "rabbitmq"));
        assertThat(map(rabbit.get("readinessProbe"))).containsEntry("timeoutSeconds", 10L);
        assertThat(map(map(rabbit.get("readinessProbe")).get("exec")).get("command")).isEqualTo(List.of("rabbitmq-diagnostics", "-q", "ping"));
        assertThat(map(rabbit.get("livenessProbe"))).containsEntry("timeoutSeconds", 10L);
        assertThat(map(map(rabbit.get("livenessProbe")).get("exec")).get("command")).isEqualTo(List.of("rabbitmq-diagnostics", "-q", "status"));
        var admission = Stacks.object(result, "NetworkPolicy", "demo", "rabbitmq-from-api");
        assertThat(admission.input("spec.ingress").orElseThrow().toString()).contains("port=5672").doesNotContain("15672");
    }
}
