package platform.config;

import java.util.List;
import java.util.Optional;

/** {@code platform:registry}: the account's DigitalOcean container registry, when this stack owns it. */
public record RegistrySettings(String name, String tier, String region) {

    static final List<String> TIERS = List.of("starter", "basic", "professional");
    /** Regions where DigitalOcean offers container registries. */
    static final List<String> REGIONS = List.of("nyc3", "sfo2", "sfo3", "ams3", "sgp1", "fra1", "blr1", "syd1", "tor1");

    /** On an existing cluster nothing is created in the cloud, so the section does not apply. */
    static Optional<RegistrySettings> read(ConfigNode registry, ClusterSettings cluster) {
        if (cluster instanceof ClusterSettings.Existing) {
            registry.notApplicable();
            return Optional.empty();
        }
        if (!registry.isPresent()) {
            return Optional.empty();
        }
        var node = registry.object();
        return Optional.of(new RegistrySettings(
                node.field("name").requireMatching(Patterns.DNS_LABEL, Patterns.DNS_LABEL_TEXT),
                node.field("tier").oneOf("basic", TIERS),
                node.field("region").oneOf("nyc3", REGIONS)));
    }
}
