package platform.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.AnsweringCloud;
import platform.Baseline;
import platform.Stacks;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.Secret;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/** The seed's and the fact sheet's tables, row by row, against the real stack files. */
class MortimerStackTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");
    /** Prod with every knob turned and the operators' secrets set (one run keeps the class fast). */
    private static final ProgramRun.Result VARIANT = Stacks.run("prod", "platform:mortimer.gunicornThreads=4",
            "platform:mortimer.probePath=/healthz", "platform:mortimer.maxBody=10Mi", "platform:mortimer.timeoutSeconds=120",
            "platform:mortimer.sessionAffinity.cookieName=route", "platform:mortimer.sessionAffinity.ttlHours=72",
            "platform:mortimer.replicas=0",
            "!platform:mortimerParole=parole-canary", "!platform:mortimerMailServer=smtp.example.org",
            "!platform:mortimerMailPassword=mail-canary", "!platform:mortimerAdminMail=admin@example.org",
            "!platform:mortimerSecretKey=kept-from-the-running-system");
    /** Prod with every kind of bad value at once. */
    private static final ProgramRun.Result BAD = Stacks.run("prod",
            "platform:mortimer.image=registry.digitalocean.com/platform-registry/mortimer-app:latest",
            "platform:mortimer.terminationGraceSeconds=10", "platform:mortimer.replicas=2", "platform:mortimer.secretKeyRotation=1",
            "platform:mortimer.probePath=login", "platform:mortimer.maxBody=lots",
            "platform:mortimer.sessionAffinity.cookieName=a cookie", "platform:mortimer.pool=gpu-pool");
    private static final String NS = "mortimer";

    private static RegisteredResource object(ProgramRun.Result stack, String kind, String name) {
        return Stacks.object(stack, kind, NS, name);
    }

    private static RegisteredResource app(ProgramRun.Result stack) {
        return object(stack, "Deployment", "mortimer-app");
    }

    /** Env name to its entry (value or valueFrom) of the app container. */
    private static Map<String, Map<String, Object>> env(ProgramRun.Result stack) {
        var env = new LinkedHashMap<String, Map<String, Object>>();
        list(Stacks.container(app(stack)).get("env")).stream().map(Stacks::map).forEach(e -> env.put((String) e.get("name"), e));
        return env;
    }

    private static Map<String, Object> secretRef(Map<String, Object> entry) {
        return map(map(entry.get("valueFrom")).get("secretKeyRef"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // variable,                 plain value,  or: secret, key
            "MORTIMER_SECRET_KEY,         ,            mortimer-app, MORTIMER_SECRET_KEY",
            "MORTIMER_MONGO_HOST,         mongodb,     ,             ",
            "MORTIMER_MONGO_PORT,         27017,       ,             ",
            "MORTIMER_MONGO_DB,           mortimer,    ,             ",
            "MORTIMER_MONGO_USERNAME,     ,            mongodb,      user",
            "MORTIMER_MONGO_PASSWORD,     ,            mongodb,      password",
            "MORTIMER_MONGO_AUTH_SOURCE,  mortimer,    ,             ",
            "ALFRED_DB_NAME,              alfred,      ,             ",
            "APP_PORTS,                   8001,        ,             ",
            "GUNICORN_THREADS,            10,          ,             ",
            "PYTHONUNBUFFERED,            1,           ,             ",
            "MORTIMER_INSTANCE_PATH,      /app/instance, ,           ",
            "MORTIMER_MAIL_USE,           False,       ,             ",
    })
    void everyVariableTheEntrypointRequiresIsSetSecretsOnlyByReference(String variable, String value, String secret, String key) {
        var entry = env(PROD).get(variable);
        assertThat(entry).as(variable).isNotNull();
        if (value != null) {
            assertThat(entry).containsEntry("value", value).doesNotContainKey("valueFrom");
        } else {
            assertThat(entry).doesNotContainKey("value");
            assertThat(secretRef(entry)).containsEntry("name", secret).containsEntry("key", key);
        }
    }

    @Test
    void oneGunicornProcessPerPodOnOnePortWithThreadsFromConfig() {
        assertThat(env(PROD).get("APP_PORTS").get("value")).isEqualTo("8001");
        assertThat(env(VARIANT).get("GUNICORN_THREADS")).containsEntry("value", "4");
        var ports = list(Stacks.container(app(PROD)).get("ports"));
        assertThat(ports).singleElement().satisfies(port -> assertThat(map(port)).containsEntry("containerPort", 8001L));
        var service = object(PROD, "Service", "mortimer-app");
        assertThat(service.input("spec.type")).contains("ClusterIP");
        assertThat(map(list(service.input("spec.ports").orElseThrow()).get(0))).containsEntry("port", 8001L);
    }

    @Test
    void theImageIsOursFromConfigPinnedByDigestInProduction() {
        var image = Stacks.container(app(PROD)).get("image").toString();
        assertThat(image).isEqualTo("registry.digitalocean.com/platform-registry/mortimer-app:98d29c5bdc46121a4eb2c86ec86e3e119bd6e77e@[unknown]");
        assertThat(Stacks.container(app(DEV)).get("image").toString()).endsWith(":98d29c5bdc46121a4eb2c86ec86e3e119bd6e77e");
        assertThat(BAD.problems()).anySatisfy(problem -> assertThat(problem).startsWith("platform:mortimer.image: got")
                .contains(":latest"));
    }

    @Test
    void operatorSecretsReachTheAppOnlyThroughItsSecretAndOnlyWhenSet() {
        assertThat(env(PROD)).doesNotContainKeys("MORTIMER_PAROLE", "MORTIMER_MAIL_SERVER", "MORTIMER_MAIL_USE_TLS");
        var result = VARIANT;
        var env = env(result);

        assertThat(secretRef(env.get("MORTIMER_PAROLE"))).containsEntry("name", "mortimer-app").containsEntry("key", "MORTIMER_PAROLE");
        assertThat(secretRef(env.get("MORTIMER_MAIL_PASSWORD"))).containsEntry("key", "MORTIMER_MAIL_PASSWORD");
        assertThat(secretRef(env.get("ADMIN_MAIL"))).containsEntry("key", "ADMIN_MAIL");
        assertThat(env.get("MORTIMER_MAIL_USE")).containsEntry("value", "True");
        assertThat(env.get("MORTIMER_MAIL_USE_TLS")).containsEntry("value", "True");
        assertThat(env).doesNotContainKeys("MORTIMER_MAIL_USERNAME", "MORTIMER_MAIL_PORT");
        var data = map(object(result, "Secret", "mortimer-app").inputs().get("stringData"));
        assertThat(data.get("MORTIMER_PAROLE")).isEqualTo(new Secret("parole-canary"));
        assertThat(data).containsKeys("MORTIMER_SECRET_KEY", "MORTIMER_MAIL_SERVER", "ADMIN_MAIL");
        var everythingButTheSecret = result.resources().stream()
                .filter(r -> !(r.isKubernetesObject() && r.kind().equals("Secret"))).map(Object::toString).collect(Collectors.joining());
        assertThat(everythingButTheSecret).doesNotContain("parole-canary").doesNotContain("mail-canary");
        assertThat(result.resources().toString()).doesNotContain("parole-canary");
    }

    @Test
    void theSecretKeyIsAGeneratedFernetKeyThatNoRotationChanges() {
        var answered = Stacks.run("prod", new AnsweringCloud(), false);
        var bytes = Stacks.only(answered, "random:index/randomBytes:RandomBytes", "mortimer-secret-key");
        assertThat(bytes.inputs()).containsEntry("length", 32L).containsEntry("keepers", Map.of("rotation", "0"));
        assertThat(bytes.options().version()).isEqualTo("4.21.1");

        var key = (Secret) map(object(answered, "Secret", "mortimer-app").inputs().get("stringData")).get("MORTIMER_SECRET_KEY");
        var text = key.value().toString();
        var expected = AnsweringCloud.bytesOf("mortimer-secret-key", "0").replace('+', '-').replace('/', '_');
        assertThat(text).isEqualTo(expected).hasSize(44).matches("[A-Za-z0-9_-]{43}=");
        assertThat(Base64.getUrlDecoder().decode(text)).hasSize(32);

        var given = VARIANT;
        assertThat(given.ofType("random:index/randomBytes:RandomBytes")).isEmpty();
        assertThat(map(object(given, "Secret", "mortimer-app").inputs().get("stringData")).get("MORTIMER_SECRET_KEY"))
                .isEqualTo(new Secret("kept-from-the-running-system"));
        assertThat(BAD.problems()).anySatisfy(problem -> assertThat(problem).startsWith("platform:mortimer.secretKeyRotation"));
    }

    @Test
    void probesAskForLoginOnTheContainerPortAndThePathIsConfigurable() {
        var container = Stacks.container(app(PROD));
        for (var probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(map(map(container.get(probe)).get("httpGet"))).as(probe).containsEntry("path", "/login").containsEntry("port", 8001L);
        }
        // A restart ends running experiments: liveness waits three minutes before restarting.
        var liveness = map(container.get("livenessProbe"));
        assertThat((Long) liveness.get("periodSeconds") * (Long) liveness.get("failureThreshold")).isGreaterThanOrEqualTo(180L);
        var healthz = Stacks.container(app(VARIANT));
        assertThat(map(map(healthz.get("readinessProbe")).get("httpGet"))).containsEntry("path", "/healthz");
    }

    @Test
    void stoppingWaitsForGunicornsGracefulTimeout() {
        assertThat(app(PROD).input("spec.template.spec.terminationGracePeriodSeconds")).contains(60L);
        assertThat(env(PROD).get("GUNICORN_GRACEFUL_TIMEOUT")).containsEntry("value", "30");
        assertThat(BAD.problems()).contains("platform:mortimer.terminationGraceSeconds: got 10, expected a whole number from 30 to 3600");
    }

    @Test
    void itRunsAsUid1000OnAReadOnlyRootWritingOnlyInstanceLogAndTmp() {
        var pod = map(app(PROD).input("spec.template.spec").orElseThrow());
        assertThat(map(pod.get("securityContext"))).containsEntry("runAsUser", 1000L).containsEntry("runAsGroup", 1000L)
                .containsEntry("fsGroup", 1000L);
        var container = Stacks.container(app(PROD));
        assertThat(map(container.get("securityContext"))).containsEntry("readOnlyRootFilesystem", true);
        var volumes = list(pod.get("volumes")).stream().map(Stacks::map)
                .collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
        var mounts = list(container.get("volumeMounts")).stream().map(Stacks::map)
                .collect(Collectors.toMap(m -> (String) m.get("mountPath"), m -> (String) m.get("name")));
        assertThat(mounts.keySet()).containsExactlyInAnyOrder("/app/instance", "/app/log", "/tmp");
        assertThat(volumes.get(mounts.get("/app/instance")).get("persistentVolumeClaim")).isEqualTo(Map.of("claimName", "mortimer-instance"));
        assertThat(volumes.get(mounts.get("/app/log"))).containsKey("emptyDir");
        assertThat(volumes.get(mounts.get("/tmp"))).containsKey("emptyDir");
        // Static files stay in the image (Flask serves /static): nothing is mounted over the package.
        assertThat(mounts.keySet()).noneMatch(path -> path.contains("site-packages"));
    }

    @Test
    void instanceDataIsOnARetainedProtectedVolumeThatOnePodMountsAtATime() {
        var claim = object(PROD, "PersistentVolumeClaim", "mortimer-instance");
        assertThat(claim.input("spec.storageClassName")).contains("do-block-storage-retain");
        assertThat(claim.input("spec.accessModes")).contains(List.of("ReadWriteOnce"));
        assertThat(claim.input("spec.resources.requests.storage")).contains("5Gi");
        assertThat(claim.options().protect()).isTrue();
        assertThat(object(DEV, "PersistentVolumeClaim", "mortimer-instance").options().protect()).isFalse();

        assertThat(app(PROD).input("spec.replicas")).contains(1L);
        assertThat(app(PROD).input("spec.strategy.type")).contains("Recreate");
        assertThat(BAD.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("platform:mortimer.replicas: got 2, expected 0 or 1: /app/instance"));
        assertThat(VARIANT.problems()).isEmpty();
        assertThat(app(VARIANT).input("spec.replicas")).contains(0L);
    }

    @Test
    void prodRunsOnTheAppsPoolDevOnItsOnePool() {
        assertThat(app(PROD).input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "apps-pool"));
        assertThat(app(DEV).input("spec.template.spec.nodeSelector")).contains(Map.of("doks.digitalocean.com/node-pool", "default-pool"));
        assertThat(app(DEV).input("spec.replicas")).contains(1L);
    }

    @Test
    void mongoDbHasAuthAndTheSheetsAppUserWithAlfredRoles() {
        var mongo = object(PROD, "StatefulSet", "mongodb");
        var container = Stacks.container(mongo);
        assertThat(container.get("args")).isEqualTo(List.of("--auth", "--bind_ip_all"));
        assertThat(container.get("image").toString()).startsWith(platform.Versions.MONGO + "@");
        var env = list(container.get("env")).stream().map(Stacks::map)
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
        assertThat(env.get("APP_DATABASE")).containsEntry("value", "mortimer");
        assertThat(env.get("APP_USER")).containsEntry("value", "mortimer_app");
        assertThat(env.get("APP_EXTRA_ROLES")).containsEntry("value", "[{\"role\":\"userAdmin\",\"db\":\"alfred\"},{\"role\":\"read\",\"db\":\"alfred\"}]");
        assertThat(secretRef(env.get("MONGO_INITDB_ROOT_PASSWORD"))).containsEntry("name", "mongodb-root");
        assertThat(secretRef(env.get("APP_PASSWORD"))).containsEntry("name", "mongodb");
        assertThat(mongo.options().protect()).isTrue();
        assertThat(mongo.input("spec.volumeClaimTemplates").orElseThrow().toString())
                .contains("storage=10Gi").contains("storageClassName=do-block-storage-retain");
        // Generated passwords only: nothing in the stack holds a default password.
        assertThat(PROD.ofType("random:index/randomPassword:RandomPassword").stream().map(RegisteredResource::name))
                .contains("mongodb-root-password", "mongodb-app-password", "mongo-backup-encryption-key");
        assertThat(PROD.resources().toString()).doesNotContain("changeMeToo");
    }

    @Test
    void mongoDbAdmitsOnlyTheAppAndItsBackupJobsAndHasNoServiceOutside() {
        var admitted = Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("NetworkPolicy") && r.namespace().equals(NS)
                        && r.input("spec.podSelector.matchLabels").orElse("").toString().contains("app.kubernetes.io/name=mongodb"))
                .stream().map(RegisteredResource::metadataName).collect(Collectors.toSet());
        assertThat(admitted).isEqualTo(Set.of("mongodb-from-mortimer-app", "mongodb-from-mongo-backup", "mongodb-from-mongo-restore-check",
                "mongodb-from-mongo-restore"));
        var fromApp = object(PROD, "NetworkPolicy", "mongodb-from-mortimer-app").input("spec.ingress").orElseThrow().toString();
        assertThat(fromApp).contains("app.kubernetes.io/name=mortimer-app").contains("port=27017").doesNotContain("namespaceSelector");
        assertThat(Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("Service") && r.namespace().equals(NS)))
                .allSatisfy(service -> assertThat(service.input("spec.type").orElse("ClusterIP")).isEqualTo("ClusterIP"));
        assertThat(object(PROD, "NetworkPolicy", "default-deny-ingress")).isNotNull();
        assertThat(object(PROD, "NetworkPolicy", "mortimer-app-from-gateway").input("spec.ingress").orElseThrow().toString())
                .contains("kubernetes.io/metadata.name=envoy-gateway-system").contains("port=8001");
    }

    @Test
    void theRouteServesTheHostsWithTheLiveLimitsHeadersAndAnInternalHealthz() {
        var route = object(PROD, "HTTPRoute", "mortimer");
        assertThat(route.input("spec.hostnames")).contains(List.of("mortimer.alfred3.org"));
        var rules = list(route.input("spec.rules").orElseThrow()).stream().map(Stacks::map).toList();
        var healthz = rules.get(0);
        assertThat(healthz.toString()).contains("value=/healthz").contains("name=mortimer-healthz");
        assertThat(healthz).doesNotContainKey("backendRefs");
        var filter = object(PROD, "HTTPRouteFilter", "mortimer-healthz");
        assertThat(filter.input("spec.directResponse.statusCode")).contains(404L);
        var site = rules.get(1);
        assertThat(site.get("backendRefs")).isEqualTo(List.of(Map.of("name", "mortimer-app", "port", 8001L)));
        assertThat(site.get("timeouts")).isEqualTo(Map.of("request", "75s", "backendRequest", "75s"));
        var headers = site.get("filters").toString();
        assertThat(headers).contains("name=Permissions-Policy, value=geolocation=(), microphone=(), camera=()")
                .contains("name=X-Frame-Options, value=SAMEORIGIN").contains("name=X-Content-Type-Options, value=nosniff")
                .contains("name=Referrer-Policy, value=strict-origin-when-cross-origin").contains("Strict-Transport-Security");
        assertThat(object(PROD, "BackendTrafficPolicy", "mortimer-body-limit").input("spec.requestBuffer.limit")).contains("20Mi");
        var smaller = VARIANT;
        assertThat(Stacks.object(smaller, "BackendTrafficPolicy", NS, "mortimer-body-limit").input("spec.requestBuffer.limit")).contains("10Mi");
        assertThat(Stacks.object(smaller, "HTTPRoute", NS, "mortimer").input("spec.rules").orElseThrow().toString()).contains("request=120s");
    }

    @Test
    void eachParticipantIsPinnedToAPodByAGatewayCookie() {
        var site = map(list(object(PROD, "HTTPRoute", "mortimer").input("spec.rules").orElseThrow()).get(1));
        assertThat(site.get("sessionPersistence")).isEqualTo(Map.of("type", "Cookie", "sessionName", "mortimer-route",
                "absoluteTimeout", "48h", "cookieConfig", Map.of("lifetimeType", "Permanent")));
        assertThat(Stacks.object(VARIANT, "HTTPRoute", NS, "mortimer").input("spec.rules").orElseThrow().toString())
                .contains("sessionName=route").contains("absoluteTimeout=72h");
    }

    @Test
    void certificatesComeFromStagingInDevAndProductionInProd() {
        assertThat(Stacks.object(PROD, "Certificate", "edge", "mortimer-tls").input("spec.issuerRef.name")).contains("letsencrypt-production");
        assertThat(Stacks.object(PROD, "Certificate", "edge", "mortimer-tls").input("spec.dnsNames")).contains(List.of("mortimer.alfred3.org"));
        assertThat(Stacks.object(DEV, "Certificate", "edge", "mortimer-tls").input("spec.issuerRef.name")).contains("letsencrypt-staging");
        assertThat(Stacks.object(DEV, "HTTPRoute", NS, "mortimer").input("spec.hostnames")).contains(List.of("mortimer.dev.alfred3.org"));
        assertThat(Stacks.object(PROD, "Gateway", "edge", "platform").input("spec.listeners").orElseThrow().toString())
                .contains("hostname=mortimer.alfred3.org");
    }

    @Test
    void bothDatabasesAreDumpedNightlyEncryptedKeepingSevenPlusTwelveWithARestoreCheck() {
        var backup = object(PROD, "CronJob", "mongo-backup");
        assertThat(backup.input("spec.schedule")).contains("0 3 * * *");
        assertThat(backup.input("spec.concurrencyPolicy")).contains("Forbid");
        var pod = backup.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString();
        assertThat(pod).contains("name=MONGO_DATABASES, value=mortimer alfred").contains("value=gfs:7:12")
                .contains("name=ENCRYPTION_KEY, valueFrom={secretKeyRef={key=key, name=mongodb-backup-key}}")
                .contains("/scripts/mongo-dump.sh").contains("name=backup-bucket");
        var check = object(PROD, "CronJob", "mongo-restore-check");
        assertThat(check.input("spec.schedule")).contains("0 5 * * 0");
        assertThat(check.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString())
                .contains("name=NAMES, value=mortimer alfred").contains("name=MAX_AGE_HOURS, value=26")
                .contains("/scripts/mongo-restore-check.sh");
        // Only the backup jobs read the bucket's credentials.
        assertThat(app(PROD).inputs().toString()).doesNotContain("backup-bucket").doesNotContain("backup-key");
    }

    @Test
    void badMortimerConfigIsReportedWithItsKeysAllAtOnceBeforeAnythingIsRegistered() {
        assertThat(BAD.resources()).isEmpty();
        assertThat(BAD.problems()).hasSize(8);
        assertThat(String.join("\n", BAD.problems())).contains("platform:mortimer.probePath: got \"login\"")
                .contains("platform:mortimer.maxBody: got \"lots\"")
                .contains("platform:mortimer.sessionAffinity.cookieName: got \"a cookie\"")
                .contains("platform:mortimer.pool");
    }

    @Test
    void everyMortimerObjectMeetsTheBaseline() {
        assertThat(Baseline.violations(Stacks.where(PROD, r -> r.namespace().equals(NS)), true)).isEmpty();
        assertThat(Baseline.violations(Stacks.where(DEV, r -> r.namespace().equals(NS)), false)).isEmpty();
    }
}
