package platform.cloud;

/**
 * Builds the kubeconfig the Kubernetes provider uses for a DOKS cluster. Only the user's token
 * changes between runs; the cluster entry (server, CA) and every name stay the same, because the
 * Kubernetes provider replaces all of its objects when the active cluster entry changes.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static String withToken(String clusterName, String server, String caData, String token) {
        var context = "do-" + clusterName;
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: %2$s
                      certificate-authority-data: %3$s
                users:
                  - name: %1$s-admin
                    user:
                      token: %4$s
                contexts:
                  - name: %1$s
                    context:
                      cluster: %1$s
                      user: %1$s-admin
                current-context: %1$s
                """.formatted(context, server, caData, token);
    }
}
