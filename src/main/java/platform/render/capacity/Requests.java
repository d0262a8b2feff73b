package platform.render.capacity;

import java.util.List;
import java.util.Map;

/**
 * What the scheduler reserves for a pod: the containers' requests added up, or the largest init
 * container's if that is more (init containers run one at a time, before the others). A container
 * with limits but no requests gets its limits as requests, as Kubernetes does.
 */
final class Requests {
    private Requests() {
    }

    /** {cpu millicores, memory bytes} of a pod spec. */
    static long[] ofPod(Map<?, ?> podSpec) {
        var sum = new long[2];
        if (podSpec.get("containers") instanceof List<?> containers) {
            for (var container : containers) {
                if (container instanceof Map<?, ?> map) {
                    var requests = ofContainer(map.get("resources"));
                    sum[0] += requests[0];
                    sum[1] += requests[1];
                }
            }
        }
        if (podSpec.get("initContainers") instanceof List<?> inits) {
            for (var init : inits) {
                if (init instanceof Map<?, ?> map) {
                    var requests = ofContainer(map.get("resources"));
                    sum[0] = Math.max(sum[0], requests[0]);
                    sum[1] = Math.max(sum[1], requests[1]);
                }
            }
        }
        return sum;
    }

    /** {cpu millicores, memory bytes} of a container's {@code resources}. */
    static long[] ofContainer(Object resources) {
        if (!(resources instanceof Map<?, ?> map)) {
            return new long[2];
        }
        var requests = map.get("requests") instanceof Map<?, ?> given ? given : Map.of();
        var limits = map.get("limits") instanceof Map<?, ?> given ? given : Map.of();
        return new long[]{
                Quantities.millicores(requests.containsKey("cpu") ? requests.get("cpu") : limits.get("cpu")).orElse(0),
                Quantities.bytes(requests.containsKey("memory") ? requests.get("memory") : limits.get("memory")).orElse(0)};
    }
}
