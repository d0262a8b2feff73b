package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

public final class ProjectResourcesArgs extends ResourceArgs {
    @Import(name = "project", required = true)
    private final Output<String> project;
    @Import(name = "resources", required = true)
    private final List<Output<String>> resources;

    /** {@code resources} are DigitalOcean URNs ({@code do:kubernetes:...}, {@code do:space:...}). */
    public ProjectResourcesArgs(Output<String> project, List<Output<String>> resources) {
        this.project = Objects.requireNonNull(project, "project");
        this.resources = List.copyOf(resources);
    }
}
