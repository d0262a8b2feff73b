package platform.providers.random;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;
import java.util.Objects;

public final class RandomBytesArgs extends ResourceArgs {
    @Import(name = "length", required = true)
    private final Integer length;
    @Import(name = "keepers")
    private final Map<String, String> keepers;

    /** {@code length} bytes; changing a keeper generates new ones (that is how rotation is asked for). */
    public static RandomBytesArgs of(int length, Map<String, String> keepers) {
        return new RandomBytesArgs(length, keepers);
    }

    private RandomBytesArgs(int length, Map<String, String> keepers) {
        if (length < 1) {
            throw new IllegalArgumentException("RandomBytes length must be at least 1, got " + length);
        }
        this.length = length;
        this.keepers = Map.copyOf(Objects.requireNonNull(keepers, "keepers"));
    }
}
