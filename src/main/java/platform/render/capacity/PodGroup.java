package platform.render.capacity;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pods the stack asks the scheduler for, with their CPU and memory requests: a workload's replicas,
 * a DaemonSet's pod on every node, a scheduled job's pod while it runs, an Envoy Gateway proxy
 * fleet, a Helm chart's components. Found by what the rendered objects say, so every system's
 * objects count without knowing the system.
 *
 * @param pool     the node pool its nodeSelector (or required node affinity) names; null when it names none
 * @param replicas pods of this group (per node for a DaemonSet)
 * @param cpu      one pod's CPU request, millicores
 * @param memory   one pod's memory request, bytes
 */
public record PodGroup(String source, String pool, int replicas, Kind kind, long cpu, long memory) {
    public enum Kind {
        /** Always running. */
        STEADY,
        /** One on every node of its pool. */
        PER_NODE,
        /** A job's pod, running now and then. */
        TRANSIENT
    }

    public long totalCpu() {
        return cpu * replicas;
    }

    public long totalMemory() {
        return memory * replicas;
    }

    public static List<PodGroup> of(List<RegisteredResource> resources) {
        var groups = new ArrayList<PodGroup>();
        for (var resource : resources) {
            if (resource.type().startsWith("kubernetes:helm.sh/")) {
                HelmValues.pods(resource, groups);
                continue;
            }
            if (!resource.isKubernetesObject()) {
                continue;
            }
            var source = resource.kind() + " " + resource.namespace() + "/" + resource.metadataName();
            switch (resource.kind()) {
                case "Deployment", "StatefulSet", "ReplicaSet" -> add(groups, source, resource.input("spec.template.spec"),
                        count(resource.input("spec.replicas").orElse(1)), Kind.STEADY);
                case "DaemonSet" -> add(groups, source, resource.input("spec.template.spec"), 1, Kind.PER_NODE);
                case "Pod" -> add(groups, source, resource.input("spec"), 1, Kind.STEADY);
                case "Job" -> add(groups, source, resource.input("spec.template.spec"),
                        count(resource.input("spec.parallelism").orElse(1)), Kind.TRANSIENT);
                case "CronJob" -> add(groups, source, resource.input("spec.jobTemplate.spec.template.spec"),
                        count(resource.input("spec.jobTemplate.spec.parallelism").orElse(1)), Kind.TRANSIENT);
                case "EnvoyProxy" -> envoyFleet(groups, source, resource);
                default -> {
                }
            }
        }
        return List.copyOf(groups);
    }

    /** Envoy Gateway runs one proxy Deployment per Gateway from its EnvoyProxy settings. */
    private static void envoyFleet(List<PodGroup> groups, String source, RegisteredResource proxy) {
        var deployment = proxy.input("spec.provider.kubernetes.envoyDeployment");
        if (deployment.orElse(null) instanceof Map<?, ?> settings) {
            var resources = settings.get("container") instanceof Map<?, ?> container ? container.get("resources") : null;
            var pod = settings.get("pod") instanceof Map<?, ?> podSettings ? podSettings : Map.of();
            var requests = Requests.ofContainer(resources);
            groups.add(new PodGroup(source + " (proxies)", poolOf(pod), count(settings.get("replicas") == null ? 1 : settings.get("replicas")),
                    Kind.STEADY, requests[0], requests[1]));
        }
    }

    private static void add(List<PodGroup> groups, String source, java.util.Optional<Object> podSpec, int replicas, Kind kind) {
        if (podSpec.orElse(null) instanceof Map<?, ?> spec) {
            var requests = Requests.ofPod(spec);
            groups.add(new PodGroup(source, poolOf(spec), replicas, kind, requests[0], requests[1]));
        }
    }

    /** The pool a pod spec pins itself to with DOKS's pool label. */
    static String poolOf(Map<?, ?> podSpec) {
        if (podSpec.get("nodeSelector") instanceof Map<?, ?> selector && selector.get(NodePool.POOL_LABEL) != null) {
            return String.valueOf(selector.get(NodePool.POOL_LABEL));
        }
        if (podSpec.get("affinity") instanceof Map<?, ?> affinity && affinity.get("nodeAffinity") instanceof Map<?, ?> node
                && node.get("requiredDuringSchedulingIgnoredDuringExecution") instanceof Map<?, ?> required
                && required.get("nodeSelectorTerms") instanceof List<?> terms) {
            for (var term : terms) {
                if (term instanceof Map<?, ?> map && map.get("matchExpressions") instanceof List<?> expressions) {
                    for (var expression : expressions) {
                        if (expression instanceof Map<?, ?> match && NodePool.POOL_LABEL.equals(match.get("key"))
                                && "In".equals(match.get("operator")) && match.get("values") instanceof List<?> values && !values.isEmpty()) {
                            return String.valueOf(values.get(0));
                        }
                    }
                }
            }
        }
        return null;
    }

    private static int count(Object value) {
        return value instanceof Number number ? number.intValue() : 1;
    }
}
