package platform.providers.digitalocean;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Objects;

public final class ProjectArgs extends ResourceArgs {
    @Import(name = "name")
    private final String name;
    @Import(name = "description")
    private final String description;
    @Import(name = "environment")
    private final String environment;
    @Import(name = "purpose")
    private final String purpose;

    /** {@code environment} is one of DigitalOcean's: Development, Staging, Production. */
    public ProjectArgs(String name, String description, String environment, String purpose) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.environment = environment;
        this.purpose = purpose;
    }
}
