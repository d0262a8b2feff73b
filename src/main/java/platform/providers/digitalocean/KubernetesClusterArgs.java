package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Objects;

public final class KubernetesClusterArgs extends ResourceArgs {
    @Import(name = "name")
    private @Nullable String name;
    @Import(name = "region", required = true)
    private String region;
    @Import(name = "version", required = true)
    private Output<String> version;
    @Import(name = "nodePool", required = true)
    private KubernetesClusterNodePoolArgs nodePool;
    @Import(name = "vpcUuid")
    private @Nullable Output<String> vpcUuid;
    @Import(name = "ha")
    private @Nullable Boolean ha;
    @Import(name = "autoUpgrade")
    private @Nullable Boolean autoUpgrade;
    @Import(name = "surgeUpgrade")
    private @Nullable Boolean surgeUpgrade;
    @Import(name = "maintenancePolicy")
    private @Nullable KubernetesClusterMaintenancePolicyArgs maintenancePolicy;
    @Import(name = "registryIntegration")
    private @Nullable Boolean registryIntegration;
    @Import(name = "tags")
    private @Nullable List<String> tags;

    private KubernetesClusterArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final KubernetesClusterArgs args = new KubernetesClusterArgs();

        public Builder name(String name) { args.name = name; return this; }
        public Builder region(String region) { args.region = region; return this; }
        public Builder version(Output<String> version) { args.version = version; return this; }
        public Builder nodePool(KubernetesClusterNodePoolArgs nodePool) { args.nodePool = nodePool; return this; }
        public Builder vpcUuid(Output<String> vpcUuid) { args.vpcUuid = vpcUuid; return this; }
        public Builder ha(boolean ha) { args.ha = ha; return this; }
        public Builder autoUpgrade(boolean autoUpgrade) { args.autoUpgrade = autoUpgrade; return this; }
        public Builder surgeUpgrade(boolean surgeUpgrade) { args.surgeUpgrade = surgeUpgrade; return this; }
        public Builder maintenancePolicy(KubernetesClusterMaintenancePolicyArgs policy) { args.maintenancePolicy = policy; return this; }
        public Builder registryIntegration(boolean enabled) { args.registryIntegration = enabled; return this; }
        public Builder tags(List<String> tags) { args.tags = List.copyOf(tags); return this; }

        public KubernetesClusterArgs build() {
            Objects.requireNonNull(args.region, "region");
            Objects.requireNonNull(args.version, "version");
            Objects.requireNonNull(args.nodePool, "nodePool");
            return args;
        }
    }
}
