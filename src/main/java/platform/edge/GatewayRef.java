package platform.edge;

import platform.config.Site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared Gateway as routes see it: where it is, and which HTTPS listener serves which host
 * with which certificate. Routes attach to the listeners of their hosts only.
 *
 * @param listeners host to its HTTPS listener, in the order the systems declare them
 */
public record GatewayRef(String name, String namespace, Map<String, Listener> listeners) {
    public static final String HTTP_LISTENER = "http";

    /** One HTTPS listener: its name, and the Secret (and its namespace) holding the host's certificate. */
    public record Listener(String name, String host, String certificateSecret, String certificateNamespace) {
    }

    public GatewayRef {
        // Ordered as declared: the listeners become a list, and a reordered list would read as a change.
        listeners = Collections.unmodifiableMap(new LinkedHashMap<>(listeners));
    }

    public static GatewayRef of(String name, String namespace, List<Site> sites) {
        var listeners = new LinkedHashMap<String, Listener>();
        for (var site : sites) {
            var secretNamespace = site.tls() instanceof Site.Supplied ? site.namespace() : namespace;
            for (var host : site.hosts()) {
                listeners.put(host, new Listener("https-" + host.replace('.', '-'), host, site.tls().secretName(), secretNamespace));
            }
        }
        return new GatewayRef(name, namespace, listeners);
    }

    public boolean serves(String host) {
        return listeners.containsKey(host);
    }

    Map<String, Object> parentRef(String sectionName) {
        return Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", name,
                "namespace", namespace, "sectionName", sectionName);
    }
}
