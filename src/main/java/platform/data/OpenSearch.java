package platform.data;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.resources.ComponentResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.k8s.Volumes;
import platform.secrets.Credential;
import platform.secrets.KubeSecrets;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenSearch as one node: single-node discovery, memory lock off, heap from config, and the
 * security plugin on (TLS and basic auth), so the index is never open without credentials. The
 * index is read through NIO instead of memory-mapped files ({@code node.store.allow_mmap=false}):
 * mmap needs the node's {@code vm.max_map_count} raised to 262144, which takes a privileged init
 * container (or node tuning) that the restricted namespaces do not allow; a single node's small,
 * rebuildable index does not need mmap's speed.
 */
public final class OpenSearch extends Datastore {
    public static final int PORT = 9200;
    /** Baseline exception, by name: the image's entrypoint writes its keystore and TLS demo files into its config directory. */
    public static final String WRITABLE_ROOT_REASON =
            "the opensearch image writes opensearch.keystore and the security plugin's certificates into /usr/share/opensearch/config at start";

    private final OpenSearchArgs args;
    private final Credential password;

    public OpenSearch(String name, OpenSearchArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:data:OpenSearch", name, args.name(), args.namespace(),
                AppLabels.of(args.system(), "opensearch", args.name(), "search").withAll(args.extraLabels()),
                List.of(PORT), args.nodePool(), options);
        this.args = args;
        password = rotated(Credential.of(this, name + "-admin-password", Credential.Kind.PASSWORD_WITH_SYMBOL, args.adminPassword()));

        var data = connectionDetails("admin", password, PORT);
        data.put("url", password.value().applyValue(value -> ConnectionStrings.url("https", "admin", value, args.name(), PORT, "", "")));
        KubeSecrets.create(this, args.name(), args.namespace(), labels(), data);

        var health = "curl -fsk -u \"admin:$OPENSEARCH_INITIAL_ADMIN_PASSWORD\" https://127.0.0.1:9200/_cluster/health >/dev/null";
        var container = ContainerArgs.builder()
                .name("opensearch")
                .image(args.image().reference())
                .ports(ContainerPortArgs.builder().name("http").containerPort(PORT).build())
                .env(Env.plain("discovery.type", "single-node"),
                        Env.plain("bootstrap.memory_lock", "false"),
                        Env.plain("node.store.allow_mmap", "false"),
                        Env.plain("OPENSEARCH_JAVA_OPTS", "-Xms" + args.heap() + " -Xmx" + args.heap()),
                        Env.plain("DISABLE_INSTALL_DEMO_CONFIG", "false"),
                        Env.fromSecret("OPENSEARCH_INITIAL_ADMIN_PASSWORD", new SecretKeyRef(args.name(), "password")))
                .resources(args.resources().toArgs())
                .securityContext(Hardening.containerWithWritableRoot(WRITABLE_ROOT_REASON))
                .startupProbe(Probes.shell(health, Probes.Timing.STARTUP))
                .readinessProbe(Probes.shell(health, Probes.Timing.READINESS))
                .livenessProbe(Probes.tcp(PORT, Probes.Timing.LIVENESS))
                .volumeMounts(Volumes.mount(args.volume().name(), OpenSearchArgs.DATA_PATH),
                        Volumes.mount("logs", "/usr/share/opensearch/logs"), Volumes.mount("tmp", "/tmp"))
                .build();
        StatefulStore.create(this, new StatefulStore.Spec(args.name(), args.namespace(), labels(), RunAs.OPENSEARCH,
                List.of(new StatefulStore.Port("http", PORT)), container, List.of(),
                List.of(Volumes.scratch("logs"), Volumes.scratch("tmp")), Optional.of(args.volume()),
                credentialAnnotation(), 60, args.protect(), nodePool()));
        registerOutputs(Map.of("secret", Output.of(args.name())));
    }
}
