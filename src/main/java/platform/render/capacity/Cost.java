package platform.render.capacity;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's estimated monthly bill from what it creates, priced by {@link PriceTable}: node pools
 * at min and at max nodes, the HA control plane, a load balancer per Gateway (Envoy Gateway gives
 * each its own LoadBalancer Service) and per LoadBalancer Service, block-storage volumes from the
 * claim templates and claims, the Spaces subscription, the registry tier. Transfer beyond the
 * included allowances and Spaces storage beyond 250 GiB are usage, not known here.
 */
public record Cost(List<Line> lines, List<String> unknown, boolean cloud) {
    /** One priced item: what it is, how many, and its monthly cost at min and at max nodes. */
    public record Line(String item, String detail, double atMin, double atMax) {
    }

    public double totalAtMin() {
        return lines.stream().mapToDouble(Line::atMin).sum();
    }

    public double totalAtMax() {
        return lines.stream().mapToDouble(Line::atMax).sum();
    }

    public static Cost of(List<RegisteredResource> resources) {
        var lines = new ArrayList<Line>();
        var unknown = new ArrayList<String>();
        var cloud = resources.stream().anyMatch(r -> r.type().equals(NodePool.CLUSTER_TYPE));
        for (var pool : NodePool.of(resources)) {
            var size = PriceTable.droplet(pool.size());
            if (size.isEmpty()) {
                unknown.add("node pool " + pool.name() + ": size " + pool.size() + " has no price in PriceTable");
                continue;
            }
            var price = size.get().monthlyUsd();
            lines.add(new Line("node pool " + pool.name(), pool.size() + " $" + money(price) + " x " + pool.minNodes() + "-" + pool.maxNodes()
                    + " nodes", price * pool.minNodes(), price * pool.maxNodes()));
        }
        for (var resource : resources) {
            if (resource.type().equals(NodePool.CLUSTER_TYPE) && Boolean.TRUE.equals(resource.input("ha").orElse(false))) {
                lines.add(new Line("HA control plane", resource.input("name").map(Object::toString).orElse(resource.name()),
                        PriceTable.HA_CONTROL_PLANE, PriceTable.HA_CONTROL_PLANE));
            }
            if (resource.type().equals("digitalocean:index/containerRegistry:ContainerRegistry")) {
                var tier = String.valueOf(resource.input("subscriptionTierSlug").orElse("?"));
                var price = PriceTable.REGISTRY_TIERS.get(tier);
                if (price == null) {
                    unknown.add("container registry tier " + tier + " has no price in PriceTable");
                } else {
                    lines.add(new Line("container registry", tier + " tier", price, price));
                }
            }
        }
        if (cloud) {
            loadBalancers(resources, lines);
            volumes(resources, lines);
        }
        var buckets = resources.stream().filter(r -> r.type().equals("digitalocean:index/spacesBucket:SpacesBucket")).count();
        if (buckets > 0) {
            lines.add(new Line("Spaces subscription", buckets + " bucket" + (buckets == 1 ? "" : "s") + ", 250 GiB included",
                    PriceTable.SPACES_SUBSCRIPTION, PriceTable.SPACES_SUBSCRIPTION));
        }
        return new Cost(List.copyOf(lines), List.copyOf(unknown), cloud);
    }

    private static void loadBalancers(List<RegisteredResource> resources, List<Line> lines) {
        var units = 0;
        var names = new ArrayList<String>();
        for (var resource : resources) {
            if (!resource.isKubernetesObject()) {
                continue;
            }
            if (resource.kind().equals("Gateway") || (resource.kind().equals("Service")
                    && "LoadBalancer".equals(resource.input("spec.type").orElse(null)))) {
                units += 1;
                names.add(resource.kind() + " " + resource.namespace() + "/" + resource.metadataName());
            }
        }
        // A size-unit annotation on the proxies' Service (EnvoyProxy) scales every Gateway's balancer.
        for (var resource : resources) {
            if (resource.isKubernetesObject() && resource.kind().equals("EnvoyProxy")
                    && resource.input("spec.provider.kubernetes.envoyService.annotations").orElse(null) instanceof Map<?, ?> annotations
                    && annotations.get("service.beta.kubernetes.io/do-loadbalancer-size-unit") != null) {
                units = units * Integer.parseInt(String.valueOf(annotations.get("service.beta.kubernetes.io/do-loadbalancer-size-unit")));
            }
        }
        if (units > 0) {
            var cost = units * PriceTable.LOAD_BALANCER_NODE;
            lines.add(new Line("load balancer", String.join(", ", names) + " (" + units + " node" + (units == 1 ? "" : "s") + ")", cost, cost));
        }
    }

    private static void volumes(List<RegisteredResource> resources, List<Line> lines) {
        long bytes = 0;
        var claims = 0;
        for (var resource : resources) {
            if (!resource.isKubernetesObject()) {
                continue;
            }
            if (resource.kind().equals("StatefulSet") && resource.input("spec.volumeClaimTemplates").orElse(null) instanceof List<?> templates) {
                var replicas = resource.input("spec.replicas").orElse(1) instanceof Number number ? number.intValue() : 1;
                for (var template : templates) {
                    if (template instanceof Map<?, ?> claim && claim.get("spec") instanceof Map<?, ?> spec) {
                        bytes += storage(spec) * replicas;
                        claims += replicas;
                    }
                }
            } else if (resource.kind().equals("PersistentVolumeClaim") && resource.input("spec").orElse(null) instanceof Map<?, ?> spec) {
                bytes += storage(spec);
                claims += 1;
            }
        }
        if (claims > 0) {
            var gib = Math.ceil(bytes / (double) Quantities.GIB);
            var cost = gib * PriceTable.VOLUME_GIB;
            lines.add(new Line("block storage", claims + " volume" + (claims == 1 ? "" : "s") + ", " + (long) gib + " GiB", cost, cost));
        }
    }

    private static long storage(Map<?, ?> claimSpec) {
        if (claimSpec.get("resources") instanceof Map<?, ?> resources && resources.get("requests") instanceof Map<?, ?> requests) {
            return Quantities.bytes(requests.get("storage")).orElse(0);
        }
        return 0;
    }

    static String money(double amount) {
        return String.format(java.util.Locale.ROOT, "%.2f", amount);
    }

    /** For summary.json. */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("currency", PriceTable.CURRENCY);
        json.put("pricesAsOf", PriceTable.AS_OF);
        json.put("monthlyAtMinNodes", round(totalAtMin()));
        json.put("monthlyAtMaxNodes", round(totalAtMax()));
        var items = new ArrayList<Map<String, Object>>();
        for (var line : lines) {
            var item = new LinkedHashMap<String, Object>();
            item.put("item", line.item());
            item.put("detail", line.detail());
            item.put("monthlyAtMinNodes", round(line.atMin()));
            item.put("monthlyAtMaxNodes", round(line.atMax()));
            items.add(item);
        }
        json.put("items", items);
        json.put("notPriced", unknown);
        json.put("sources", PriceTable.sources());
        return json;
    }

    private static double round(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
