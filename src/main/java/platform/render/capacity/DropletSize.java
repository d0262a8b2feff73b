package platform.render.capacity;

/**
 * A DigitalOcean Droplet size a node pool may use: what it costs a month and what Kubernetes can
 * schedule on it (allocatable CPU and memory after DOKS's system reservation).
 */
public record DropletSize(String slug, int vcpus, int memoryGb, double monthlyUsd) {
    public DropletSize {
        if (!PriceTable.ALLOCATABLE_MEMORY_GIB.containsKey(memoryGb)) {
            throw new IllegalArgumentException("DropletSize " + slug + ": no allocatable memory known for " + memoryGb + " GB nodes");
        }
    }

    /** Every vCPU counts as allocatable (DOKS publishes no CPU reservation). */
    public long allocatableCpuMillis() {
        return vcpus * 1000L;
    }

    public long allocatableMemoryBytes() {
        return (long) (PriceTable.ALLOCATABLE_MEMORY_GIB.get(memoryGb) * Quantities.GIB);
    }
}
