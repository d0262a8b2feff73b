package platform.providers.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;
import java.util.List;

/** Random bytes, e.g. for a key an application decodes itself; {@code base64} and {@code hex} are Pulumi secrets. */
@ResourceType(type = RandomBytes.TYPE)
public final class RandomBytes extends CustomResource {
    public static final String TYPE = "random:index/randomBytes:RandomBytes";
    public static final List<String> SECRET_OUTPUTS = List.of("base64", "hex");

    @Export(name = "base64", refs = {String.class}, tree = "[0]")
    private Output<String> base64;
    @Export(name = "hex", refs = {String.class}, tree = "[0]")
    private Output<String> hex;
    @Export(name = "length", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> length;

    public RandomBytes(String name, RandomBytesArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.RANDOM.withVersion(options, SECRET_OUTPUTS));
    }

    /** The bytes in standard base64 (with {@code +}, {@code /} and padding). */
    public Output<String> base64() { return base64; }
    public Output<String> hex() { return hex; }
    public Output<Integer> length() { return length; }
}
