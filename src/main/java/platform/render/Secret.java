package platform.render;

/**
 * A value the program registered as a Pulumi secret. Tests can look inside; everything written
 * to disk or printed shows {@link #REDACTED} instead.
 */
public record Secret(Object value) {
    public static final String REDACTED = "[secret]";

    @Override
    public String toString() {
        return REDACTED;
    }
}
