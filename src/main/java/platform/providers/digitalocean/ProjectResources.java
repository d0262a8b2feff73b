package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;
import java.util.List;

/** Assigns resources to a {@link Project}. */
@ResourceType(type = ProjectResources.TYPE)
public final class ProjectResources extends CustomResource {
    public static final String TYPE = "digitalocean:index/projectResources:ProjectResources";

    @Export(name = "resources", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> resources;

    public ProjectResources(String name, ProjectResourcesArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options));
    }

    public Output<List<String>> resources() { return resources; }
}
