package platform.providers.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;
import java.util.List;

/** A generated password; {@code result} and {@code bcryptHash} are Pulumi secrets. */
@ResourceType(type = RandomPassword.TYPE)
public final class RandomPassword extends CustomResource {
    public static final String TYPE = "random:index/randomPassword:RandomPassword";
    public static final List<String> SECRET_OUTPUTS = List.of("result", "bcryptHash");

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;
    @Export(name = "bcryptHash", refs = {String.class}, tree = "[0]")
    private Output<String> bcryptHash;
    @Export(name = "length", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> length;

    public RandomPassword(String name, RandomPasswordArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.RANDOM.withVersion(options, SECRET_OUTPUTS));
    }

    public Output<String> result() { return result; }
    public Output<String> bcryptHash() { return bcryptHash; }
    public Output<Integer> length() { return length; }
}
