package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;
import java.util.List;

/** A Spaces access key limited by its grants; its secret half is a Pulumi secret. */
@ResourceType(type = SpacesKey.TYPE)
public final class SpacesKey extends CustomResource {
    public static final String TYPE = "digitalocean:index/spacesKey:SpacesKey";
    public static final List<String> SECRET_OUTPUTS = List.of("secretKey");

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "accessKey", refs = {String.class}, tree = "[0]")
    private Output<String> accessKey;
    @Export(name = "secretKey", refs = {String.class}, tree = "[0]")
    private Output<String> secretKey;

    public SpacesKey(String name, SpacesKeyArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options, SECRET_OUTPUTS));
    }

    public Output<String> name() { return name; }
    public Output<String> accessKey() { return accessKey; }
    public Output<String> secretKey() { return secretKey; }
}
