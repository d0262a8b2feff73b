package platform.providers.digitalocean;

import com.pulumi.core.annotations.CustomType;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The whole result of {@code getKubernetesCluster}. The SDK's deserializer rejects any property it
 * has no setter for, so every property of the schema is here, nested types included, even those
 * the program does not read.
 */
@CustomType
public record GetKubernetesClusterResult(
        @Nullable Toggle amdGpuDeviceMetricsExporterPlugin,
        @Nullable Toggle amdGpuDevicePlugin,
        @Nullable Boolean autoUpgrade,
        @Nullable List<AutoscalerConfiguration> clusterAutoscalerConfigurations,
        @Nullable String clusterSubnet,
        @Nullable List<ControlPlaneFirewall> controlPlaneFirewalls,
        @Nullable Toggle corednsAutoscaler,
        @Nullable String createdAt,
        @Nullable String endpoint,
        @Nullable Boolean ha,
        @Nullable String id,
        @Nullable String ipv4Address,
        @Nullable List<KubeConfig> kubeConfigs,
        @Nullable Integer kubeconfigExpireSeconds,
        @Nullable List<MaintenancePolicy> maintenancePolicies,
        @Nullable String name,
        @Nullable List<NodePool> nodePools,
        @Nullable Toggle nvidiaGpuDevicePlugin,
        @Nullable Toggle p2pOciRegistryPlugin,
        @Nullable Toggle rdmaSharedDevicePlugin,
        @Nullable String region,
        @Nullable Toggle routingAgent,
        @Nullable String serviceSubnet,
        @Nullable List<Sso> ssos,
        @Nullable String status,
        @Nullable Boolean surgeUpgrade,
        @Nullable List<String> tags,
        @Nullable String updatedAt,
        @Nullable String urn,
        @Nullable String version,
        @Nullable String vpcUuid,
        @Nullable String workerSubnetUuid) {

    @CustomType.Builder
    public static final class Builder {
        private Toggle amdGpuDeviceMetricsExporterPlugin;
        private Toggle amdGpuDevicePlugin;
        private Boolean autoUpgrade;
        private List<AutoscalerConfiguration> clusterAutoscalerConfigurations;
        private String clusterSubnet;
        private List<ControlPlaneFirewall> controlPlaneFirewalls;
        private Toggle corednsAutoscaler;
        private String createdAt;
        private String endpoint;
        private Boolean ha;
        private String id;
        private String ipv4Address;
        private List<KubeConfig> kubeConfigs;
        private Integer kubeconfigExpireSeconds;
        private List<MaintenancePolicy> maintenancePolicies;
        private String name;
        private List<NodePool> nodePools;
        private Toggle nvidiaGpuDevicePlugin;
        private Toggle p2pOciRegistryPlugin;
        private Toggle rdmaSharedDevicePlugin;
        private String region;
        private Toggle routingAgent;
        private String serviceSubnet;
        private List<Sso> ssos;
        private String status;
        private Boolean surgeUpgrade;
        private List<String> tags;
        private String updatedAt;
        private String urn;
        private String version;
        private String vpcUuid;
        private String workerSubnetUuid;

        @CustomType.Setter public Builder amdGpuDeviceMetricsExporterPlugin(@Nullable Toggle v) { amdGpuDeviceMetricsExporterPlugin = v; return this; }
        @CustomType.Setter public Builder amdGpuDevicePlugin(@Nullable Toggle v) { amdGpuDevicePlugin = v; return this; }
        @CustomType.Setter public Builder autoUpgrade(@Nullable Boolean v) { autoUpgrade = v; return this; }
        @CustomType.Setter public Builder clusterAutoscalerConfigurations(@Nullable List<AutoscalerConfiguration> v) { clusterAutoscalerConfigurations = v; return this; }
        @CustomType.Setter public Builder clusterSubnet(@Nullable String v) { clusterSubnet = v; return this; }
        @CustomType.Setter public Builder controlPlaneFirewalls(@Nullable List<ControlPlaneFirewall> v) { controlPlaneFirewalls = v; return this; }
        @CustomType.Setter public Builder corednsAutoscaler(@Nullable Toggle v) { corednsAutoscaler = v; return this; }
        @CustomType.Setter public Builder createdAt(@Nullable String v) { createdAt = v; return this; }
        @CustomType.Setter public Builder endpoint(@Nullable String v) { endpoint = v; return this; }
        @CustomType.Setter public Builder ha(@Nullable Boolean v) { ha = v; return this; }
        @CustomType.Setter public Builder id(@Nullable String v) { id = v; return this; }
        @CustomType.Setter public Builder ipv4Address(@Nullable String v) { ipv4Address = v; return this; }
        @CustomType.Setter public Builder kubeConfigs(@Nullable List<KubeConfig> v) { kubeConfigs = v; return this; }
        @CustomType.Setter public Builder kubeconfigExpireSeconds(@Nullable Integer v) { kubeconfigExpireSeconds = v; return this; }
        @CustomType.Setter public Builder maintenancePolicies(@Nullable List<MaintenancePolicy> v) { maintenancePolicies = v; return this; }
        @CustomType.Setter public Builder name(@Nullable String v) { name = v; return this; }
        @CustomType.Setter public Builder nodePools(@Nullable List<NodePool> v) { nodePools = v; return this; }
        @CustomType.Setter public Builder nvidiaGpuDevicePlugin(@Nullable Toggle v) { nvidiaGpuDevicePlugin = v; return this; }
        @CustomType.Setter public Builder p2pOciRegistryPlugin(@Nullable Toggle v) { p2pOciRegistryPlugin = v; return this; }
        @CustomType.Setter public Builder rdmaSharedDevicePlugin(@Nullable Toggle v) { rdmaSharedDevicePlugin = v; return this; }
        @CustomType.Setter public Builder region(@Nullable String v) { region = v; return this; }
        @CustomType.Setter public Builder routingAgent(@Nullable Toggle v) { routingAgent = v; return this; }
        @CustomType.Setter public Builder serviceSubnet(@Nullable String v) { serviceSubnet = v; return this; }
        @CustomType.Setter public Builder ssos(@Nullable List<Sso> v) { ssos = v; return this; }
        @CustomType.Setter public Builder status(@Nullable String v) { status = v; return this; }
        @CustomType.Setter public Builder surgeUpgrade(@Nullable Boolean v) { surgeUpgrade = v; return this; }
        @CustomType.Setter public Builder tags(@Nullable List<String> v) { tags = v; return this; }
        @CustomType.Setter public Builder updatedAt(@Nullable String v) { updatedAt = v; return this; }
        @CustomType.Setter public Builder urn(@Nullable String v) { urn = v; return this; }
        @CustomType.Setter public Builder version(@Nullable String v) { version = v; return this; }
        @CustomType.Setter public Builder vpcUuid(@Nullable String v) { vpcUuid = v; return this; }
        @CustomType.Setter public Builder workerSubnetUuid(@Nullable String v) { workerSubnetUuid = v; return this; }

        public GetKubernetesClusterResult build() {
            return new GetKubernetesClusterResult(amdGpuDeviceMetricsExporterPlugin, amdGpuDevicePlugin, autoUpgrade, clusterAutoscalerConfigurations, clusterSubnet, controlPlaneFirewalls, corednsAutoscaler, createdAt, endpoint, ha, id, ipv4Address, kubeConfigs, kubeconfigExpireSeconds, maintenancePolicies, name, nodePools, nvidiaGpuDevicePlugin, p2pOciRegistryPlugin, rdmaSharedDevicePlugin, region, routingAgent, serviceSubnet, ssos, status, surgeUpgrade, tags, updatedAt, urn, version, vpcUuid, workerSubnetUuid);
        }
    }

    @CustomType
    public record Toggle(
            @Nullable Boolean enabled) {

        @CustomType.Builder
        public static final class Builder {
            private Boolean enabled;

            @CustomType.Setter public Builder enabled(@Nullable Boolean v) { enabled = v; return this; }

            public Toggle build() {
                return new Toggle(enabled);
            }
        }
    }

    @CustomType
    public record AutoscalerConfiguration(
            @Nullable List<String> expanders,
            @Nullable String scaleDownUnneededTime,
            @Nullable Double scaleDownUtilizationThreshold) {

        @CustomType.Builder
        public static final class Builder {
            private List<String> expanders;
            private String scaleDownUnneededTime;
            private Double scaleDownUtilizationThreshold;

            @CustomType.Setter public Builder expanders(@Nullable List<String> v) { expanders = v; return this; }
            @CustomType.Setter public Builder scaleDownUnneededTime(@Nullable String v) { scaleDownUnneededTime = v; return this; }
            @CustomType.Setter public Builder scaleDownUtilizationThreshold(@Nullable Double v) { scaleDownUtilizationThreshold = v; return this; }

            public AutoscalerConfiguration build() {
                return new AutoscalerConfiguration(expanders, scaleDownUnneededTime, scaleDownUtilizationThreshold);
            }
        }
    }

    @CustomType
    public record ControlPlaneFirewall(
            @Nullable List<String> allowedAddresses,
            @Nullable Boolean enabled) {

        @CustomType.Builder
        public static final class Builder {
            private List<String> allowedAddresses;
            private Boolean enabled;

            @CustomType.Setter public Builder allowedAddresses(@Nullable List<String> v) { allowedAddresses = v; return this; }
            @CustomType.Setter public Builder enabled(@Nullable Boolean v) { enabled = v; return this; }

            public ControlPlaneFirewall build() {
                return new ControlPlaneFirewall(allowedAddresses, enabled);
            }
        }
    }

    @CustomType
    public record MaintenancePolicy(
            @Nullable String day,
            @Nullable String duration,
            @Nullable String startTime) {

        @CustomType.Builder
        public static final class Builder {
            private String day;
            private String duration;
            private String startTime;

            @CustomType.Setter public Builder day(@Nullable String v) { day = v; return this; }
            @CustomType.Setter public Builder duration(@Nullable String v) { duration = v; return this; }
            @CustomType.Setter public Builder startTime(@Nullable String v) { startTime = v; return this; }

            public MaintenancePolicy build() {
                return new MaintenancePolicy(day, duration, startTime);
            }
        }
    }

    @CustomType
    public record Node(
            @Nullable String createdAt,
            @Nullable String dropletId,
            @Nullable String id,
            @Nullable String name,
            @Nullable String status,
            @Nullable String updatedAt) {

        @CustomType.Builder
        public static final class Builder {
            private String createdAt;
            private String dropletId;
            private String id;
            private String name;
            private String status;
            private String updatedAt;

            @CustomType.Setter public Builder createdAt(@Nullable String v) { createdAt = v; return this; }
            @CustomType.Setter public Builder dropletId(@Nullable String v) { dropletId = v; return this; }
            @CustomType.Setter public Builder id(@Nullable String v) { id = v; return this; }
            @CustomType.Setter public Builder name(@Nullable String v) { name = v; return this; }
            @CustomType.Setter public Builder status(@Nullable String v) { status = v; return this; }
            @CustomType.Setter public Builder updatedAt(@Nullable String v) { updatedAt = v; return this; }

            public Node build() {
                return new Node(createdAt, dropletId, id, name, status, updatedAt);
            }
        }
    }

    @CustomType
    public record Taint(
            @Nullable String effect,
            @Nullable String key,
            @Nullable String value) {

        @CustomType.Builder
        public static final class Builder {
            private String effect;
            private String key;
            private String value;

            @CustomType.Setter public Builder effect(@Nullable String v) { effect = v; return this; }
            @CustomType.Setter public Builder key(@Nullable String v) { key = v; return this; }
            @CustomType.Setter public Builder value(@Nullable String v) { value = v; return this; }

            public Taint build() {
                return new Taint(effect, key, value);
            }
        }
    }

    @CustomType
    public record NodePool(
            @Nullable Integer actualNodeCount,
            @Nullable Boolean autoScale,
            @Nullable String id,
            @Nullable Map<String, String> labels,
            @Nullable Integer maxNodes,
            @Nullable Integer minNodes,
            @Nullable String name,
            @Nullable Integer nodeCount,
            @Nullable List<Node> nodes,
            @Nullable String size,
            @Nullable List<String> tags,
            @Nullable List<Taint> taints) {

        @CustomType.Builder
        public static final class Builder {
            private Integer actualNodeCount;
            private Boolean autoScale;
            private String id;
            private Map<String, String> labels;
            private Integer maxNodes;
            private Integer minNodes;
            private String name;
            private Integer nodeCount;
            private List<Node> nodes;
            private String size;
            private List<String> tags;
            private List<Taint> taints;

            @CustomType.Setter public Builder actualNodeCount(@Nullable Integer v) { actualNodeCount = v; return this; }
            @CustomType.Setter public Builder autoScale(@Nullable Boolean v) { autoScale = v; return this; }
            @CustomType.Setter public Builder id(@Nullable String v) { id = v; return this; }
            @CustomType.Setter public Builder labels(@Nullable Map<String, String> v) { labels = v; return this; }
            @CustomType.Setter public Builder maxNodes(@Nullable Integer v) { maxNodes = v; return this; }
            @CustomType.Setter public Builder minNodes(@Nullable Integer v) { minNodes = v; return this; }
            @CustomType.Setter public Builder name(@Nullable String v) { name = v; return this; }
            @CustomType.Setter public Builder nodeCount(@Nullable Integer v) { nodeCount = v; return this; }
            @CustomType.Setter public Builder nodes(@Nullable List<Node> v) { nodes = v; return this; }
            @CustomType.Setter public Builder size(@Nullable String v) { size = v; return this; }
            @CustomType.Setter public Builder tags(@Nullable List<String> v) { tags = v; return this; }
            @CustomType.Setter public Builder taints(@Nullable List<Taint> v) { taints = v; return this; }

            public NodePool build() {
                return new NodePool(actualNodeCount, autoScale, id, labels, maxNodes, minNodes, name, nodeCount, nodes, size, tags, taints);
            }
        }
    }

    @CustomType
    public record Sso(
            @Nullable String clientId,
            @Nullable Boolean enabled,
            @Nullable String issuerUrl,
            @Nullable Boolean required) {

        @CustomType.Builder
        public static final class Builder {
            private String clientId;
            private Boolean enabled;
            private String issuerUrl;
            private Boolean required;

            @CustomType.Setter public Builder clientId(@Nullable String v) { clientId = v; return this; }
            @CustomType.Setter public Builder enabled(@Nullable Boolean v) { enabled = v; return this; }
            @CustomType.Setter public Builder issuerUrl(@Nullable String v) { issuerUrl = v; return this; }
            @CustomType.Setter public Builder required(@Nullable Boolean v) { required = v; return this; }

            public Sso build() {
                return new Sso(clientId, enabled, issuerUrl, required);
            }
        }
    }
}
