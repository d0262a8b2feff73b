package platform.apps;

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

/** Every object a system's runbook command in the README names exists in the prod render (dev for dev-only tools). */
class ReadmeRunbookTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final ProgramRun.Result DEV = Stacks.run("dev");
    private static final Pattern KIND_SLASH_NAME = Pattern.compile("\\b(deployment|deploy|cronjob|statefulset|job)/([a-z0-9-]+)");
    private static final Pattern GET_KIND_NAME = Pattern.compile("kubectl (?:get|describe) (configmap|secret|cronjob|pod|pvc|pv|deployment|httproute) ([a-z0-9][a-z0-9-]*)");
    private static final Pattern POD_OF_STATEFULSET = Pattern.compile("\\b(postgres|rabbitmq|mongodb|db|redis|search)-0\\b");
    private static final Pattern LABEL = Pattern.compile("-l (component|service|app\\.kubernetes\\.io/name)=([a-z0-9-]+)");

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
