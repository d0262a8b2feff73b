package platform.render.capacity;

/**
 * A DigitalOcean Droplet size a node pool may use: what it costs a month and what Kubernetes can
 * schedule on it (allocatable CPU and memory after DOKS's system reservation).
 */
public record DropletSize(String slug, int vcpus, double memoryGiB, long allocatableCpuMillis, double allocatableMemoryGiB,
                          double monthlyUsd) {
    public long allocatableMemoryBytes() {
        return (long) (allocatableMemoryGiB * Quantities.GIB);
    }
}
