package platform.render.architecture;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rendered object that runs pods (Deployment, StatefulSet, DaemonSet, CronJob, Job), with what
 * the picture needs: its pod labels (to match selectors), images, replicas, schedule and env names.
 */
record Workload(RegisteredResource object, Map<?, ?> podLabels, List<String> images, Object replicas, String schedule,
                List<String> envNames, Map<String, String> envValues) {
    /** Image names (the repository's last part) of the datastores the platform runs. */
    static final Set<String> DATASTORE_IMAGES = Set.of("postgres", "mongo", "rabbitmq", "redis", "opensearch", "mysql", "mariadb",
            "valkey", "elasticsearch", "meilisearch");

    static List<Workload> of(List<RegisteredResource> resources) {
        var workloads = new ArrayList<Workload>();
        for (var resource : resources) {
            if (!resource.isKubernetesObject()) {
                continue;
            }
            var template = switch (resource.kind()) {
                case "Deployment", "StatefulSet", "DaemonSet", "Job" -> "spec.template";
                case "CronJob" -> "spec.jobTemplate.spec.template";
                default -> null;
            };
            if (template == null) {
                continue;
            }
            var labels = resource.input(template + ".metadata.labels").orElse(Map.of()) instanceof Map<?, ?> map ? map : Map.of();
            var images = new ArrayList<String>();
            var envNames = new ArrayList<String>();
            var envValues = new java.util.TreeMap<String, String>();
            for (var list : new String[]{"containers", "initContainers"}) {
                if (resource.input(template + ".spec." + list).orElse(null) instanceof List<?> containers) {
                    for (var container : containers) {
                        if (container instanceof Map<?, ?> c) {
                            images.add(String.valueOf(c.get("image")));
                            if (c.get("env") instanceof List<?> env) {
                                for (var variable : env) {
                                    if (variable instanceof Map<?, ?> v) {
                                        envNames.add(String.valueOf(v.get("name")));
                                        if (v.get("value") instanceof String value) {
                                            envValues.put(String.valueOf(v.get("name")), value);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            workloads.add(new Workload(resource, labels, List.copyOf(images), resource.input("spec.replicas").orElse(null),
                    resource.input("spec.schedule").map(Object::toString).orElse(null), List.copyOf(envNames), Map.copyOf(envValues)));
        }
        return workloads;
    }

    String kind() {
        return object.kind();
    }

    String namespace() {
        return object.namespace();
    }

    String name() {
        return object.metadataName();
    }

    String id() {
        return Mermaid.id(kind() + "_" + namespace() + "_" + name());
    }

    /** A workload running a datastore's image (any container, not an init or job helper image of a CronJob). */
    boolean isDatastore() {
        return !kind().equals("CronJob") && !kind().equals("Job") && images.stream().anyMatch(image -> DATASTORE_IMAGES.contains(product(image)));
    }

    /** A scheduled job that writes to or reads from a bucket: its env names one. */
    boolean isBackupJob() {
        return kind().equals("CronJob") && envNames.stream().anyMatch(name -> name.toUpperCase(Locale.ROOT).contains("BUCKET"));
    }

    boolean matches(Map<?, ?> selector) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(entry -> entry.getValue().equals(podLabels.get(entry.getKey())));
    }

    /** {@code postgres} for {@code docker.io/library/postgres:16.10@sha256:...}. */
    static String product(String image) {
        var name = image.split("@")[0];
        var slash = name.lastIndexOf('/');
        var colon = name.indexOf(':', slash + 1);
        return (colon < 0 ? name.substring(slash + 1) : name.substring(slash + 1, colon)).toLowerCase(Locale.ROOT);
    }
}
