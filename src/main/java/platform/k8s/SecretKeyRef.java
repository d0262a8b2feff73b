package platform.k8s;

/** One key of a Kubernetes Secret, e.g. {@code postgres/password}. */
public record SecretKeyRef(String secret, String key) {
    public SecretKeyRef {
        if (secret == null || secret.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("a secret reference needs a secret name and a key");
        }
    }
}
