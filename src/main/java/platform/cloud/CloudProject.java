package platform.cloud;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.config.Environment;
import platform.providers.digitalocean.Project;
import platform.providers.digitalocean.ProjectArgs;
import platform.providers.digitalocean.ProjectResources;
import platform.providers.digitalocean.ProjectResourcesArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** Groups a stack's DigitalOcean resources (cluster, backup bucket) in one project of the control panel. */
public final class CloudProject extends ComponentResource {

    public CloudProject(String name, String projectName, Environment environment, List<Output<String>> resourceUrns,
                        @Nullable ComponentResourceOptions options) {
        super("platform:cloud:CloudProject", name, options);
        var project = new Project(name, new ProjectArgs(projectName,
                "Container platform for Bow-Mark, marc, Project 88, srq-hpn and Mortimer (managed by Pulumi)",
                environment.digitalOceanName(), "Service or API"),
                CustomResourceOptions.builder().parent(this).build());
        new ProjectResources(name + "-resources", new ProjectResourcesArgs(project.id(), resourceUrns),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("name", project.name()));
    }
}
