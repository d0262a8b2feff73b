package platform.cloud;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import platform.config.RegistrySettings;
import platform.providers.digitalocean.ContainerRegistry;
import platform.providers.digitalocean.ContainerRegistryArgs;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * The account's DigitalOcean container registry. The cluster pulls from it through DOKS registry
 * integration, so no pull secret is managed here.
 */
public final class Registry extends ComponentResource {
    private final ContainerRegistry registry;

    public Registry(String name, RegistrySettings settings, boolean protect, @Nullable ComponentResourceOptions options) {
        super("platform:cloud:Registry", name, options);
        registry = new ContainerRegistry(name,
                new ContainerRegistryArgs(settings.name(), settings.tier(), settings.region()),
                CustomResourceOptions.builder().parent(this).protect(protect).build());
        registerOutputs(Map.of("serverUrl", registry.serverUrl()));
    }

    /** e.g. {@code registry.digitalocean.com/<name>}: where CI pushes images. */
    public Output<String> serverUrl() {
        return registry.serverUrl();
    }
}
