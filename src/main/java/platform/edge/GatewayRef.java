package platform.edge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared Gateway as routes see it: where it is, and which HTTPS listener serves which host.
 * Routes attach to the listeners of their hosts only.
 */
public record GatewayRef(String name, String namespace, Map<String, String> httpsListeners) {
    public static final String HTTP_LISTENER = "http";

    public GatewayRef {
        // Ordered as configured: the listeners become a list, and a reordered list would read as a change.
        httpsListeners = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(httpsListeners));
    }

    public static GatewayRef of(String name, String namespace, List<String> hosts) {
        var listeners = new LinkedHashMap<String, String>();
        hosts.forEach(host -> listeners.put(host, "https-" + host.replace('.', '-')));
        return new GatewayRef(name, namespace, listeners);
    }

    public boolean serves(String host) {
        return httpsListeners.containsKey(host);
    }

    /** The Secret cert-manager writes the host's certificate into. */
    public static String certificateSecret(String host) {
        return host.replace('.', '-') + "-tls";
    }

    Map<String, Object> parentRef(String sectionName) {
        return Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", name,
                "namespace", namespace, "sectionName", sectionName);
    }
}
