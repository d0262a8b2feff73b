package platform.apps;

import org.junit.jupiter.api.Test;
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

/** Every object a runbook command in the README names (Bow-Mark's, marc's) exists in the prod render. */
class ReadmeRunbookTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final Pattern KIND_SLASH_NAME = Pattern.compile("\\b(deployment|cronjob|statefulset|job)/([a-z0-9-]+)");
    private static final Pattern GET_KIND_NAME = Pattern.compile("kubectl (?:get|describe) (configmap|secret|cronjob|pod|pvc|pv|deployment) ([a-z0-9-]+)");
    private static final Pattern POD_OF_STATEFULSET = Pattern.compile("\\b(postgres|rabbitmq)-0\\b");
    private static final Pattern LABEL = Pattern.compile("-l (component|app\\.kubernetes\\.io/name)=([a-z0-9-]+)");
    private static final Pattern CONTAINER = Pattern.compile("deployment/([a-z0-9-]+) -n [a-z0-9-]+ -c ([a-z0-9-]+)");

    /** The README's kubectl lines for {@code namespace}; marc's section also names its cluster-scoped volume. */
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

    private static boolean exists(String namespace, String kind, String name) {
        var in = kind.equals("pv") ? "cluster" : namespace;
        var fullKind = kind.equals("pv") ? "PersistentVolume" : kind.equals("pvc") ? "PersistentVolumeClaim" : kind;
        return PROD.resources().stream().anyMatch(r -> r.isKubernetesObject() && r.namespace().equals(in)
                && r.kind().equalsIgnoreCase(fullKind) && r.metadataName().equals(name));
    }

    private static List<RegisteredResource> podTemplates(String namespace) {
        return Stacks.where(PROD, r -> r.isKubernetesObject() && r.namespace().equals(namespace)
                && List.of("Deployment", "StatefulSet", "CronJob").contains(r.kind()));
    }

    @Test
    void theReadmeHasRunbookCommandsForEachSystem() throws IOException {
        assertThat(commands("bowmark")).hasSizeGreaterThan(20);
        assertThat(commands("marc")).hasSizeGreaterThan(12);
    }

    @Test
    void everyObjectTheRunbooksNameIsRendered() throws IOException {
        assertThat(checked("bowmark")).isGreaterThan(25);
        assertThat(checked("marc")).isGreaterThan(15);
    }

    private static int checked(String namespace) throws IOException {
        var checked = 0;
        for (var command : commands(namespace)) {
            var byKind = KIND_SLASH_NAME.matcher(command);
            while (byKind.find()) {
                var kind = byKind.group(1);
                var name = byKind.group(2);
                if (kind.equals("job")) {
                    continue; // jobs are created by the command itself (kubectl create job --from=cronjob/...)
                }
                assertThat(exists(namespace, kind, name)).as("%s/%s in: %s", kind, name, command).isTrue();
                checked++;
            }
            var get = GET_KIND_NAME.matcher(command);
            while (get.find()) {
                var kind = get.group(1);
                var name = get.group(2);
                if (kind.equals("pod")) {
                    assertThat(POD_OF_STATEFULSET.matcher(name).matches() || name.startsWith("backfill-")).as(command).isTrue();
                } else if (kind.equals("pvc") && namespace.equals("bowmark")) {
                    continue; // claims of StatefulSets' templates
                } else if (name.equals("pg-migrations")) {
                    // CI creates it unless platform:bowmark.migrationsDir is set; the consumers mount it by name either way.
                    assertThat(Stacks.object(PROD, "Deployment", "bowmark", "consumer-deployment").inputs().toString())
                            .contains("name=pg-migrations");
                } else {
                    assertThat(exists(namespace, kind, name)).as("%s %s in: %s", kind, name, command).isTrue();
                }
                checked++;
            }
            var pod = POD_OF_STATEFULSET.matcher(command);
            while (pod.find()) {
                assertThat(exists(namespace, "StatefulSet", pod.group(1))).as(command).isTrue();
                checked++;
            }
            var label = LABEL.matcher(command);
            while (label.find()) {
                var key = label.group(1);
                var value = label.group(2);
                assertThat(podTemplates(namespace)).as("pods labelled %s=%s for: %s", key, value, command).anySatisfy(template ->
                        assertThat(template.inputs().toString()).contains(key + "=" + value));
                checked++;
            }
            var container = CONTAINER.matcher(command);
            while (container.find()) {
                var deployment = Stacks.object(PROD, "Deployment", namespace, container.group(1));
                var spec = map(deployment.input("spec.template.spec").orElseThrow());
                var names = new ArrayList<Object>();
                for (var list : List.of("containers", "initContainers")) {
                    list(spec.getOrDefault(list, List.of())).forEach(c -> names.add(map(c).get("name")));
                }
                assertThat(names).as(command).contains(container.group(2));
                checked++;
            }
        }
        return checked;
    }
}
