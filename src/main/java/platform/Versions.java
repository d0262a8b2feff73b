package platform;

/**
 * Every upstream release the platform pins, in one place. Renovate proposes bumps as pull requests
 * (see {@code renovate.json}): each constant is preceded by a {@code // renovate:} line naming its
 * datasource and package, and its value ends in the version. Each was checked against its project's
 * releases when pinned (see the README's "Versions" section for the sources).
 */
public final class Versions {
    private Versions() {
    }

    // renovate: datasource=docker depName=postgres
    public static final String POSTGRES = "postgres:16.15";

    /** The alpine flavour Project 88's seed asks for; its collation differs, so a volume never moves between the two. */
    // renovate: datasource=docker depName=postgres
    public static final String POSTGRES_ALPINE = "postgres:16.15-alpine";

    /** 4.3 has community support; from the seed's 3.x, upgrade through 3.13 and 4.2 with all feature flags enabled (README). */
    // renovate: datasource=docker depName=rabbitmq
    public static final String RABBITMQ = "rabbitmq:4.3.5-management";

    // renovate: datasource=docker depName=redis
    public static final String REDIS = "redis:7.4.11-alpine";

    // renovate: datasource=docker depName=mongo
    public static final String MONGO = "mongo:8.0.29";

    /** 2.19 is OpenSearch 2's maintenance line (the seeds ask for 2). */
    // renovate: datasource=docker depName=opensearchproject/opensearch
    public static final String OPENSEARCH = "opensearchproject/opensearch:2.19.6";

    // renovate: datasource=docker depName=amazon/aws-cli
    public static final String AWS_CLI = "amazon/aws-cli:2.36.7";

    /** Matches the cluster's Kubernetes minor (1.35). */
    // renovate: datasource=docker depName=registry.k8s.io/kubectl
    public static final String KUBECTL = "registry.k8s.io/kubectl:v1.35.7";

    // renovate: datasource=docker depName=ghcr.io/amacneil/dbmate
    public static final String DBMATE = "ghcr.io/amacneil/dbmate:2.35.0";

    /** Development stacks only: the maintained successor of Mailhog, which Project 88's seed names (image tags keep the v). */
    // renovate: datasource=docker depName=axllent/mailpit
    public static final String MAILPIT = "axllent/mailpit:v1.30.5";

    /** Development stacks only; from 9.16 its interpreter carries no file capability, so it runs with every capability dropped. */
    // renovate: datasource=docker depName=dpage/pgadmin4
    public static final String PGADMIN = "dpage/pgadmin4:9.17";

    /**
     * Bow-Mark's optional in-cluster search. From the live v1.12.0 volume only an experimental dumpless
     * upgrade exists (take a dump first); a fresh volume is rebuilt with the app's reindex script (README).
     */
    // renovate: datasource=docker depName=getmeili/meilisearch
    public static final String MEILISEARCH = "getmeili/meilisearch:v1.50.0";

    /**
     * The Kubernetes provider plugin the explicit provider runs. The Java SDK stays at 4.0.0 (the newest
     * on Maven Central); the plugin is newer because 4.0.0 shows an endless diff on every Secret's
     * {@code stringData} (fixed in 4.0.2) and can drop Secret data (fixed in 4.0.3).
     */
    // renovate: datasource=github-releases depName=pulumi/pulumi-kubernetes extractVersion=^v(?<version>.*)$
    public static final String KUBERNETES_PROVIDER_PLUGIN = "4.32.0";

    /**
     * The Docker provider plugin that reads image digests. The Java SDK is 4.5.1; 4.11.2 fixes
     * {@code getRegistryImage} being refused (403) by Docker Hub.
     */
    // renovate: datasource=github-releases depName=pulumi/pulumi-docker extractVersion=^v(?<version>4\..*)$
    public static final String DOCKER_PROVIDER_PLUGIN = "4.11.2";

    // renovate: datasource=docker depName=envoyproxy/gateway-helm registryUrl=https://docker.io
    public static final String ENVOY_GATEWAY_CHART = "v1.9.0";

    // renovate: datasource=helm depName=cert-manager registryUrl=https://charts.jetstack.io
    public static final String CERT_MANAGER_CHART = "v1.21.1";

    /** Grafana Alloy's chart (app v1.18.1): the collector of logs, metrics and traces. */
    // renovate: datasource=helm depName=alloy registryUrl=https://grafana.github.io/helm-charts
    public static final String ALLOY_CHART = "1.11.1";

    /** kube-state-metrics' chart (app v2.20.0): the cluster's objects as metrics. */
    // renovate: datasource=helm depName=kube-state-metrics registryUrl=https://prometheus-community.github.io/helm-charts
    public static final String KUBE_STATE_METRICS_CHART = "8.4.0";

    /** prometheus-operator's CRDs (operator v0.93.1); the platform installs only PrometheusRule (monitoring.coreos.com/v1). */
    // renovate: datasource=helm depName=prometheus-operator-crds registryUrl=https://prometheus-community.github.io/helm-charts
    public static final String PROMETHEUS_OPERATOR_CRDS_CHART = "31.0.1";
}
