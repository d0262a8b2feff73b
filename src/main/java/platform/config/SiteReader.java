package platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads hosts and TLS the same way for every system, and keeps each host declared once across all
 * systems: the gateway's listeners follow from what the systems declare.
 */
public final class SiteReader {
    /** Host to the key that declared it, across all systems read so far. */
    private final Map<String, String> declared = new LinkedHashMap<>();

    /** A list of host names under {@code node}, each claimed for {@code system}; at least one required. */
    public List<String> hosts(ConfigNode node) {
        var hosts = new ArrayList<String>();
        if (node.items().isEmpty()) {
            node.problem("is required, expected at least one host name");
        }
        for (var item : node.items()) {
            item.matching(Patterns.DNS_NAME, Patterns.DNS_NAME_TEXT).ifPresent(host -> {
                var earlier = declared.putIfAbsent(host, item.key());
                if (earlier != null) {
                    item.reject("a host declared once; " + earlier + " already declares it");
                } else {
                    hosts.add(host);
                }
            });
        }
        return hosts;
    }

    /**
     * The {@code hosts} and {@code tls} of a system's section {@code node}; the system's namespace is
     * named after it, and {@code issuedSecret} is the certificate cert-manager issues when none is supplied.
     */
    public Site site(ConfigNode node, String system, String issuedSecret) {
        return new Site(system, system, hosts(node.field("hosts")), tls(node.field("tls"), issuedSecret));
    }

    /**
     * {@code tls.certificateSecret}: a Secret in the system's namespace the operator supplies; absent,
     * cert-manager issues {@code issuedSecret} for the site's hosts.
     */
    public static Site.Tls tls(ConfigNode tls, String issuedSecret) {
        var node = tls.object();
        return node.field("certificateSecret").matching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT)
                .<Site.Tls>map(Site.Supplied::new)
                .orElseGet(() -> new Site.Issued(issuedSecret));
    }
}
