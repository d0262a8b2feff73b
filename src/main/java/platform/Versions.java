package platform;

/**
 * Every upstream release the platform pins, in one place. Renovate proposes bumps as pull requests
 * (see {@code renovate.json}): each constant is preceded by a {@code // renovate:} line naming its
 * datasource and package, and its value ends in the version.
 */
public final class Versions {
    private Versions() {
    }

    // renovate: datasource=docker depName=postgres
    public static final String POSTGRES = "postgres:16.10";

    // renovate: datasource=docker depName=rabbitmq
    public static final String RABBITMQ = "rabbitmq:3.13.7-management";

    // renovate: datasource=docker depName=redis
    public static final String REDIS = "redis:7.4.1-alpine";

    // renovate: datasource=docker depName=mongo
    public static final String MONGO = "mongo:8.0.4";

    // renovate: datasource=docker depName=opensearchproject/opensearch
    public static final String OPENSEARCH = "opensearchproject/opensearch:2.17.1";

    // renovate: datasource=docker depName=amazon/aws-cli
    public static final String AWS_CLI = "amazon/aws-cli:2.22.0";

    // renovate: datasource=docker depName=registry.k8s.io/kubectl
    public static final String KUBECTL = "registry.k8s.io/kubectl:v1.35.0";

    // renovate: datasource=docker depName=ghcr.io/amacneil/dbmate
    public static final String DBMATE = "ghcr.io/amacneil/dbmate:2";

    // renovate: datasource=docker depName=envoyproxy/gateway-helm registryUrl=https://docker.io
    public static final String ENVOY_GATEWAY_CHART = "v1.9.0";

    // renovate: datasource=helm depName=cert-manager registryUrl=https://charts.jetstack.io
    public static final String CERT_MANAGER_CHART = "v1.21.1";
}
