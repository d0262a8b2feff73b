package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.Import;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.InvokeArgs;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/** The DOKS versions on offer, optionally only those of one minor ({@code versionPrefix = "1.35."}). */
public final class GetKubernetesVersions {
    public static final String TOKEN = "digitalocean:index/getKubernetesVersions:getKubernetesVersions";

    private GetKubernetesVersions() {
    }

    public static Output<Result> invoke(Args args) {
        return Deployment.getInstance().invoke(TOKEN, TypeShape.of(Result.class), args, ProviderPackage.DIGITALOCEAN.invokeOptions());
    }

    public static final class Args extends InvokeArgs {
        @Import(name = "versionPrefix")
        private final String versionPrefix;

        public Args(String versionPrefix) {
            this.versionPrefix = Objects.requireNonNull(versionPrefix, "versionPrefix");
        }
    }

    /** Every property of the schema's result (the SDK's deserializer rejects any it has no setter for). */
    @CustomType
    public record Result(@Nullable String id, @Nullable String latestVersion, @Nullable List<String> validVersions,
                         @Nullable String versionPrefix) {

        @CustomType.Builder
        public static final class Builder {
            private String id;
            private String latestVersion;
            private List<String> validVersions;
            private String versionPrefix;

            @CustomType.Setter public Builder id(@Nullable String v) { id = v; return this; }
            @CustomType.Setter public Builder latestVersion(@Nullable String v) { latestVersion = v; return this; }
            @CustomType.Setter public Builder validVersions(@Nullable List<String> v) { validVersions = v; return this; }
            @CustomType.Setter public Builder versionPrefix(@Nullable String v) { versionPrefix = v; return this; }

            public Result build() {
                return new Result(id, latestVersion, validVersions, versionPrefix);
            }
        }
    }
}
