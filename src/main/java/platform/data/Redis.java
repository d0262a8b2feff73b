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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Redis as broker and cache: no persistence (no volume claim, no snapshots), bounded memory, a password. */
public final class Redis extends Datastore {
    public static final int PORT = 6379;

    private final RedisArgs args;
    private final Credential password;

    public Redis(String name, RedisArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:data:Redis", name, args.name(), args.namespace(),
                AppLabels.of(args.system(), "redis", args.name(), "cache").withAll(args.extraLabels()),
                List.of(PORT), args.nodePool(), options);
        this.args = args;
        password = rotated(Credential.password(this, name + "-password", args.password()));

        var data = new LinkedHashMap<String, Output<String>>();
        data.put("host", Output.of(args.name()));
        data.put("port", Output.of(Integer.toString(PORT)));
        data.put("password", password.value());
        data.put("url", password.value().applyValue(value -> "redis://:" + ConnectionStrings.encode(value) + "@" + args.name() + ":" + PORT + "/0"));
        KubeSecrets.create(this, args.name(), args.namespace(), labels(), data);

        var ping = "redis-cli --no-auth-warning -a \"$REDIS_PASSWORD\" ping | grep -q PONG";
        var container = ContainerArgs.builder()
                .name("redis")
                .image(args.image().reference())
                // $(VAR) is expanded by the kubelet, so the password is never in the pod spec.
                .command("redis-server")
                .args("--save", "", "--appendonly", "no", "--maxmemory", args.maxMemory(),
                        "--maxmemory-policy", args.evictionPolicy(), "--requirepass", "$(REDIS_PASSWORD)")
                .ports(ContainerPortArgs.builder().name("redis").containerPort(PORT).build())
                .env(Env.fromSecret("REDIS_PASSWORD", new SecretKeyRef(args.name(), "password")))
                .resources(args.resources().toArgs())
                .securityContext(Hardening.container())
                .readinessProbe(Probes.shell(ping, Probes.Timing.READINESS))
                .livenessProbe(Probes.shell(ping, Probes.Timing.LIVENESS))
                .volumeMounts(Volumes.mount("data", "/data"), Volumes.mount("tmp", "/tmp"))
                .build();
        StatefulStore.create(this, new StatefulStore.Spec(args.name(), args.namespace(), labels(), RunAs.REDIS,
                List.of(new StatefulStore.Port("redis", PORT)), container, List.of(),
                List.of(Volumes.scratch("data"), Volumes.scratch("tmp")), Optional.empty(),
                credentialAnnotation(), 30, false, nodePool()));
        registerOutputs(Map.of("secret", Output.of(args.name())));
    }

    public RedisArgs args() {
        return args;
    }
}
