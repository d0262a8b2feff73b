package platform.render.architecture;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The picture of a stack, drawn from its rendered objects only: hosts and the Gateway, routes to the
 * workloads behind their Services, workloads and datastores per namespace, which workload may reach
 * which datastore (the NetworkPolicies: a policy's podSelector picks the datastore, its ingress
 * {@code from} pod labels pick who may connect), and where the backup jobs write (the bucket).
 */
public record ArchitectureDiagram(String stack, List<Workload> workloads, List<Route> routes, List<Access> access,
                                  List<Backup> backups, List<String> buckets, Map<String, List<String>> gateways) {

    /** A host and path the Gateway routes to a workload. */
    record Route(String host, String path, String route, String service, String port, Workload target) {
    }

    /** A NetworkPolicy admitting {@code from} (a workload, or pods with labels no workload has) to a datastore. */
    record Access(Workload from, String fromLabels, Workload to, String ports, String policy) {
    }

    /** A scheduled job that moves data between a datastore and a bucket prefix. */
    record Backup(Workload job, String prefix) {
    }

    public static ArchitectureDiagram of(String stack, List<RegisteredResource> resources) {
        var workloads = Workload.of(resources);
        var buckets = new ArrayList<String>();
        for (var resource : resources) {
            if (resource.type().equals("digitalocean:index/spacesBucket:SpacesBucket")) {
                buckets.add(String.valueOf(resource.input("name").orElse(resource.name())));
            }
        }
        var backups = workloads.stream().filter(Workload::isBackupJob)
                .map(job -> new Backup(job, job.envValues().getOrDefault("PREFIX", ""))).toList();
        var gateways = new TreeMap<String, List<String>>();
        for (var resource : resources) {
            if (resource.isKubernetesObject() && resource.kind().equals("Gateway")) {
                var hosts = new ArrayList<String>();
                if (resource.input("spec.listeners").orElse(null) instanceof List<?> listeners) {
                    listeners.forEach(l -> {
                        if (l instanceof Map<?, ?> listener && listener.get("hostname") != null) {
                            hosts.add(String.valueOf(listener.get("hostname")));
                        }
                    });
                }
                gateways.put(resource.namespace() + "/" + resource.metadataName(), List.copyOf(hosts));
            }
        }
        return new ArchitectureDiagram(stack, workloads, routes(resources, workloads), access(resources, workloads), backups,
                List.copyOf(buckets), gateways);
    }

    private static List<Route> routes(List<RegisteredResource> resources, List<Workload> workloads) {
        var services = new LinkedHashMap<String, Map<?, ?>>();
        for (var resource : resources) {
            if (resource.isKubernetesObject() && resource.kind().equals("Service")
                    && resource.input("spec.selector").orElse(null) instanceof Map<?, ?> selector) {
                services.put(resource.namespace() + "/" + resource.metadataName(), selector);
            }
        }
        var routes = new ArrayList<Route>();
        for (var resource : resources) {
            if (!resource.isKubernetesObject() || !resource.kind().equals("HTTPRoute")
                    || !(resource.input("spec.rules").orElse(null) instanceof List<?> rules)) {
                continue;
            }
            var hosts = resource.input("spec.hostnames").orElse(List.of()) instanceof List<?> list ? list : List.of();
            for (var rule : rules) {
                if (!(rule instanceof Map<?, ?> r) || !(r.get("backendRefs") instanceof List<?> backends)) {
                    continue;
                }
                var paths = new ArrayList<String>();
                if (r.get("matches") instanceof List<?> matches) {
                    for (var match : matches) {
                        if (match instanceof Map<?, ?> m && m.get("path") instanceof Map<?, ?> path) {
                            paths.add(path.get("value") + ("Exact".equals(path.get("type")) ? "" : "*"));
                        }
                    }
                }
                for (var backend : backends) {
                    if (!(backend instanceof Map<?, ?> b)) {
                        continue;
                    }
                    var namespace = b.get("namespace") != null ? String.valueOf(b.get("namespace")) : resource.namespace();
                    var service = namespace + "/" + b.get("name");
                    var selector = services.getOrDefault(service, Map.of());
                    var target = workloads.stream().filter(w -> w.namespace().equals(namespace) && w.matches(selector)).findFirst().orElse(null);
                    for (var host : hosts.isEmpty() ? List.<Object>of("*") : hosts) {
                        routes.add(new Route(String.valueOf(host), String.join(" ", paths), resource.namespace() + "/" + resource.metadataName(),
                                service, String.valueOf(b.get("port")), target));
                    }
                }
            }
        }
        return routes;
    }

    private static List<Access> access(List<RegisteredResource> resources, List<Workload> workloads) {
        var access = new ArrayList<Access>();
        for (var policy : resources) {
            if (!policy.isKubernetesObject() || !policy.kind().equals("NetworkPolicy")
                    || !(policy.input("spec.podSelector.matchLabels").orElse(null) instanceof Map<?, ?> selector)
                    || !(policy.input("spec.ingress").orElse(null) instanceof List<?> ingress)) {
                continue;
            }
            var targets = workloads.stream().filter(w -> w.namespace().equals(policy.namespace()) && w.matches(selector) && w.isDatastore()).toList();
            for (var target : targets) {
                for (var rule : ingress) {
                    if (!(rule instanceof Map<?, ?> r) || !(r.get("from") instanceof List<?> peers)) {
                        continue;
                    }
                    var ports = new TreeSet<String>();
                    if (r.get("ports") instanceof List<?> list) {
                        list.forEach(port -> ports.add(port instanceof Map<?, ?> p ? String.valueOf(p.get("port")) : "?"));
                    }
                    for (var peer : peers) {
                        if (!(peer instanceof Map<?, ?> p) || p.get("namespaceSelector") != null
                                || !(p.get("podSelector") instanceof Map<?, ?> podSelector)
                                || !(podSelector.get("matchLabels") instanceof Map<?, ?> labels)) {
                            continue;
                        }
                        var sources = workloads.stream().filter(w -> w.namespace().equals(policy.namespace()) && w.matches(labels)).toList();
                        var name = policy.namespace() + "/" + policy.metadataName();
                        if (sources.isEmpty()) {
                            access.add(new Access(null, labels(labels), target, String.join(",", ports), name));
                        }
                        sources.forEach(source -> access.add(new Access(source, null, target, String.join(",", ports), name)));
                    }
                }
            }
        }
        return access;
    }

    private static String labels(Map<?, ?> labels) {
        var text = new ArrayList<String>();
        new TreeMap<>(labels).forEach((key, value) -> text.add(key + "=" + value));
        return String.join(",", text);
    }

    /** The architecture.md of the stack. */
    public String markdown() {
        var md = new StringBuilder();
        md.append("# Architecture of the ").append(stack).append(" stack\n\n")
                .append("Drawn by `./platform render ").append(stack).append("` from the objects the stack creates; do not edit: ")
                .append("`./platform architecture` refreshes the copies under `docs/architecture/`.\n\n")
                .append("Solid arrows: traffic from the internet through the Gateway and its routes. Dotted arrows: connections a ")
                .append("NetworkPolicy admits to a datastore (nothing else may connect). Thick arrows: backups to the bucket.\n\n");
        md.append("```mermaid\nflowchart LR\n");
        md.append("  internet((internet))\n");
        var hosts = new TreeSet<String>();
        routes.forEach(route -> hosts.add(route.host()));
        for (var host : hosts) {
            md.append("  ").append(Mermaid.id("host_" + host)).append("([").append(Mermaid.label(host)).append("])\n");
        }
        var served = new TreeSet<String>();
        gateways.forEach((gateway, listenerHosts) -> {
            var id = Mermaid.id("gateway_" + gateway);
            md.append("  internet --> ").append(id).append('\n');
            for (var host : listenerHosts) {
                if (hosts.contains(host)) {
                    md.append("  ").append(id).append(" --> ").append(Mermaid.id("host_" + host)).append('\n');
                    served.add(host);
                }
            }
        });
        for (var host : hosts) {
            if (!served.contains(host)) {
                md.append("  internet --> ").append(Mermaid.id("host_" + host)).append('\n');
            }
        }
        var byNamespace = new TreeMap<String, List<Workload>>();
        var drawn = new LinkedHashSet<Workload>();
        routes.stream().map(Route::target).filter(java.util.Objects::nonNull).forEach(drawn::add);
        access.forEach(a -> {
            drawn.add(a.to());
            if (a.from() != null) {
                drawn.add(a.from());
            }
        });
        backups.forEach(b -> drawn.add(b.job()));
        workloads.stream().filter(w -> !w.kind().equals("CronJob") && !w.kind().equals("Job")).forEach(drawn::add);
        drawn.forEach(w -> byNamespace.computeIfAbsent(w.namespace(), ignored -> new ArrayList<>()).add(w));
        gateways.keySet().forEach(gateway -> byNamespace.computeIfAbsent(gateway.substring(0, gateway.indexOf('/')), ignored -> new ArrayList<>()));
        var outsiders = new TreeSet<String>();
        access.stream().filter(a -> a.from() == null).forEach(a -> outsiders.add(a.to().namespace() + "|" + a.fromLabels()));
        for (var entry : byNamespace.entrySet()) {
            md.append("  subgraph ").append(Mermaid.id("ns_" + entry.getKey())).append("[").append(Mermaid.label("namespace " + entry.getKey())).append("]\n");
            for (var workload : entry.getValue().stream().sorted(java.util.Comparator.comparing(Workload::kind).thenComparing(Workload::name)).toList()) {
                md.append("    ").append(node(workload)).append('\n');
            }
            for (var gateway : gateways.keySet()) {
                if (gateway.startsWith(entry.getKey() + "/")) {
                    md.append("    ").append(Mermaid.id("gateway_" + gateway)).append("{{").append(Mermaid.label("Gateway " + gateway.substring(gateway.indexOf('/') + 1))).append("}}\n");
                }
            }
            for (var outsider : outsiders) {
                if (outsider.startsWith(entry.getKey() + "|")) {
                    var labels = outsider.substring(entry.getKey().length() + 1);
                    md.append("    ").append(Mermaid.id("pods_" + entry.getKey() + "_" + labels)).append(">").append(Mermaid.label("pods labelled " + labels)).append("]\n");
                }
            }
            md.append("  end\n");
        }
        for (var bucket : buckets) {
            md.append("  ").append(Mermaid.id("bucket_" + bucket)).append("[(").append(Mermaid.label("Spaces bucket " + bucket)).append(")]\n");
        }
        var edges = new LinkedHashSet<String>();
        for (var route : routes) {
            if (route.target() != null) {
                edges.add("  " + Mermaid.id("host_" + route.host()) + " -->|" + Mermaid.label(route.path().isEmpty() ? "*" : route.path()) + "| " + route.target().id());
            }
        }
        for (var a : access) {
            var from = a.from() != null ? a.from().id() : Mermaid.id("pods_" + a.to().namespace() + "_" + a.fromLabels());
            edges.add("  " + from + " -.->|" + Mermaid.label(a.ports()) + "| " + a.to().id());
        }
        var bucket = buckets.isEmpty() ? null : Mermaid.id("bucket_" + buckets.get(0));
        if (bucket == null && !backups.isEmpty()) {
            md.append("  external_bucket[(").append(Mermaid.label("backup bucket (from config)")).append(")]\n");
            bucket = "external_bucket";
        }
        for (var backup : backups) {
            var label = Mermaid.label(backup.prefix().isEmpty() ? "backups" : backup.prefix());
            edges.add(backup.job().name().contains("restore")
                    ? "  " + bucket + " ==>|" + label + "| " + backup.job().id()
                    : "  " + backup.job().id() + " ==>|" + label + "| " + bucket);
        }
        edges.forEach(edge -> md.append(edge).append('\n'));
        md.append("```\n");
        tables(md);
        return md.toString();
    }

    private static String node(Workload workload) {
        var text = workload.kind() + " " + workload.name() + (workload.replicas() != null ? " x" + workload.replicas() : "")
                + (workload.schedule() != null ? " (" + workload.schedule() + ")" : "");
        if (workload.isDatastore()) {
            return workload.id() + "[(" + Mermaid.label(text) + ")]";
        }
        if (workload.kind().equals("CronJob")) {
            return workload.id() + "[[" + Mermaid.label(text) + "]]";
        }
        return workload.id() + "[" + Mermaid.label(text) + "]";
    }

    private void tables(StringBuilder md) {
        md.append("\n## Routes\n\n| host | path | route | service | port | workload |\n|---|---|---|---|---|---|\n");
        routes.stream().sorted(java.util.Comparator.comparing(Route::host).thenComparing(Route::path)).forEach(route -> md.append("| ")
                .append(route.host()).append(" | ").append(route.path()).append(" | ").append(route.route()).append(" | ").append(route.service())
                .append(" | ").append(route.port()).append(" | ").append(route.target() == null ? "(no workload matches)" : route.target().kind() + " " + route.target().name())
                .append(" |\n"));
        md.append("\n## Workloads\n\n| namespace | kind | name | replicas | schedule | images |\n|---|---|---|---|---|---|\n");
        workloads.stream().sorted(java.util.Comparator.comparing(Workload::namespace).thenComparing(Workload::kind).thenComparing(Workload::name))
                .forEach(w -> md.append("| ").append(w.namespace()).append(" | ").append(w.kind()).append(w.isDatastore() ? " (datastore)" : "")
                        .append(" | ").append(w.name()).append(" | ").append(w.replicas() == null ? "" : w.replicas()).append(" | ")
                        .append(w.schedule() == null ? "" : "`" + w.schedule() + "`").append(" | ")
                        .append(String.join(", ", new LinkedHashSet<>(w.images()).stream().map(i -> "`" + i + "`").toList())).append(" |\n"));
        md.append("\n## Who may reach which datastore\n\n| datastore | ports | admitted | NetworkPolicy |\n|---|---|---|---|\n");
        access.forEach(a -> md.append("| ").append(a.to().namespace()).append("/").append(a.to().name()).append(" | ").append(a.ports())
                .append(" | ").append(a.from() != null ? a.from().kind() + " " + a.from().name() : "pods labelled `" + a.fromLabels() + "`")
                .append(" | ").append(a.policy()).append(" |\n"));
        md.append("\n## Backups\n\n");
        if (backups.isEmpty()) {
            md.append("No scheduled job writes to a bucket.\n");
            return;
        }
        md.append("Bucket: ").append(buckets.isEmpty() ? "the external S3-compatible bucket named in config" : String.join(", ", buckets))
                .append(".\n\n| job | schedule | prefix |\n|---|---|---|\n");
        backups.forEach(b -> md.append("| ").append(b.job().namespace()).append("/").append(b.job().name()).append(" | `")
                .append(b.job().schedule()).append("` | ").append(b.prefix()).append(" |\n"));
    }
}
