package platform.k8s;

import com.pulumi.core.Output;

/**
 * A namespace by name, plus the output of the Namespace object itself: objects placed with
 * {@link #output()} are created after their namespace and deleted before it.
 */
public record NamespaceRef(String name, Output<String> output) {
    /** A namespace this program does not create (e.g. a controller's, made by its chart). */
    public static NamespaceRef existing(String name) {
        return new NamespaceRef(name, Output.of(name));
    }
}
