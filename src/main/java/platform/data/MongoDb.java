package platform.data;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleHandlerArgs;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MongoDB with authentication on: a root user from first start, and an app user with
 * {@code readWrite} on the app database (plus the extra database roles its args name, if any),
 * ensured (created, or its password and roles set) on every start. Reachable only from the clients
 * admitted with {@link #allowFrom}.
 */
public final class MongoDb extends Datastore {
    public static final int PORT = 27017;

    private final MongoDbArgs args;
    private final Credential rootPassword;
    private final Credential appPassword;

    public MongoDb(String name, MongoDbArgs args, @Nullable ComponentResourceOptions options) {
        super("platform:data:MongoDb", name, args.name(), args.namespace(),
                AppLabels.of(args.system(), "mongodb", args.name(), "database"), List.of(PORT), args.nodePool(), options);
        this.args = args;
        var namespace = args.namespace();
        // The root password is set once, at first start; a new one is not applied to a running database (see the README).
        rootPassword = Credential.password(this, name + "-root-password", args.rootPassword());
        appPassword = rotated(Credential.password(this, name + "-app-password", args.appPassword()));

        var root = new LinkedHashMap<String, Output<String>>();
        root.put("user", Output.of("root"));
        root.put("password", rootPassword.value());
        KubeSecrets.create(this, rootSecretName(), namespace, labels(), root);
        var app = connectionDetails(args.appUser(), appPassword, PORT);
        app.put("database", Output.of(args.database()));
        app.put("uri", appPassword.value().applyValue(value -> ConnectionStrings.url("mongodb", args.appUser(), value,
                args.name(), PORT, args.database(), "authSource=" + args.database())));
        KubeSecrets.create(this, args.name(), namespace, labels(), app);

        var scripts = args.name() + "-init";
        ConfigMaps.create(this, scripts, namespace, labels(), Map.of("ensure-app-user.sh", ensureAppUserScript()));

        var ping = List.of("mongosh", "--quiet", "--norc", "--eval", "db.adminCommand('ping').ok");
        var env = new ArrayList<>(List.of(Env.plain("MONGO_INITDB_ROOT_USERNAME", "root"),
                Env.fromSecret("MONGO_INITDB_ROOT_PASSWORD", new SecretKeyRef(rootSecretName(), "password")),
                Env.plain("APP_DATABASE", args.database()),
                Env.plain("APP_USER", args.appUser()),
                Env.fromSecret("APP_PASSWORD", new SecretKeyRef(args.name(), "password"))));
        if (!args.extraRoles().isEmpty()) {
            env.add(Env.plain("APP_EXTRA_ROLES", args.extraRolesJson()));
        }
        var container = ContainerArgs.builder()
                .name("mongodb")
                .image(args.image().reference())
                .args("--auth", "--bind_ip_all")
                .ports(ContainerPortArgs.builder().name("mongodb").containerPort(PORT).build())
                .env(env)
                .resources(args.resources().toArgs())
                .securityContext(Hardening.container())
                .startupProbe(Probes.exec(ping, Probes.Timing.STARTUP))
                .readinessProbe(Probes.exec(ping, Probes.Timing.READINESS))
                .livenessProbe(Probes.exec(ping, Probes.Timing.LIVENESS))
                .lifecycle(LifecycleArgs.builder().postStart(LifecycleHandlerArgs.builder()
                        .exec(ExecActionArgs.builder().command("sh", "/scripts/ensure-app-user.sh").build()).build()).build())
                .volumeMounts(Volumes.mount(args.volume().name(), MongoDbArgs.DATA_PATH),
                        Volumes.mount("configdb", "/data/configdb"), Volumes.mount("tmp", "/tmp"),
                        Volumes.readOnly("scripts", "/scripts"))
                .build();
        StatefulStore.create(this, new StatefulStore.Spec(args.name(), namespace, labels(), RunAs.MONGO,
                List.of(new StatefulStore.Port("mongodb", PORT)), container, List.of(),
                List.of(Volumes.scratch("configdb"), Volumes.scratch("tmp"), Volumes.configMap("scripts", scripts, 0555)),
                Optional.of(args.volume()), credentialAnnotation(),
                60, args.protect(), nodePool()));
        registerOutputs(Map.of("secret", Output.of(args.name())));
    }

    /**
     * Creates the app user, or sets its password and roles to what the Secret and args say (so a role
     * removed from the args is revoked); credentials reach mongosh through the environment.
     */
    static String ensureAppUserScript() {
        return """
                #!/bin/sh
                # postStart: once mongod accepts root, make the app user match its Secret.
                set -eu
                exec >/proc/1/fd/1 2>&1
                tries=0
                until mongosh --quiet --norc -u root -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin \\
                    --eval 'db.adminCommand("ping").ok' >/dev/null 2>&1; do
                  tries=$((tries + 1))
                  if [ "$tries" -ge 150 ]; then echo "ensure-app-user: mongod did not accept root"; exit 1; fi
                  sleep 2
                done
                mongosh --quiet --norc -u root -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin --eval '
                  const target = db.getSiblingDB(process.env.APP_DATABASE);
                  const roles = [{ role: "readWrite", db: process.env.APP_DATABASE }]
                    .concat(JSON.parse(process.env.APP_EXTRA_ROLES || "[]"));
                  if (target.getUser(process.env.APP_USER)) {
                    target.updateUser(process.env.APP_USER, { pwd: process.env.APP_PASSWORD, roles: roles });
                  } else {
                    target.createUser({ user: process.env.APP_USER, pwd: process.env.APP_PASSWORD, roles: roles });
                  }'
                echo "ensure-app-user: $APP_USER has readWrite on $APP_DATABASE${APP_EXTRA_ROLES:+ and $APP_EXTRA_ROLES}"
                """;
    }

    /** Root credentials, for maintenance and backups only. */
    public String rootSecretName() {
        return args.name() + "-root";
    }

    public MongoDbArgs args() {
        return args;
    }
}
