package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Objects;

public final class SpacesKeyArgs extends ResourceArgs {
    @Import(name = "name")
    private final String name;
    @Import(name = "grants")
    private final List<Grant> grants;

    public SpacesKeyArgs(String name, List<Grant> grants) {
        this.name = Objects.requireNonNull(name, "name");
        this.grants = List.copyOf(grants);
    }

    /** Access to one bucket: {@code read}, {@code readwrite} or {@code fullaccess}. */
    public static final class Grant extends ResourceArgs {
        @Import(name = "bucket", required = true)
        private final Output<String> bucket;
        @Import(name = "permission", required = true)
        private final String permission;

        public Grant(Output<String> bucket, String permission) {
            this.bucket = Objects.requireNonNull(bucket, "bucket");
            this.permission = Objects.requireNonNull(permission, "permission");
        }
    }
}
