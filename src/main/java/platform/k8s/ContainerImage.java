package platform.k8s;

import com.pulumi.core.Output;

/**
 * An image as a pod spec receives it: the configured {@link ImageRef} and the reference the cluster
 * pulls, which in production carries a digest resolved at deploy time when config gives none.
 */
public record ContainerImage(ImageRef ref, Output<String> reference) {
    /** As configured, with no resolution (development stacks, tests). */
    public static ContainerImage of(ImageRef ref) {
        return new ContainerImage(ref, Output.of(ref.reference()));
    }

    public static ContainerImage of(String reference) {
        return of(ImageRef.parse(reference));
    }
}
