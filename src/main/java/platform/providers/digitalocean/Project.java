package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;

/** A DigitalOcean project: groups a stack's cloud resources in the control panel. */
@ResourceType(type = Project.TYPE)
public final class Project extends CustomResource {
    public static final String TYPE = "digitalocean:index/project:Project";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public Project(String name, ProjectArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options));
    }

    public Output<String> name() { return name; }
}
