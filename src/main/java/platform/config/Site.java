package platform.config;

import java.util.List;
import java.util.Objects;

/**
 * What a system publishes on the shared gateway: its hosts and where their certificate comes from.
 * The gateway gets one HTTPS listener per host of every system's site.
 *
 * @param system    the system that declares the hosts (each host is declared by one system only)
 * @param namespace the system's namespace, where its routes (and a supplied certificate) live
 */
public record Site(String system, String namespace, List<String> hosts, Tls tls) {
    public Site {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(tls, "tls");
    }

    /** Where a site's certificate comes from. */
    public sealed interface Tls {
        /** The Secret the listeners present. */
        String secretName();
    }

    /** cert-manager issues one certificate for all the site's hosts into {@code secretName}, from the stack's issuer. */
    public record Issued(String secretName) implements Tls {
    }

    /** The operator supplies the certificate in a Secret of the system's namespace (e.g. one IT provides). */
    public record Supplied(String secretName) implements Tls {
    }
}
