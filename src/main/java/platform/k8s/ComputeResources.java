package platform.k8s;

import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CPU and memory a container asks for. Memory is limited (a leak restarts one pod instead of
 * starving a node); CPU is not by default, so a busy pod may use idle cores. A seed that caps CPU
 * (Project 88's web: 0.5 CPU, so a noisy web process cannot starve the database) sets
 * {@link #withCpuLimit(String)}.
 *
 * @param cpuLimit absent: no CPU limit
 */
public record ComputeResources(String cpuRequest, String memoryRequest, String memoryLimit, Optional<String> cpuLimit) {
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
        Objects.requireNonNull(cpuLimit, "cpuLimit");
        cpuLimit.ifPresent(limit -> {
            if (!CPU.matcher(limit).matches()) {
                throw new IllegalArgumentException("cpuLimit must be cores or millicores (500m), got " + limit);
            }
            if (millicores(limit) < millicores(cpuRequest)) {
                throw new IllegalArgumentException("cpuLimit " + limit + " is below cpuRequest " + cpuRequest);
            }
        });
    }

    /** Without a CPU limit. */
    public ComputeResources(String cpuRequest, String memoryRequest, String memoryLimit) {
        this(cpuRequest, memoryRequest, memoryLimit, Optional.empty());
    }

    /** The same requests and memory limit, with CPU capped at {@code limit} (cores or millicores). */
    public ComputeResources withCpuLimit(String limit) {
        return new ComputeResources(cpuRequest, memoryRequest, memoryLimit, Optional.of(limit));
    }

    public ResourceRequirementsArgs toArgs() {
        var limits = new LinkedHashMap<String, String>();
        cpuLimit.ifPresent(limit -> limits.put("cpu", limit));
        limits.put("memory", memoryLimit);
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpuRequest, "memory", memoryRequest))
                .limits(limits)
                .build();
    }

    /** The same, as a Helm chart's {@code resources} value (the charts pass it to their containers unchanged). */
    public Map<String, Object> toHelmValues() {
        var limits = new LinkedHashMap<String, Object>();
        cpuLimit.ifPresent(limit -> limits.put("cpu", limit));
        limits.put("memory", memoryLimit);
        return Map.of("requests", Map.of("cpu", cpuRequest, "memory", memoryRequest), "limits", limits);
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

    static long millicores(String quantity) {
        return quantity.endsWith("m")
                ? Long.parseLong(quantity.substring(0, quantity.length() - 1))
                : Math.round(Double.parseDouble(quantity) * 1000);
    }
}
