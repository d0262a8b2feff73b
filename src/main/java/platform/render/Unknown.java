package platform.render;

/** A value only the cloud can know (an id, an endpoint, a generated password before creation). */
public enum Unknown {
    VALUE;

    public static final String SHOWN = "[unknown]";

    @Override
    public String toString() {
        return SHOWN;
    }
}
