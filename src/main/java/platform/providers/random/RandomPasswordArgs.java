package platform.providers.random;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;
import java.util.Objects;

public final class RandomPasswordArgs extends ResourceArgs {
    @Import(name = "length", required = true)
    private final Integer length;
    @Import(name = "special")
    private final Boolean special;
    @Import(name = "upper")
    private final Boolean upper;
    @Import(name = "lower")
    private final Boolean lower;
    @Import(name = "numeric")
    private final Boolean numeric;
    @Import(name = "keepers")
    private final Map<String, String> keepers;

    /**
     * A password of letters and digits only, so it is safe in URLs and connection strings without
     * escaping. Changing a keeper generates a new value: that is how rotation is asked for.
     */
    public static RandomPasswordArgs alphanumeric(int length, Map<String, String> keepers) {
        return new RandomPasswordArgs(length, keepers);
    }

    private RandomPasswordArgs(int length, Map<String, String> keepers) {
        this.length = length;
        this.special = false;
        this.upper = true;
        this.lower = true;
        this.numeric = true;
        this.keepers = Map.copyOf(Objects.requireNonNull(keepers, "keepers"));
    }
}
