package platform.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.Stacks;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * Every object a system's runbook command in the README names exists in the prod render (dev for dev-only
 * tools), and every pod Bow-Mark's runbook starts itself ({@code kubectl run}, in the README or through
 * {@code scripts/bowmark-backfill.sh}) is one the namespace admits: the restricted Pod Security profile, and
 * labels PostgreSQL lets in.
 */
class ReadmeRunbookTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");
    private static final Pattern KIND_SLASH_NAME = Pattern.compile("\\b(deployment|deploy|cronjob|statefulset|job)/([a-z0-9-]+)");
    private static final Pattern GET_KIND_NAME = Pattern.compile("kubectl (?:get|describe) (configmap|secret|cronjob|pod|pvc|pv|deployment|httproute) ([a-z0-9][a-z0-9-]*)");
    private static final Pattern POD_OF_STATEFULSET = Pattern.compile("\\b(postgres|rabbitmq|mongodb|db|redis|search)-0\\b");
    private static final Pattern LABEL = Pattern.compile("-l (component|service|app|app\\.kubernetes\\.io/name)=([a-z0-9-]+)");
    private static final Pattern CLAIM = Pattern.compile("\\b([a-z][a-z-]*)-(postgres|rabbitmq)-0\\b");

    /** The README's kubectl lines for a namespace. */
    private static List<String> commands(String namespace) throws IOException {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        var commands = new ArrayList<String>();
        for (var line : readme.split("\n")) {
            if (line.contains("kubectl") && (line.contains("-n " + namespace) || line.contains("kubectl get pv " + namespace + "-"))) {
                commands.add(line);
            }
        }
        return commands;
    }

    /** Dev-only objects (Project 88's Mailpit and pgAdmin) are looked up in the dev render. */
    private static ProgramRun.Result stackFor(String command) {
        return command.contains("mailpit") || command.contains("pgadmin") ? DEV : PROD;
    }

    /** {@code kind} as kubectl spells it; a PersistentVolume is cluster-scoped. */
    private static boolean exists(ProgramRun.Result stack, String namespace, String kind, String name) {
        var in = kind.equals("pv") ? "cluster" : namespace;
        var fullKind = kind.equals("pv") ? "PersistentVolume" : kind.equals("pvc") ? "PersistentVolumeClaim" : kind;
        return stack.resources().stream().anyMatch(r -> r.isKubernetesObject() && r.namespace().equals(in)
                && r.kind().equalsIgnoreCase(fullKind) && r.metadataName().equals(name));
    }

    private static List<RegisteredResource> podTemplates(ProgramRun.Result stack, String namespace) {
        return Stacks.where(stack, r -> r.isKubernetesObject() && r.namespace().equals(namespace)
                && List.of("Deployment", "StatefulSet", "CronJob", "Job").contains(r.kind()));
    }

    /** The README's {@code kubectl run ... -n bowmark} commands, continuation lines joined. */
    private static List<String> runCommands() throws IOException {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        var commands = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : readme.split("\n")) {
            if (current.isEmpty() && !(line.startsWith("kubectl run ") && line.contains("-n bowmark"))) {
                continue;
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            if (!line.endsWith("\\")) {
                commands.add(current.toString());
                current.setLength(0);
            }
        }
        return commands;
    }

    /** {@code --name=value} options of a command line, the single-quoted overrides JSON unquoted. */
    private static java.util.Map<String, String> options(List<String> words) {
        var options = new java.util.LinkedHashMap<String, String>();
        for (var word : words) {
            var option = Pattern.compile("^(--[a-z-]+)=(.*)$", Pattern.DOTALL).matcher(word);
            if (option.matches()) {
                options.put(option.group(1), option.group(2));
            } else if (word.equals("-n")) {
                options.put("-n", "");
            }
        }
        return options;
    }

    /** Splits a shell command line into words: single and double quotes, no expansion. */
    static List<String> words(String command) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = 0;
        for (var c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * The pod {@code kubectl run NAME} makes in {@code bowmark}: the namespace admits it (restricted profile), and
     * PostgreSQL admits it (a NetworkPolicy on postgres whose peer labels the pod carries); its Secrets exist.
     */
    static void assertAdmittedToPostgres(List<String> words) {
        var name = words.get(words.indexOf("run") + 1);
        var options = options(words);
        assertThat(words.get(words.indexOf("-n") + 1)).as(name).isEqualTo("bowmark");
        var labels = new java.util.HashMap<String, String>();
        for (var label : options.get("--labels").split(",")) {
            labels.put(label.substring(0, label.indexOf('=')), label.substring(label.indexOf('=') + 1));
        }
        var spec = com.google.gson.JsonParser.parseString(options.get("--overrides")).getAsJsonObject().getAsJsonObject("spec");

        // Pod Security "restricted": non-root with a uid, RuntimeDefault seccomp; the container: no escalation, drops ALL.
        var pod = spec.getAsJsonObject("securityContext");
        assertThat(pod.get("runAsNonRoot").getAsBoolean()).as(name).isTrue();
        assertThat(pod.get("runAsUser").getAsLong()).as(name).isPositive();
        assertThat(pod.getAsJsonObject("seccompProfile").get("type").getAsString()).as(name).isEqualTo("RuntimeDefault");
        assertThat(spec.getAsJsonArray("containers")).as(name).hasSize(1);
        var container = spec.getAsJsonArray("containers").get(0).getAsJsonObject();
        assertThat(container.get("name").getAsString()).as("the override names the generated container").isEqualTo(name);
        // A strategic override merges into the generated container by name; a plain (merge) one replaces it whole.
        assertThat("strategic".equals(options.get("--override-type")) || container.has("image")).as(name).isTrue();
        var security = container.getAsJsonObject("securityContext");
        assertThat(security.get("allowPrivilegeEscalation").getAsBoolean()).as(name).isFalse();
        assertThat(security.has("privileged") && security.get("privileged").getAsBoolean()).as(name).isFalse();
        assertThat(security.getAsJsonObject("capabilities").getAsJsonArray("drop").toString()).as(name).isEqualTo("[\"ALL\"]");
        for (var forbidden : List.of("hostNetwork", "hostPID", "hostIPC")) {
            assertThat(spec.has(forbidden)).as("%s sets %s", name, forbidden).isFalse();
        }
        if (spec.has("volumes")) {
            spec.getAsJsonArray("volumes").forEach(volume -> assertThat(volume.getAsJsonObject().has("hostPath")).as(name).isFalse());
        }

        // Admitted by a policy on PostgreSQL's pods whose peer selector the pod's labels satisfy.
        var postgresPods = map(Stacks.object(PROD, "StatefulSet", "bowmark", "postgres").input("spec.selector.matchLabels").orElseThrow());
        var policies = Stacks.where(PROD, r -> r.isKubernetesObject() && r.kind().equals("NetworkPolicy") && r.namespace().equals("bowmark")
                && postgresPods.equals(r.input("spec.podSelector.matchLabels").orElse(null)));
        assertThat(policies).as("%s is admitted to postgres", name).anySatisfy(policy -> {
            var peers = list(map(list(policy.input("spec.ingress").orElseThrow()).get(0)).get("from"));
            assertThat(peers).anySatisfy(peer -> assertThat(labels).containsAllEntriesOf(
                    map(map(map(peer).get("podSelector")).get("matchLabels")).entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> e.getValue().toString()))));
            assertThat(policy.input("spec.ingress").orElseThrow().toString()).contains("port=5432");
        });

        // Every Secret key it reads is one the program writes.
        if (container.has("env")) {
            container.getAsJsonArray("env").forEach(env -> {
                var from = env.getAsJsonObject().getAsJsonObject("valueFrom");
                if (from != null) {
                    var ref = from.getAsJsonObject("secretKeyRef");
                    var secret = Stacks.object(PROD, "Secret", "bowmark", ref.get("name").getAsString());
                    assertThat(map(secret.inputs().get("stringData"))).as(name).containsKey(ref.get("key").getAsString());
                }
            });
        }
    }

    @Test
    void theReadmesOwnPodsForPsqlAndDbmatePassRestrictedAndReachPostgres() throws IOException {
        var commands = runCommands();
        assertThat(commands).extracting(command -> words(command).get(2)).containsExactlyInAnyOrder("pg-test", "dbmate-status");
        for (var command : commands) {
            var words = words(command);
            assertAdmittedToPostgres(words);
            var image = options(words).get("--image");
            assertThat(image).as(command).isIn(platform.Versions.POSTGRES, platform.Versions.DBMATE);
        }
        var pgTest = words(commands.stream().filter(c -> c.contains("pg-test")).findFirst().orElseThrow());
        assertThat(pgTest.subList(pgTest.indexOf("--") + 1, pgTest.size()))
                .containsExactly("psql", "-h", "postgres", "-U", "bowmark", "-d", "bowmark_reports_paving", "-c", "SELECT 1;");
        var status = commands.stream().filter(c -> c.contains("dbmate-status")).findFirst().orElseThrow();
        assertThat(status).contains("\"name\":\"pg-migrations\"").contains("\"optional\":true").endsWith("status");
    }

    @Test
    void theBackfillScriptsPodPassesRestrictedAndReachesPostgres() throws Exception {
        var dir = Files.createTempDirectory("backfill");
        var recorded = dir.resolve("kubectl-run");
        var kubectl = dir.resolve("kubectl");
        Files.writeString(kubectl, String.join("\n",
                "#!/bin/sh",
                "case \"$1 $3\" in",
                "  'get server-deployment') echo 'itsdevin/bow-mark-server:5a2fce85c7b96c527209b2fd113e28b12d8c27a7@sha256:" + "0".repeat(63) + "1' ;;",
                "  'get worker-deployment') echo 'default-pool' ;;",
                "  run*) for word in \"$@\"; do printf '%s\\0' \"$word\"; done > '" + recorded + "' ;;",
                "  *) echo \"unexpected: $*\" >&2; exit 2 ;;",
                "esac", ""));
        Files.setPosixFilePermissions(kubectl, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (var product : List.of("paving", "concrete")) {
            var process = new ProcessBuilder("bash", Stacks.projectRoot().resolve("scripts/bowmark-backfill.sh").toString(), product)
                    .redirectErrorStream(true);
            process.environment().put("PATH", dir + ":" + System.getenv("PATH"));
            var started = process.start();
            var output = new String(started.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(started.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(started.exitValue()).as(output).isZero();

            var words = new ArrayList<>(List.of("kubectl"));
            words.addAll(List.of(Files.readString(recorded).split("\u0000")));
            assertThat(words.get(2)).isEqualTo("backfill-" + product);
            assertAdmittedToPostgres(words);
            var spec = com.google.gson.JsonParser.parseString(options(words).get("--overrides")).getAsJsonObject().getAsJsonObject("spec");
            var container = spec.getAsJsonArray("containers").get(0).getAsJsonObject();
            assertThat(container.get("command").toString()).isEqualTo("[\"node\",\"dist/scripts/backfill-postgres.js\"]");
            assertThat(container.get("env").toString()).contains("\"name\":\"" + product + "\",\"key\":\"mongoURI\"")
                    .contains("bowmark_reports_" + product);
            assertThat(spec.getAsJsonObject("nodeSelector").toString()).contains("default-pool");
        }
    }

    @Test
    void everyVolumeClaimTheReadmeNamesIsOneTheStatefulSetsMake() throws IOException {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        var start = readme.indexOf("## Bow-Mark operations");
        var bowmarkSection = readme.substring(start, readme.indexOf("\n## ", start + 1));
        var claims = CLAIM.matcher(bowmarkSection);
        var checked = 0;
        while (claims.find()) {
            var set = Stacks.object(PROD, "StatefulSet", "bowmark", claims.group(2));
            var template = map(map(list(set.input("spec.volumeClaimTemplates").orElseThrow()).get(0)).get("metadata")).get("name");
            assertThat(claims.group(1)).as(claims.group()).isEqualTo(template);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"bowmark, 20", "project88, 20", "mortimer, 30", "srq-hpn, 20", "marc, 12"})
    void theReadmeHasRunbookCommands(String namespace, int atLeast) throws IOException {
        assertThat(commands(namespace)).hasSizeGreaterThan(atLeast);
    }

    @ParameterizedTest
    @CsvSource({"bowmark, 20", "project88, 20", "mortimer, 30", "srq-hpn, 20", "marc, 12"})
    void everyObjectTheRunbooksNameIsRendered(String namespace, int atLeast) throws IOException {
        var container = Pattern.compile("deployment/([a-z0-9-]+) -n " + namespace + " -c ([a-z0-9-]+)");
        var checked = 0;
        for (var command : commands(namespace)) {
            var stack = stackFor(command);
            var byKind = KIND_SLASH_NAME.matcher(command);
            while (byKind.find()) {
                var kind = byKind.group(1).equals("deploy") ? "deployment" : byKind.group(1);
                var name = byKind.group(2);
                if (kind.equals("job")) {
                    continue; // jobs are created by the command itself (kubectl create job --from=cronjob/...) or named per image
                }
                assertThat(exists(stack, namespace, kind, name)).as("%s/%s in: %s", kind, name, command).isTrue();
                checked++;
            }
            var get = GET_KIND_NAME.matcher(command);
            while (get.find()) {
                var kind = get.group(1);
                var name = get.group(2);
                if (name.startsWith("-")) {
                    continue; // selected by label (checked below), not by name
                }
                if (kind.equals("pod")) {
                    assertThat(POD_OF_STATEFULSET.matcher(name).matches() || name.startsWith("backfill-")).as(command).isTrue();
                } else if (kind.equals("pvc")) {
                    // A Deployment's claim by its name; a StatefulSet's from its template (data-<set>-0).
                    assertThat(exists(stack, namespace, "PersistentVolumeClaim", name) || name.matches("[a-z]+-data-[a-z]+-0|data-(postgres|rabbitmq|mongodb)-0"))
                            .as(command).isTrue();
                } else if (name.equals("pg-migrations")) {
                    // CI creates it unless platform:bowmark.migrationsDir is set; the consumers mount it by name either way.
                    assertThat(Stacks.object(PROD, "Deployment", "bowmark", "consumer-deployment").inputs().toString())
                            .contains("name=pg-migrations");
                } else {
                    assertThat(exists(stack, namespace, kind, name)).as("%s %s in: %s", kind, name, command).isTrue();
                }
                checked++;
            }
            var pod = POD_OF_STATEFULSET.matcher(command);
            while (pod.find()) {
                assertThat(exists(stack, namespace, "StatefulSet", pod.group(1))).as(command).isTrue();
                checked++;
            }
            var label = LABEL.matcher(command);
            while (label.find()) {
                var key = label.group(1);
                var value = label.group(2);
                assertThat(podTemplates(stack, namespace)).as("pods labelled %s=%s for: %s", key, value, command).anySatisfy(template ->
                        assertThat(template.inputs().toString()).contains(key + "=" + value));
                checked++;
            }
            var named = container.matcher(command);
            while (named.find()) {
                var deployment = Stacks.object(stack, "Deployment", namespace, named.group(1));
                var spec = map(deployment.input("spec.template.spec").orElseThrow());
                var names = new ArrayList<Object>();
                for (var list : List.of("containers", "initContainers")) {
                    list(spec.getOrDefault(list, List.of())).forEach(c -> names.add(map(c).get("name")));
                }
                assertThat(names).as(command).contains(named.group(2));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(atLeast);
    }
}
