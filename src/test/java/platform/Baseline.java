package platform;

import platform.render.RegisteredResource;
import platform.render.Secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static platform.Stacks.list;
import static platform.Stacks.map;

/**
 * The baseline of {@code ../shared/design/baseline.md}, checked over registered objects. Each
 * violation names the object and the rule. Exceptions are known here by workload name, each with
 * the reason written next to the workload.
 */
public final class Baseline {
    /** Workloads allowed a writable root filesystem: {@code namespace/name}. */
    public static final Set<String> WRITABLE_ROOT = Set.of("demo/opensearch", "project88/search");
    /** Workloads that call the Kubernetes API and so mount a service account token. */
    public static final Set<String> API_CALLERS = Set.of("bowmark/nightly-worker-restart",
            // Helm releases, checked through their values (ObservabilityTest): the collector discovers pods and nodes,
            // tails logs and reads PrometheusRules; kube-state-metrics lists the cluster's objects.
            "observability/alloy", "observability/kube-state-metrics");

    private static final List<String> RECOMMENDED_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
            "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by");
    private static final Set<Long> DATASTORE_PORTS = Set.of(5432L, 5672L, 15672L, 6379L, 27017L, 9200L);

    private Baseline() {
    }

    public static List<String> violations(Collection<RegisteredResource> resources, boolean production) {
        var problems = new ArrayList<String>();
        var objects = resources.stream().filter(RegisteredResource::isKubernetesObject).toList();
        for (var object : objects) {
            var id = object.kind() + " " + object.namespace() + "/" + object.metadataName();
            var labels = object.input("metadata.labels").map(Stacks::map).orElse(Map.of());
            for (var label : RECOMMENDED_LABELS) {
                if (!labels.containsKey(label)) {
                    problems.add(id + ": missing label " + label);
                }
            }
            if (containsSecret(object.input("metadata").orElse(null))) {
                problems.add(id + ": a secret value in metadata (labels or annotations)");
            }
            switch (object.kind()) {
                case "Deployment", "StatefulSet", "Job" -> checkPod(problems, id, object, "spec.template.spec", !object.kind().equals("Job"));
                case "CronJob" -> {
                    checkPod(problems, id, object, "spec.jobTemplate.spec.template.spec", false);
                    checkCronJob(problems, id, object);
                }
                case "Service" -> {
                    var type = object.input("spec.type").map(Object::toString).orElse("ClusterIP");
                    if (type.equals("NodePort") || type.equals("LoadBalancer")) {
                        problems.add(id + ": Service of type " + type);
                    }
                }
                case "ConfigMap" -> {
                    if (containsSecret(object.input("data").orElse(null))) {
                        problems.add(id + ": a secret value in a ConfigMap");
                    }
                }
                default -> { }
            }
            if (object.kind().equals("HTTPRoute")) {
                for (var rule : object.input("spec.rules").map(Stacks::list).orElse(List.of())) {
                    for (var backend : list(map(rule).getOrDefault("backendRefs", List.of()))) {
                        if (DATASTORE_PORTS.contains(map(backend).get("port"))) {
                            problems.add(id + ": routes a datastore port " + map(backend).get("port"));
                        }
                    }
                }
            }
            if (object.kind().equals("StatefulSet")) {
                checkStatefulSet(problems, id, object, production);
            }
            if (object.kind().equals("Deployment")) {
                var replicas = (Long) object.input("spec.replicas").orElse(1L);
                if (replicas > 1) {
                    var spread = object.input("spec.template.spec.topologySpreadConstraints").isPresent()
                            || object.input("spec.template.spec.affinity.podAntiAffinity").isPresent();
                    if (!spread) {
                        problems.add(id + ": " + replicas + " replicas without topology spread or anti-affinity");
                    }
                    var hasBudget = objects.stream().anyMatch(other -> other.kind().equals("PodDisruptionBudget")
                            && other.namespace().equals(object.namespace())
                            && other.input("spec.selector.matchLabels").equals(object.input("spec.selector.matchLabels")));
                    if (!hasBudget) {
                        problems.add(id + ": " + replicas + " replicas without a PodDisruptionBudget");
                    }
                }
            }
        }
        return problems;
    }

    private static void checkPod(List<String> problems, String id, RegisteredResource object, String podPath, boolean longRunning) {
        var pod = object.input(podPath).map(Stacks::map).orElse(Map.of());
        var workload = object.namespace() + "/" + object.metadataName();
        var podSecurity = map(pod.getOrDefault("securityContext", Map.of()));
        if (!API_CALLERS.contains(workload) && !Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
            problems.add(id + ": automountServiceAccountToken is not false");
        }
        if (containsSecret(pod)) {
            problems.add(id + ": a secret value in the pod spec (secrets must come through secretKeyRef or volumes)");
        }
        var containers = new ArrayList<Object>(list(pod.getOrDefault("containers", List.of())));
        var initContainers = list(pod.getOrDefault("initContainers", List.of()));
        containers.addAll(initContainers);
        if (containers.isEmpty()) {
            problems.add(id + ": no containers");
        }
        for (var raw : containers) {
            var container = map(raw);
            var where = id + " container " + container.get("name");
            var security = map(container.getOrDefault("securityContext", Map.of()));
            var resources = map(container.getOrDefault("resources", Map.of()));
            var requests = map(resources.getOrDefault("requests", Map.of()));
            var limits = map(resources.getOrDefault("limits", Map.of()));
            if (!requests.containsKey("cpu") || !requests.containsKey("memory") || !limits.containsKey("memory")) {
                problems.add(where + ": needs requests.cpu, requests.memory and limits.memory");
            }
            if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                problems.add(where + ": allowPrivilegeEscalation is not false");
            }
            if (Boolean.TRUE.equals(security.get("privileged"))) {
                problems.add(where + ": privileged");
            }
            var capabilities = map(security.getOrDefault("capabilities", Map.of()));
            if (!list(capabilities.getOrDefault("drop", List.of())).contains("ALL")) {
                problems.add(where + ": capabilities do not drop ALL");
            }
            var seccomp = map(security.getOrDefault("seccompProfile", podSecurity.getOrDefault("seccompProfile", Map.of())));
            if (!"RuntimeDefault".equals(seccomp.get("type"))) {
                problems.add(where + ": seccompProfile is not RuntimeDefault");
            }
            var nonRoot = security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot"));
            var user = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
            if (!Boolean.TRUE.equals(nonRoot) || user == null || ((Long) user) == 0L) {
                problems.add(where + ": must run as non-root with an explicit non-zero runAsUser");
            }
            if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem")) && !WRITABLE_ROOT.contains(workload)) {
                problems.add(where + ": readOnlyRootFilesystem is not true");
            }
            var image = String.valueOf(container.get("image"));
            var tag = image.contains("@sha256:") ? "digest" : image.substring(image.lastIndexOf('/') + 1).contains(":")
                    ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (tag.isEmpty() || tag.equals("latest")) {
                problems.add(where + ": image " + image + " has no pinned tag");
            }
            var isInit = initContainers.contains(raw);
            if (longRunning && !isInit) {
                if (!container.containsKey("readinessProbe") || !container.containsKey("livenessProbe")) {
                    problems.add(where + ": long-running container without readiness and liveness probes");
                }
                var declared = list(container.getOrDefault("ports", List.of())).stream().map(p -> map(p).get("containerPort")).toList();
                for (var probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    var spec = map(container.getOrDefault(probe, Map.of()));
                    for (var action : List.of("httpGet", "tcpSocket")) {
                        if (spec.containsKey(action) && !declared.contains(map(spec.get(action)).get("port"))) {
                            problems.add(where + ": " + probe + " targets port " + map(spec.get(action)).get("port") + " it does not declare");
                        }
                    }
                }
            }
        }
    }

    private static void checkCronJob(List<String> problems, String id, RegisteredResource job) {
        if (!"Forbid".equals(job.input("spec.concurrencyPolicy").orElse(null))) {
            problems.add(id + ": concurrencyPolicy is not Forbid");
        }
        if (job.input("spec.successfulJobsHistoryLimit").isEmpty() || job.input("spec.failedJobsHistoryLimit").isEmpty()) {
            problems.add(id + ": history limits are not set");
        }
        if (job.input("spec.startingDeadlineSeconds").isEmpty()) {
            problems.add(id + ": startingDeadlineSeconds is not set");
        }
        if (job.input("spec.jobTemplate.spec.ttlSecondsAfterFinished").isPresent()) {
            problems.add(id + ": ttlSecondsAfterFinished hides the last result");
        }
    }

    private static void checkStatefulSet(List<String> problems, String id, RegisteredResource set, boolean production) {
        var claims = set.input("spec.volumeClaimTemplates").map(Stacks::list).orElse(List.of());
        if (claims.isEmpty()) {
            return;
        }
        for (var claim : claims) {
            var storageClass = map(map(claim).get("spec")).get("storageClassName");
            if (!"do-block-storage-retain".equals(storageClass)) {
                problems.add(id + ": claim on storage class " + storageClass + ", expected do-block-storage-retain");
            }
        }
        var retention = set.input("spec.persistentVolumeClaimRetentionPolicy").map(Stacks::map).orElse(Map.of());
        if (!"Retain".equals(retention.get("whenDeleted")) || !"Retain".equals(retention.get("whenScaled"))) {
            problems.add(id + ": PVCs are not retained on delete and scale-down");
        }
        if (production && !set.options().protect()) {
            problems.add(id + ": holds data but is not protected in production");
        }
        if (!set.options().ignoreChanges().contains("spec.volumeClaimTemplates")) {
            problems.add(id + ": a claim template change would replace the StatefulSet");
        }
    }

    static boolean containsSecret(Object value) {
        if (value instanceof Secret) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Baseline::containsSecret);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(Baseline::containsSecret);
        }
        return false;
    }
}
