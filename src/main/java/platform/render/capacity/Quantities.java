package platform.render.capacity;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** Kubernetes resource quantities ({@code 250m}, {@code 1.5}, {@code 512Mi}, {@code 1G}) as millicores and bytes. */
public final class Quantities {
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("k", BigDecimal.valueOf(1_000L)), Map.entry("M", BigDecimal.valueOf(1_000_000L)),
            Map.entry("G", BigDecimal.valueOf(1_000_000_000L)), Map.entry("T", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("m", new BigDecimal("0.001")));
    public static final long MIB = 1L << 20;
    public static final long GIB = 1L << 30;

    private Quantities() {
    }

    /** The quantity's value in base units (cores or bytes); empty when it is not a quantity (e.g. unknown). */
    static OptionalLong scaled(Object quantity, long unitsPerBase) {
        if (quantity instanceof Number number) {
            return OptionalLong.of(BigDecimal.valueOf(number.doubleValue()).multiply(BigDecimal.valueOf(unitsPerBase)).longValue());
        }
        if (!(quantity instanceof String text) || text.isBlank()) {
            return OptionalLong.empty();
        }
        var matcher = java.util.regex.Pattern.compile("([0-9.eE+-]+)(Ki|Mi|Gi|Ti|k|M|G|T|m)?").matcher(text.trim());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        try {
            var value = new BigDecimal(matcher.group(1));
            if (matcher.group(2) != null) {
                value = value.multiply(SUFFIXES.get(matcher.group(2)));
            }
            return OptionalLong.of(value.multiply(BigDecimal.valueOf(unitsPerBase)).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return OptionalLong.empty();
        }
    }

    public static OptionalLong millicores(Object quantity) {
        return scaled(quantity, 1000);
    }

    public static OptionalLong bytes(Object quantity) {
        return scaled(quantity, 1);
    }

    public static String cpu(long millicores) {
        return millicores % 1000 == 0 ? Long.toString(millicores / 1000) : millicores + "m";
    }

    public static String memory(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1fGi", bytes / (double) GIB);
        }
        return (bytes + MIB - 1) / MIB + "Mi";
    }
}
