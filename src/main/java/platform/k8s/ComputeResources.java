package platform.k8s;

import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU and memory a container asks for. Memory is limited (a leak restarts one pod instead of
 * starving a node); CPU is not, so a busy pod may use idle cores.
 */
public record ComputeResources(String cpuRequest, String memoryRequest, String memoryLimit) {
    private static final Pattern CPU = Pattern.compile("\\d+m|\\d+(\\.\\d+)?");
    private static final Pattern MEMORY = Pattern.compile("\\d+(Ki|Mi|Gi)");

    public static final ComputeResources TINY = new ComputeResources("10m", "32Mi", "64Mi");
    public static final ComputeResources SMALL = new ComputeResources("50m", "128Mi", "256Mi");
    public static final ComputeResources MEDIUM = new ComputeResources("100m", "256Mi", "512Mi");
    public static final ComputeResources LARGE = new ComputeResources("250m", "512Mi", "1Gi");

    public ComputeResources {
        if (!CPU.matcher(cpuRequest).matches()) {
            throw new IllegalArgumentException("cpuRequest must be cores or millicores (250m), got " + cpuRequest);
        }
        if (!MEMORY.matcher(memoryRequest).matches() || !MEMORY.matcher(memoryLimit).matches()) {
            throw new IllegalArgumentException("memory must be a quantity in Ki, Mi or Gi, got " + memoryRequest + " / " + memoryLimit);
        }
        if (bytes(memoryLimit) < bytes(memoryRequest)) {
            throw new IllegalArgumentException("memoryLimit " + memoryLimit + " is below memoryRequest " + memoryRequest);
        }
    }

    public ResourceRequirementsArgs toArgs() {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpuRequest, "memory", memoryRequest))
                .limits(Map.of("memory", memoryLimit))
                .build();
    }

    /** A memory quantity ({@code 512Mi}) in bytes. */
    public static long bytesOf(String quantity) {
        if (!MEMORY.matcher(quantity).matches()) {
            throw new IllegalArgumentException("memory must be a quantity in Ki, Mi or Gi, got " + quantity);
        }
        return bytes(quantity);
    }

    static long bytes(String quantity) {
        var number = Long.parseLong(quantity.substring(0, quantity.length() - 2));
        return switch (quantity.substring(quantity.length() - 2)) {
            case "Ki" -> number << 10;
            case "Mi" -> number << 20;
            default -> number << 30;
        };
    }
}
