package platform.data;

import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.resources.ComponentResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.ConfigMaps;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.k8s.Volumes;
import platform.secrets.Credential;
import platform.secrets.KubeSecrets;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RabbitMQ as a StatefulSet. Broker settings live in the {@code rabbitmq-config} ConfigMap; vhosts,
 * the user and its per-vhost permissions are a definitions file imported on every start. The file
 * holds the password, so it is a Secret ({@code rabbitmq-definitions}), never the ConfigMap; the
 * import also applies a rotated password.
 */
public final class RabbitMq extends Datastore {
    public static final int AMQP_PORT = 5672;
    public static final int MANAGEMENT_PORT = 15672;
    static final String CONFIG_DIR = "/etc/rabbitmq/platform";
    static final String DEFINITIONS_DIR = "/etc/rabbitmq/definitions";

    private final RabbitMqArgs args;
    private final Credential password;

    public RabbitMq(String name, RabbitMqArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:data:RabbitMq", name, args.name(), args.namespace(),
                AppLabels.of(args.system(), "rabbitmq", args.name(), "message-broker").withAll(args.extraLabels()),
                List.of(AMQP_PORT), args.nodePool(), options);
        this.args = args;
        var namespace = args.namespace();
        password = rotated(Credential.password(this, name + "-password", args.password()));

        KubeSecrets.create(this, args.name(), namespace, labels(), credentials());
        var definitions = args.name() + "-definitions";
        KubeSecrets.create(this, definitions, namespace, labels(),
                Map.of("definitions.json", password.value().applyValue(value -> definitionsJson(args, value))));
        var config = args.name() + "-config";
        ConfigMaps.create(this, config, namespace, labels(), Map.of("rabbitmq.conf", brokerConfig() + consumerTimeout(args), "enabled_plugins", "[rabbitmq_management,rabbitmq_prometheus].\n"));

        var container = ContainerArgs.builder()
                .name("rabbitmq")
                .image(args.image().reference())
                .ports(ContainerPortArgs.builder().name("amqp").containerPort(AMQP_PORT).build(),
                        ContainerPortArgs.builder().name("management").containerPort(MANAGEMENT_PORT).build())
                .env(Env.plain("RABBITMQ_CONFIG_FILE", CONFIG_DIR + "/rabbitmq.conf"),
                        Env.plain("RABBITMQ_ENABLED_PLUGINS_FILE", CONFIG_DIR + "/enabled_plugins"))
                .resources(args.resources().toArgs())
                .securityContext(Hardening.container())
                // The seed's lesson: diagnostics need 10 s, a shorter timeout fails a healthy broker.
                .startupProbe(Probes.exec(List.of("rabbitmq-diagnostics", "-q", "ping"), Probes.Timing.STARTUP.withTimeout(10)))
                .readinessProbe(Probes.exec(List.of("rabbitmq-diagnostics", "-q", "ping"), Probes.Timing.READINESS.withTimeout(10)))
                .livenessProbe(Probes.exec(List.of("rabbitmq-diagnostics", "-q", "status"), new Probes.Timing(60, 10, 3, 60)))
                .volumeMounts(Volumes.mount(args.volume().name(), RabbitMqArgs.DATA_PATH),
                        Volumes.readOnly("config", CONFIG_DIR),
                        Volumes.readOnly("definitions", DEFINITIONS_DIR),
                        Volumes.mount("tmp", "/tmp"))
                .build();
        StatefulStore.create(this, new StatefulStore.Spec(args.name(), namespace, labels(), RunAs.RABBITMQ,
                List.of(new StatefulStore.Port("amqp", AMQP_PORT), new StatefulStore.Port("management", MANAGEMENT_PORT)),
                container, List.of(),
                List.of(Volumes.configMap("config", config, 0444), Volumes.secret("definitions", definitions), Volumes.scratch("tmp")),
                Optional.of(args.volume()), credentialAnnotation(),
                60, args.protect(), nodePool()));
        registerOutputs(Map.of("secret", Output.of(args.name())));
    }

    static String brokerConfig() {
        return """
                # Vhosts, users and permissions: imported from the definitions Secret on every start.
                definitions.import_backend = local_filesystem
                definitions.local.path = %s/definitions.json
                definitions.skip_if_unchanged = false
                listeners.tcp.default = %d
                management.tcp.port = %d
                loopback_users.guest = true
                vm_memory_high_watermark.relative = 0.6
                disk_free_limit.absolute = 1GB
                log.console = true
                """.formatted(DEFINITIONS_DIR, AMQP_PORT, MANAGEMENT_PORT);
    }

    /** A consumer that holds a delivery longer than this gets its channel closed. */
    static String consumerTimeout(RabbitMqArgs args) {
        return args.consumerTimeout().map(timeout -> "consumer_timeout = " + timeout.toMillis() + "\n").orElse("");
    }

    static String definitionsJson(RabbitMqArgs args, String password) {
        var definitions = new LinkedHashMap<String, Object>();
        definitions.put("users", List.of(Map.of("name", args.user(), "password", password, "tags", "administrator")));
        definitions.put("vhosts", args.vhosts().stream().map(vhost -> Map.of("name", vhost.name())).toList());
        definitions.put("permissions", args.vhosts().stream().map(vhost -> Map.of(
                "user", args.user(), "vhost", vhost.name(), "configure", ".*", "write", ".*", "read", ".*")).toList());
        return new GsonBuilder().setPrettyPrinting().create().toJson(definitions) + "\n";
    }

    private Map<String, Output<String>> credentials() {
        var data = connectionDetails(args.user(), password, AMQP_PORT);
        for (var vhost : args.vhosts()) {
            data.put(vhost.secretKey(), Output.of(vhost.name()));
        }
        for (var vhost : args.vhosts()) {
            data.put(vhost.secretKey() + "Url", password.value().applyValue(value ->
                    ConnectionStrings.url("amqp", args.user(), value, args.name(), AMQP_PORT, ConnectionStrings.encode(vhost.name()), "")));
        }
        return data;
    }

    public RabbitMqArgs args() {
        return args;
    }

    public SecretKeyRef ref(String key) {
        return new SecretKeyRef(args.name(), key);
    }
}
