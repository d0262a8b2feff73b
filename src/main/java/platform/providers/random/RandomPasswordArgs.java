package platform.providers.random;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
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
    @Import(name = "overrideSpecial")
    private final @Nullable String overrideSpecial;
    @Import(name = "minSpecial")
    private final @Nullable Integer minSpecial;
    @Import(name = "minUpper")
    private final @Nullable Integer minUpper;
    @Import(name = "minLower")
    private final @Nullable Integer minLower;
    @Import(name = "minNumeric")
    private final @Nullable Integer minNumeric;

    /**
     * A password of letters and digits only, so it is safe in URLs and connection strings without
     * escaping. Changing a keeper generates a new value: that is how rotation is asked for.
     */
    public static RandomPasswordArgs alphanumeric(int length, Map<String, String> keepers) {
        return new RandomPasswordArgs(length, keepers, false);
    }

    /**
     * Like {@link #alphanumeric} with at least one of each character class, the symbols limited to the
     * URL-unreserved {@code -} and {@code _}: for servers whose password policy demands a symbol (OpenSearch).
     */
    public static RandomPasswordArgs urlSafeWithSymbol(int length, Map<String, String> keepers) {
        return new RandomPasswordArgs(length, keepers, true);
    }

    private RandomPasswordArgs(int length, Map<String, String> keepers, boolean symbol) {
        this.length = length;
        this.special = symbol;
        this.upper = true;
        this.lower = true;
        this.numeric = true;
        this.keepers = Map.copyOf(Objects.requireNonNull(keepers, "keepers"));
        this.overrideSpecial = symbol ? "-_" : null;
        this.minSpecial = symbol ? 1 : null;
        this.minUpper = symbol ? 1 : null;
        this.minLower = symbol ? 1 : null;
        this.minNumeric = symbol ? 1 : null;
    }
}
