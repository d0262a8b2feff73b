package platform.apps.project88;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import platform.Versions;
import platform.apps.SystemContext;
import platform.data.Postgres;
import platform.k8s.ComputeResources;
import platform.k8s.ConfigMaps;
import platform.k8s.ContainerImage;
import platform.k8s.Env;
import platform.k8s.NamespaceRef;
import platform.k8s.Peer;
import platform.k8s.Probes;
import platform.k8s.RunAs;
import platform.k8s.SecretKeyRef;
import platform.k8s.Volumes;
import platform.secrets.Credential;
import platform.secrets.CredentialSource;
import platform.secrets.KubeSecrets;
import platform.workload.AppWorkload;
import platform.workload.AppWorkloadArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The seed's development-only additions: Mailpit (the maintained successor of its Mailhog) catching
 * the apps' mail on SMTP 1025 with its UI on 8025, and pgAdmin on the database. Neither has a route:
 * both are reached with {@code kubectl port-forward} only, and neither exists in production.
 */
final class DevTools extends ComponentResource {
    static final int MAILPIT_UI = 8025;
    static final int MAILPIT_SMTP = 1025;
    /** pgAdmin listens on 80 by default, which a container without capabilities cannot bind. */
    static final int PGADMIN_PORT = 5050;
    static final String PGADMIN_EMAIL = "admin@project88hub.com";
    static final String PGADMIN_SERVERS = "pgadmin-servers";

    /**
     * @param mailers         the apps that send mail: admitted to Mailpit's SMTP port
     * @param pgadminPassword pgAdmin's login, generated or given
     */
    DevTools(Project88 parent, SystemContext context, NamespaceRef namespace, Postgres db, List<AppWorkload> mailers,
             CredentialSource pgadminPassword, @Nullable ComponentResourceOptions options) {
        super("platform:apps:Project88DevTools", "project88-dev-tools", options);
        var mailpit = tool(parent, namespace, "mailpit", context.image(Versions.MAILPIT), RunAs.APP, ComputeResources.SMALL,
                builder -> builder
                        .listens(MAILPIT_UI, "mailpit")
                        .port("smtp", MAILPIT_SMTP)
                        // The apps may be configured with SMTP credentials; Mailpit takes any.
                        .env(List.of(Env.plain("MP_SMTP_AUTH_ACCEPT_ANY", "true"), Env.plain("MP_SMTP_AUTH_ALLOW_INSECURE", "true")))
                        .probes(Probes.http("/readyz", MAILPIT_UI, Probes.Timing.READINESS),
                                Probes.http("/livez", MAILPIT_UI, Probes.Timing.LIVENESS)));
        for (var mailer : mailers) {
            mailpit.allowFrom(Peer.pods(mailer.args().name(), mailer.podLabels()), List.of(MAILPIT_SMTP));
        }

        var labels = parent.labels("pgadmin", "admin");
        var password = Credential.password(this, "project88-pgadmin-password", pgadminPassword);
        KubeSecrets.create(this, "pgadmin", namespace, labels, Map.of("password", password.value()));
        ConfigMaps.create(this, PGADMIN_SERVERS, namespace, labels, Map.of("servers.json", servers(db)));
        var pgadmin = tool(parent, namespace, "pgadmin", context.image(Versions.PGADMIN), RunAs.PGADMIN, ComputeResources.MEDIUM,
                builder -> builder
                        .listens(PGADMIN_PORT, "pgadmin")
                        .env(List.of(
                                Env.plain("PGADMIN_DEFAULT_EMAIL", PGADMIN_EMAIL),
                                Env.fromSecret("PGADMIN_DEFAULT_PASSWORD", new SecretKeyRef("pgadmin", "password")),
                                Env.plain("PGADMIN_LISTEN_PORT", Integer.toString(PGADMIN_PORT)),
                                // Postfix would start through sudo, which a container without privileges cannot use.
                                Env.plain("PGADMIN_DISABLE_POSTFIX", "true"),
                                Env.plain("PGADMIN_SERVER_JSON_FILE", "/pgadmin-servers/servers.json")))
                        .writable("/var/lib/pgadmin")
                        .volume(Volumes.configMap("servers", PGADMIN_SERVERS, 0444), Volumes.readOnly("servers", "/pgadmin-servers"))
                        .credentials(List.of(password.version()))
                        .probes(Probes.http("/misc/ping", PGADMIN_PORT, Probes.Timing.READINESS),
                                Probes.http("/misc/ping", PGADMIN_PORT, Probes.Timing.LIVENESS)));
        db.allowFrom("pgadmin", pgadmin.podLabels());
        registerOutputs(Map.of());
    }

    private AppWorkload tool(Project88 parent, NamespaceRef namespace, String name, ContainerImage image, RunAs runAs,
                             ComputeResources resources, UnaryOperator<AppWorkloadArgs.Builder> shape) {
        var builder = AppWorkloadArgs.builder(namespace, parent.labels(name, "dev-tool"), name, name, image)
                .runAs(runAs)
                .resources(resources);
        return new AppWorkload("project88-" + name, shape.apply(builder).build(), ComponentResourceOptions.builder().parent(this).build());
    }

    /** The database, preconfigured; the password is asked for at login (README). */
    static String servers(Postgres db) {
        return """
                {
                  "Servers": {
                    "1": {
                      "Name": "Project 88 (%s)",
                      "Group": "Servers",
                      "Host": "%s",
                      "Port": %d,
                      "MaintenanceDB": "%s",
                      "Username": "%s",
                      "SSLMode": "disable"
                    }
                  }
                }
                """.formatted(db.host(), db.host(), Postgres.PORT, Project88.DB_NAME, Project88.DB_OWNER);
    }
}
