package platform.render;

/**
 * Shortens a URN ({@code urn:pulumi:dev::platform::a$b::name}) or a provider reference (a URN
 * followed by {@code ::id}) to {@code b::name}, the form a reader of resources.json can follow.
 */
final class Urns {
    private Urns() {
    }

    static String shortName(String urnOrReference) {
        var parts = urnOrReference == null ? new String[0] : urnOrReference.split("::");
        if (parts.length < 4) {
            return urnOrReference == null ? "" : urnOrReference;
        }
        var qualifiedType = parts[2];
        return qualifiedType.substring(qualifiedType.lastIndexOf('$') + 1) + "::" + parts[3];
    }
}
