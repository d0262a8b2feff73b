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

/** Every object a system's runbook command in the README names exists in the prod render, in that system's namespace. */
class ReadmeRunbookTest {
    private static final ProgramRun.Result PROD = Stacks.run("prod");
    private static final Pattern KIND_SLASH_NAME = Pattern.compile("\\b(deployment|deploy|cronjob|statefulset|job)/([a-z0-9-]+)");
    private static final Pattern GET_KIND_NAME = Pattern.compile("kubectl (?:get|describe) (configmap|secret|cronjob|pod|pvc) ([a-z0-9-]+)");
    private static final Pattern POD_OF_STATEFULSET = Pattern.compile("\\b(postgres|rabbitmq)-0\\b");
    private static final Pattern LABEL = Pattern.compile("-l (component|app\\.kubernetes\\.io/name)=([a-z0-9-]+)");
    private static final Pattern CONTAINER = Pattern.compile("deployment/([a-z0-9-]+) -n [a-z0-9-]+ -c ([a-z0-9-]+)");

    private static List<String> commands(String namespace) throws IOException {
        var readme = Files.readString(Stacks.projectRoot().resolve("README.md"));
        var commands = new ArrayList<String>();
        for (var line : readme.split("\n")) {
            if (line.contains("kubectl") && line.contains("-n " + namespace)) {
                commands.add(line);
            }
        }
        return commands;
    }

    private static boolean exists(String namespace, String kind, String name) {
        return PROD.resources().stream().anyMatch(r -> r.isKubernetesObject() && r.namespace().equals(namespace)
                && r.kind().equalsIgnoreCase(kind) && r.metadataName().equals(name));
    }

    private static List<RegisteredResource> podTemplates(String namespace) {
        return Stacks.where(PROD, r -> r.isKubernetesObject() && r.namespace().equals(namespace)
                && List.of("Deployment", "StatefulSet", "CronJob", "Job").contains(r.kind()));
    }

    @ParameterizedTest
    @CsvSource({"bowmark, 20", "srq-hpn, 20"})
    void theReadmeHasEachSystemsRunbookCommands(String namespace, int atLeast) throws IOException {
        assertThat(commands(namespace)).hasSizeGreaterThan(atLeast);
    }

    @ParameterizedTest
    @CsvSource({"bowmark, 25", "srq-hpn, 20"})
    void everyObjectTheRunbooksNameIsRendered(String namespace, int atLeast) throws IOException {
        var checked = 0;
        for (var command : commands(namespace)) {
            var byKind = KIND_SLASH_NAME.matcher(command);
            while (byKind.find()) {
                var kind = byKind.group(1).equals("deploy") ? "deployment" : byKind.group(1);
                var name = byKind.group(2);
                if (kind.equals("job")) {
                    continue; // jobs are created by the command itself (kubectl create job --from=cronjob/...) or named per image
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
                } else if (kind.equals("pvc")) {
                    continue;
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
        assertThat(checked).isGreaterThan(atLeast);
    }
}
