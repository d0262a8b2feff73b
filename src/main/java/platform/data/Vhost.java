package platform.data;

import java.util.regex.Pattern;

/** A RabbitMQ virtual host and the key its name has in the credentials Secret (Bow-Mark's {@code vhostConcrete}). */
public record Vhost(String name, String secretKey) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

    public Vhost {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("vhost name must be letters, digits, '.', '_' or '-', got " + name);
        }
        if (!KEY.matcher(secretKey).matches()) {
            throw new IllegalArgumentException("vhost secret key must be alphanumeric, got " + secretKey);
        }
    }
}
