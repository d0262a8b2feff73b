package platform.k8s;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;
import java.util.Objects;

/**
 * Any object of a CustomResourceDefinition (Gateway API, cert-manager, Envoy Gateway), which the
 * 4.0.0 Kubernetes SDK has no class for. The provider takes type tokens of the form
 * {@code kubernetes:<group>/<version>:<Kind>}. Callers use the typed wrappers in
 * {@code platform.edge}, not this class with raw maps.
 */
public final class CustomObject extends CustomResource {
    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;
    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;
    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    public CustomObject(String name, Args args, CustomResourceOptions options) {
        super("kubernetes:" + args.apiVersion + ":" + args.kind, name, args, options);
    }

    public Output<ObjectMeta> metadata() {
        return metadata;
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final String apiVersion;
        @Import(name = "kind", required = true)
        private final String kind;
        @Import(name = "metadata", required = true)
        private final ObjectMetaArgs metadata;
        @Import(name = "spec")
        private final Map<String, Object> spec;

        /** @param apiVersion {@code group/version}, e.g. {@code gateway.networking.k8s.io/v1} */
        public Args(String apiVersion, String kind, ObjectMetaArgs metadata, Map<String, Object> spec) {
            if (!Objects.requireNonNull(apiVersion, "apiVersion").contains("/")) {
                throw new IllegalArgumentException("a custom object's apiVersion is group/version, got " + apiVersion);
            }
            this.apiVersion = apiVersion;
            this.kind = Objects.requireNonNull(kind, "kind");
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            this.spec = Map.copyOf(spec);
        }
    }
}
