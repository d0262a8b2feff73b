package platform.render.diff;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which changes replace a resource instead of updating it: a Kubernetes object's name, namespace or
 * kind, and the fields Kubernetes or the cloud provider cannot change in place (a StatefulSet's
 * selector, serviceName, claim templates, podManagementPolicy; a cluster's region or VPC; a node
 * pool's size; a bucket's name or region; any input of a RandomPassword). Fields the program puts in
 * {@code ignoreChanges} are not applied at all, so they replace nothing.
 */
final class Replacement {
    private static final Map<String, List<String>> IMMUTABLE = Map.ofEntries(
            Map.entry("kubernetes:apps/v1:StatefulSet", List.of("spec.selector", "spec.serviceName", "spec.volumeClaimTemplates", "spec.podManagementPolicy")),
            Map.entry("kubernetes:apps/v1:Deployment", List.of("spec.selector")),
            Map.entry("kubernetes:apps/v1:DaemonSet", List.of("spec.selector")),
            Map.entry("kubernetes:batch/v1:Job", List.of("spec.selector", "spec.template")),
            Map.entry("kubernetes:core/v1:Service", List.of("spec.clusterIP")),
            Map.entry("kubernetes:core/v1:PersistentVolumeClaim", List.of("spec.accessModes", "spec.storageClassName", "spec.selector", "spec.volumeName")),
            Map.entry("kubernetes:core/v1:PersistentVolume", List.of("spec.capacity", "spec.accessModes", "spec.storageClassName")),
            Map.entry("digitalocean:index/kubernetesCluster:KubernetesCluster", List.of("region", "vpcUuid", "clusterSubnet", "serviceSubnet", "nodePool.size")),
            Map.entry("digitalocean:index/kubernetesNodePool:KubernetesNodePool", List.of("clusterId", "size")),
            Map.entry("digitalocean:index/vpc:Vpc", List.of("region", "ipRange")),
            Map.entry("digitalocean:index/spacesBucket:SpacesBucket", List.of("name", "region")),
            Map.entry("digitalocean:index/containerRegistry:ContainerRegistry", List.of("name", "region")));

    private Replacement() {
    }

    /** The fields whose change replaces the resource, or null when it is updated in place. */
    static String of(Map<String, Object> before, Map<String, Object> after) {
        var type = String.valueOf(after.get("type"));
        var a = before.get("inputs") instanceof Map<?, ?> map ? map : Map.of();
        var b = after.get("inputs") instanceof Map<?, ?> map ? map : Map.of();
        if (type.startsWith("random:")) {
            return Objects.equals(a, b) ? null : "any input (a new value is generated)";
        }
        var fields = new java.util.ArrayList<String>();
        if (type.startsWith("kubernetes:")) {
            for (var path : List.of("kind", "apiVersion", "metadata.name", "metadata.namespace")) {
                if (!Objects.equals(at(a, path), at(b, path))) {
                    fields.add(path);
                }
            }
        }
        var ignored = ignored(after);
        for (var path : IMMUTABLE.getOrDefault(type, List.of())) {
            if (!Objects.equals(at(a, path), at(b, path)) && ignored.stream().noneMatch(path::startsWith)) {
                fields.add(path);
            }
        }
        return fields.isEmpty() ? null : String.join(", ", fields);
    }

    static List<String> ignored(Map<String, Object> resource) {
        if (resource.get("options") instanceof Map<?, ?> options && options.get("ignoreChanges") instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    static Object at(Map<?, ?> map, String path) {
        Object current = map;
        for (var part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }
}
