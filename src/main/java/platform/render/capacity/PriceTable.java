package platform.render.capacity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one price table of the cost estimate: DigitalOcean's published list prices in US dollars a
 * month, and DOKS's allocatable memory per Droplet size. Each figure names its source; change a
 * figure here (and {@link #AS_OF}) when DigitalOcean changes its prices.
 */
public final class PriceTable {
    public static final String AS_OF = "2026-11-24";
    public static final String CURRENCY = "USD";

    public static final String DROPLETS_SOURCE = "https://www.digitalocean.com/pricing/droplets (Basic and CPU-Optimized, "
            + "the list prices since July 2022; the same figures as price_monthly of the API's /v2/sizes)";
    public static final String KUBERNETES_SOURCE = "https://docs.digitalocean.com/products/kubernetes/details/pricing/ "
            + "(control plane free; high-availability control plane $40 a month; nodes at Droplet prices)";
    // The allocatable figures follow the table on DOKS's limits page (node memory 2/4/8/16/32 GB -> 1/2.5/6/13/28 GiB
    // allocatable). The stored copy of that page reachable when this was written showed its opening only, not the
    // table: check these five figures against the live page when a pool's fit is close.
    public static final String ALLOCATABLE_SOURCE = "https://docs.digitalocean.com/products/kubernetes/details/limits/ "
            + "(allocatable memory per node memory size: 2 GB -> 1 GiB, 4 GB -> 2.5 GiB, 8 GB -> 6 GiB, 16 GB -> 13 GiB, "
            + "32 GB -> 28 GiB); CPU: every vCPU counts as allocatable (DOKS publishes no CPU reservation)";
    public static final String LOAD_BALANCER_SOURCE = "https://www.digitalocean.com/pricing/load-balancer ($12 a month per node, size unit 1 by default)";
    public static final String VOLUMES_SOURCE = "https://docs.digitalocean.com/products/volumes/details/pricing/ ($0.10 per GiB a month)";
    public static final String SPACES_SOURCE = "https://docs.digitalocean.com/products/spaces/details/pricing/ "
            + "($5 a month for the subscription, 250 GiB stored and 1 TiB transfer included, any number of buckets)";
    public static final String REGISTRY_SOURCE = "https://docs.digitalocean.com/products/container-registry/details/pricing/ "
            + "(Starter $0, Basic $5, Professional $20 a month)";

    public static final double HA_CONTROL_PLANE = 40.00;
    public static final double LOAD_BALANCER_NODE = 12.00;
    public static final double VOLUME_GIB = 0.10;
    public static final double SPACES_SUBSCRIPTION = 5.00;
    public static final Map<String, Double> REGISTRY_TIERS = Map.of("starter", 0.00, "basic", 5.00, "professional", 20.00);

    /** DOKS's allocatable memory in GiB by a node's memory in GB ({@link #ALLOCATABLE_SOURCE}). */
    static final Map<Integer, Double> ALLOCATABLE_MEMORY_GIB = Map.of(2, 1.0, 4, 2.5, 8, 6.0, 16, 13.0, 32, 28.0);

    private static final Map<String, DropletSize> SIZES = List.of(
            new DropletSize("s-1vcpu-2gb", 1, 2, 12.00),
            new DropletSize("s-2vcpu-2gb", 2, 2, 18.00),
            new DropletSize("s-2vcpu-4gb", 2, 4, 24.00),
            new DropletSize("s-4vcpu-8gb", 4, 8, 48.00),
            new DropletSize("s-8vcpu-16gb", 8, 16, 96.00),
            new DropletSize("c-2", 2, 4, 42.00),
            new DropletSize("c-4", 4, 8, 84.00),
            new DropletSize("c-8", 8, 16, 168.00),
            new DropletSize("c-16", 16, 32, 336.00)
    ).stream().collect(Collectors.toUnmodifiableMap(DropletSize::slug, Function.identity()));

    private PriceTable() {
    }

    public static Optional<DropletSize> droplet(String slug) {
        return Optional.ofNullable(SIZES.get(slug));
    }

    /** Every source, for the summary's footnote. */
    public static Map<String, String> sources() {
        var sources = new java.util.LinkedHashMap<String, String>();
        sources.put("droplets", DROPLETS_SOURCE);
        sources.put("allocatable", ALLOCATABLE_SOURCE);
        sources.put("kubernetes", KUBERNETES_SOURCE);
        sources.put("loadBalancer", LOAD_BALANCER_SOURCE);
        sources.put("volumes", VOLUMES_SOURCE);
        sources.put("spaces", SPACES_SOURCE);
        sources.put("registry", REGISTRY_SOURCE);
        return sources;
    }
}
