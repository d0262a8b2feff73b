package platform.cluster;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.docker.DockerFunctions;
import com.pulumi.docker.Provider;
import com.pulumi.docker.ProviderArgs;
import com.pulumi.docker.inputs.GetRegistryImageArgs;
import com.pulumi.docker.inputs.ProviderRegistryAuthArgs;
import com.pulumi.resources.CustomResourceOptions;
import platform.Versions;
import platform.k8s.ContainerImage;
import platform.k8s.ImageRef;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns configured images into what pods pull. In production every image reaches the cluster
 * pinned by digest: a digest from config wins; otherwise the tag is resolved to its digest at
 * deploy time with pulumi-docker's {@code getRegistryImage}, so a preview shows a moved upstream
 * tag as a diff instead of the cluster pulling something nobody reviewed. Elsewhere images run as
 * configured. Each image is looked up once per run.
 */
public final class ImageResolver {
    /** Where DigitalOcean's container registry serves images. */
    public static final String DIGITALOCEAN_REGISTRY = "registry.digitalocean.com";

    private final Optional<Provider> docker;
    private final Map<String, ContainerImage> resolved = new HashMap<>();

    private ImageResolver(Optional<Provider> docker) {
        this.docker = docker;
    }

    /** Images as configured (development stacks). */
    public static ImageResolver asConfigured() {
        return new ImageResolver(Optional.empty());
    }

    /**
     * Pins every image by digest, reading private images of the stack's registry with the given
     * Docker config (its read-only credentials).
     */
    public static ImageResolver pinningDigests(Optional<Output<String>> registryDockerConfig) {
        var args = ProviderArgs.builder();
        registryDockerConfig.ifPresent(config -> args.registryAuth(ProviderRegistryAuthArgs.builder()
                .address(DIGITALOCEAN_REGISTRY)
                .configFileContent(config)
                .build()));
        return new ImageResolver(Optional.of(new Provider("docker", args.build(),
                CustomResourceOptions.builder().version(Versions.DOCKER_PROVIDER_PLUGIN).build())));
    }

    public ContainerImage image(String reference) {
        return image(ImageRef.parse(reference));
    }

    public ContainerImage image(ImageRef ref) {
        return resolved.computeIfAbsent(ref.reference(), ignored -> resolve(ref));
    }

    private ContainerImage resolve(ImageRef ref) {
        if (docker.isEmpty() || ref.digest().isPresent()) {
            return ContainerImage.of(ref);
        }
        var digest = DockerFunctions.getRegistryImage(GetRegistryImageArgs.builder().name(ref.tagged()).build(),
                InvokeOptions.builder().provider(docker.get()).build());
        return new ContainerImage(ref, digest.applyValue(found -> ref.tagged() + "@" + found.sha256Digest()));
    }
}
