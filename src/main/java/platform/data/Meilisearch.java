package platform.data;

import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.resources.ComponentResourceOptions;
import platform.k8s.AppLabels;
import platform.k8s.Env;
import platform.k8s.Hardening;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.Volumes;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Meilisearch as one node in production mode (a master key is required), its index on a retained
 * volume. The image runs as root by default; here it runs as 1000 with the volume made writable by
 * {@code fsGroup}. No backup: the index is rebuilt from the app's data.
 */
public final class Meilisearch extends Datastore {
    public static final int PORT = 7700;

    private final MeilisearchArgs args;

    public Meilisearch(String name, MeilisearchArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:data:Meilisearch", name, args.name(), args.namespace(),
                AppLabels.of(args.system(), "meilisearch", args.name(), "search").withAll(args.extraLabels()),
                List.of(PORT), args.nodePool(), options);
        this.args = args;
        var container = ContainerArgs.builder()
                .name("meilisearch")
                .image(args.image().reference())
                .ports(ContainerPortArgs.builder().name("http").containerPort(PORT).build())
                .env(Env.fromSecret("MEILI_MASTER_KEY", args.masterKey()),
                        Env.plain("MEILI_ENV", "production"),
                        Env.plain("MEILI_DB_PATH", MeilisearchArgs.DATA_PATH + "/data.ms"),
                        Env.plain("MEILI_DUMP_DIR", MeilisearchArgs.DATA_PATH + "/dumps"),
                        Env.plain("MEILI_SNAPSHOT_DIR", MeilisearchArgs.DATA_PATH + "/snapshots"))
                .resources(args.resources().toArgs())
                .securityContext(Hardening.container())
                .startupProbe(Probes.http("/health", PORT, Probes.Timing.STARTUP))
                .readinessProbe(Probes.http("/health", PORT, Probes.Timing.READINESS))
                .livenessProbe(Probes.http("/health", PORT, Probes.Timing.LIVENESS))
                .volumeMounts(Volumes.mount(args.volume().name(), MeilisearchArgs.DATA_PATH), Volumes.mount("tmp", "/tmp"))
                .build();
        StatefulStore.create(this, new StatefulStore.Spec(args.name(), args.namespace(), labels(), RunAs.APP,
                List.of(new StatefulStore.Port("http", PORT)), container, List.of(), List.of(Volumes.scratch("tmp")),
                Optional.of(args.volume()), Map.of(), 60, args.protect(), nodePool()));
        registerOutputs(Map.of());
    }

    /** The URL apps reach it at, e.g. {@code http://meilisearch:7700} (the value of Bow-Mark's {@code search/host}). */
    public String url() {
        return "http://" + host() + ":" + PORT;
    }
}
