package platform.render;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The short human summary of a render: what is there, where, which hosts and schedules. */
final class Summary {
    private Summary() {
    }

    static String of(String stack, List<RegisteredResource> resources) {
        var text = new StringBuilder("stack " + stack + ": " + resources.size() + " resources\n");

        text.append("\nby type:\n");
        resources.stream().collect(Collectors.groupingBy(RegisteredResource::type, TreeMap::new, Collectors.counting()))
                .forEach((type, count) -> text.append(String.format("  %4d  %s%n", count, type)));

        var kubernetes = resources.stream().filter(RegisteredResource::isKubernetesObject).toList();
        text.append("\nKubernetes objects by namespace:\n");
        kubernetes.stream().collect(Collectors.groupingBy(RegisteredResource::namespace, TreeMap::new, Collectors.counting()))
                .forEach((namespace, count) -> text.append(String.format("  %4d  %s%n", count, namespace)));

        var hosts = new TreeSet<String>();
        kubernetes.stream().filter(r -> r.kind().equals("HTTPRoute"))
                .forEach(route -> route.input("spec.hostnames").ifPresent(list -> ((List<?>) list).forEach(h -> hosts.add(String.valueOf(h)))));
        text.append("\nhosts:\n");
        hosts.forEach(host -> text.append("  ").append(host).append('\n'));

        var schedules = new TreeMap<String, String>();
        kubernetes.stream().filter(r -> r.kind().equals("CronJob")).forEach(job -> schedules.put(
                job.namespace() + "/" + job.metadataName(),
                job.input("spec.schedule").map(Object::toString).orElse("?")
                        + job.input("spec.suspend").filter(Boolean.TRUE::equals).map(s -> " (suspended)").orElse("")));
        text.append("\nschedules (UTC):\n");
        schedules.forEach((job, schedule) -> text.append(String.format("  %-40s %s%n", job, schedule)));

        var protectedResources = resources.stream().filter(r -> r.options().protect())
                .map(r -> r.type() + "::" + r.name()).sorted().toList();
        text.append("\nprotected:\n");
        protectedResources.forEach(name -> text.append("  ").append(name).append('\n'));
        return text.toString();
    }
}
