package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Objects;

public final class ContainerRegistryDockerCredentialsArgs extends ResourceArgs {
    @Import(name = "registryName", required = true)
    private final Output<String> registryName;
    @Import(name = "write")
    private final @Nullable Boolean write;
    @Import(name = "expirySeconds")
    private final @Nullable Integer expirySeconds;

    public ContainerRegistryDockerCredentialsArgs(Output<String> registryName, boolean write, @Nullable Integer expirySeconds) {
        this.registryName = Objects.requireNonNull(registryName, "registryName");
        this.write = write;
        this.expirySeconds = expirySeconds;
    }
}
