package platform.providers.digitalocean;

import com.pulumi.core.annotations.CustomType;

import javax.annotation.Nullable;

/**
 * One kubeconfig entry of a DOKS cluster, as both the resource's {@code kubeConfigs} output and the
 * {@code getKubernetesCluster} result return it. The token in it expires (7 days by default).
 */
@CustomType
public record KubeConfig(
        @Nullable String clientCertificate,
        @Nullable String clientKey,
        @Nullable String clusterCaCertificate,
        @Nullable String expiresAt,
        @Nullable String host,
        @Nullable String rawConfig,
        @Nullable String token) {

    @CustomType.Builder
    public static final class Builder {
        private String clientCertificate;
        private String clientKey;
        private String clusterCaCertificate;
        private String expiresAt;
        private String host;
        private String rawConfig;
        private String token;

        @CustomType.Setter public Builder clientCertificate(@Nullable String v) { clientCertificate = v; return this; }
        @CustomType.Setter public Builder clientKey(@Nullable String v) { clientKey = v; return this; }
        @CustomType.Setter public Builder clusterCaCertificate(@Nullable String v) { clusterCaCertificate = v; return this; }
        @CustomType.Setter public Builder expiresAt(@Nullable String v) { expiresAt = v; return this; }
        @CustomType.Setter public Builder host(@Nullable String v) { host = v; return this; }
        @CustomType.Setter public Builder rawConfig(@Nullable String v) { rawConfig = v; return this; }
        @CustomType.Setter public Builder token(@Nullable String v) { token = v; return this; }

        public KubeConfig build() {
            return new KubeConfig(clientCertificate, clientKey, clusterCaCertificate, expiresAt, host, rawConfig, token);
        }
    }
}
