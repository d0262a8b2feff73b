package platform.edge;

import java.util.Set;

/**
 * A Service port a route sends traffic to. Built from what the Service exposes, so a route can
 * only name a port that exists.
 */
public record Backend(String service, int port) {

    public static Backend of(String service, Set<Integer> exposedPorts, int port) {
        if (!exposedPorts.contains(port)) {
            throw new IllegalArgumentException("route backend " + service + ":" + port + " is not a port the Service exposes " + exposedPorts);
        }
        return new Backend(service, port);
    }
}
