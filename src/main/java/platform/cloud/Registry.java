package platform.cloud;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.config.RegistrySettings;
import platform.providers.digitalocean.ContainerRegistry;
import platform.providers.digitalocean.ContainerRegistryArgs;
import platform.providers.digitalocean.ContainerRegistryDockerCredentials;
import platform.providers.digitalocean.ContainerRegistryDockerCredentialsArgs;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The account's DigitalOcean container registry. The cluster pulls from it through DOKS registry
 * integration, so no pull secret is managed here; the program itself reads image digests from it
 * with read-only credentials.
 */
public final class Registry extends ComponentResource {
    private final ContainerRegistry registry;
    private final ContainerRegistryDockerCredentials readCredentials;

    public Registry(String name, RegistrySettings settings, boolean protect, @Nullable ComponentResourceOptions options) {
        super("platform:cloud:Registry", name, options);
        registry = new ContainerRegistry(name,
                new ContainerRegistryArgs(settings.name(), settings.tier(), settings.region()),
                CustomResourceOptions.builder().parent(this).protect(protect).build());
        readCredentials = new ContainerRegistryDockerCredentials(name + "-read",
                new ContainerRegistryDockerCredentialsArgs(registry.name(), false, null),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("serverUrl", registry.serverUrl()));
    }

    /** e.g. {@code registry.digitalocean.com/<name>}: where CI pushes images. */
    public Output<String> serverUrl() {
        return registry.serverUrl();
    }

    /** A Docker config JSON that may pull from the registry (a Pulumi secret): how image digests are read. */
    public Output<String> readDockerConfig() {
        return readCredentials.dockerCredentials().asSecret();
    }
}
