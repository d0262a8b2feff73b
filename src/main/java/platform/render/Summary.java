package platform.render;

import platform.config.ObservabilitySettings;
import platform.observability.Observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The short human summary of a render: what is there, where, which hosts and schedules, where the
 * collector ships logs, metrics and traces (the stack's {@code observability} output), what is protected.
 */
public record Summary(int resources, Map<String, Long> byType, Map<String, Long> byNamespace, List<String> hosts,
                      Map<String, String> schedules, Map<String, String> observability, List<String> protectedResources) {

    static Summary of(List<RegisteredResource> resources, Map<String, Object> outputs) {
        var byType = resources.stream().collect(Collectors.groupingBy(RegisteredResource::type, TreeMap::new, Collectors.counting()));
        var kubernetes = resources.stream().filter(RegisteredResource::isKubernetesObject).toList();
        var byNamespace = kubernetes.stream().collect(Collectors.groupingBy(RegisteredResource::namespace, TreeMap::new, Collectors.counting()));
        var hosts = new TreeSet<String>();
        kubernetes.stream().filter(r -> r.kind().equals("HTTPRoute"))
                .forEach(route -> route.input("spec.hostnames").ifPresent(list -> ((List<?>) list).forEach(h -> hosts.add(String.valueOf(h)))));
        var schedules = new TreeMap<String, String>();
        kubernetes.stream().filter(r -> r.kind().equals("CronJob")).forEach(job -> schedules.put(
                job.namespace() + "/" + job.metadataName(),
                job.input("spec.schedule").map(Object::toString).orElse("?")
                        + job.input("spec.suspend").filter(Boolean.TRUE::equals).map(s -> " (suspended)").orElse("")));
        var protectedResources = resources.stream().filter(r -> r.options().protect())
                .map(r -> r.type() + "::" + r.name()).sorted().toList();
        var observability = new TreeMap<String, String>();
        if (outputs.get(Observability.OUTPUT) instanceof Map<?, ?> signals) {
            signals.forEach((signal, where) -> observability.put(String.valueOf(signal), String.valueOf(where)));
        }
        return new Summary(resources.size(), byType, byNamespace, List.copyOf(hosts), schedules, observability, protectedResources);
    }

    String text(String stack) {
        var text = new StringBuilder("stack " + stack + ": " + resources + " resources\n");
        text.append("\nby type:\n");
        byType.forEach((type, count) -> text.append(String.format("  %4d  %s%n", count, type)));
        text.append("\nKubernetes objects by namespace:\n");
        byNamespace.forEach((namespace, count) -> text.append(String.format("  %4d  %s%n", count, namespace)));
        text.append("\nhosts:\n");
        hosts.forEach(host -> text.append("  ").append(host).append('\n'));
        text.append("\nschedules (UTC):\n");
        schedules.forEach((job, schedule) -> text.append(String.format("  %-40s %s%n", job, schedule)));
        text.append("\nobservability (where the collector ships; platform:observability):\n");
        observability.forEach((signal, where) -> text.append(String.format("  %-8s %s%n", signal, where)));
        if (observability.values().stream().allMatch(ObservabilitySettings.NOWHERE::equals)) {
            text.append("  nothing is shipped: no destination is set\n");
        }
        text.append("\nprotected:\n");
        protectedResources.forEach(name -> text.append("  ").append(name).append('\n'));
        return text.toString();
    }

    Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("resources", resources);
        json.put("byType", byType);
        json.put("byNamespace", byNamespace);
        json.put("hosts", hosts);
        json.put("schedules", schedules);
        json.put("observability", observability);
        json.put("protected", protectedResources);
        return json;
    }
}
