package platform.config;

import java.util.List;

/** What a stack is for. Production protects data-holding resources against deletion. */
public enum Environment {
    DEVELOPMENT("development", "Development"),
    PRODUCTION("production", "Production");

    private final String configValue;
    private final String digitalOceanName;

    Environment(String configValue, String digitalOceanName) {
        this.configValue = configValue;
        this.digitalOceanName = digitalOceanName;
    }

    /** {@code platform:environment}: {@code development} or {@code production}. */
    public static Environment read(ConfigNode node) {
        var value = node.oneOf("development", List.of("development", "production"));
        return value.equals("production") ? PRODUCTION : DEVELOPMENT;
    }

    /** Whether data-holding and hard-to-recreate resources carry Pulumi's {@code protect}. */
    public boolean protectsData() {
        return this == PRODUCTION;
    }

    public String configValue() {
        return configValue;
    }

    /** The value DigitalOcean projects use for their environment field. */
    public String digitalOceanName() {
        return digitalOceanName;
    }
}
