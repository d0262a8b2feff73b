package platform.edge;

import platform.k8s.ComputeResources;
import platform.k8s.NodePool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Helm values of the two controllers, typed: what the platform sets and why, in one place.
 * Chart sources and versions are pinned here and in {@code platform:edge}.
 */
final class ControllerCharts {
    private ControllerCharts() {
    }

    static final String ENVOY_GATEWAY_CHART = "oci://docker.io/envoyproxy/gateway-helm";
    static final String CERT_MANAGER_REPO = "https://charts.jetstack.io";
    static final String CERT_MANAGER_CHART = "cert-manager";


    /** Envoy Gateway: installs the Gateway API CRDs with the controller. */
    record EnvoyGatewayValues(ComputeResources controller) {
        Map<String, Object> toValues(Optional<String> pool) {
            var deployment = new LinkedHashMap<String, Object>();
            deployment.put("envoyGateway", Map.of("resources", controller.toHelmValues()));
            NodePool.selector(pool).ifPresent(selector -> deployment.put("pod", Map.of("nodeSelector", selector)));
            return Map.of("deployment", deployment);
        }
    }

    /** cert-manager with its CRDs (kept on uninstall, so certificates survive) and Gateway API support. */
    record CertManagerValues(ComputeResources controller, ComputeResources webhook, ComputeResources cainjector) {
        Map<String, Object> toValues(Optional<String> pool) {
            var values = new LinkedHashMap<String, Object>();
            values.put("crds", Map.of("enabled", true, "keep", true));
            values.put("config", Map.of("apiVersion", "controller.config.cert-manager.io/v1alpha1",
                    "kind", "ControllerConfiguration", "enableGatewayAPI", true));
            values.put("resources", controller.toHelmValues());
            values.put("webhook", pinned(Map.of("resources", webhook.toHelmValues()), pool));
            values.put("cainjector", pinned(Map.of("resources", cainjector.toHelmValues()), pool));
            NodePool.selector(pool).ifPresent(selector -> {
                values.put("nodeSelector", selector);
                values.put("startupapicheck", Map.of("nodeSelector", selector));
            });
            return values;
        }

        private static Map<String, Object> pinned(Map<String, Object> component, Optional<String> pool) {
            var values = new LinkedHashMap<>(component);
            NodePool.selector(pool).ifPresent(selector -> values.put("nodeSelector", selector));
            return values;
        }
    }

    static final EnvoyGatewayValues ENVOY_GATEWAY = new EnvoyGatewayValues(new ComputeResources("100m", "256Mi", "1Gi"));
    static final CertManagerValues CERT_MANAGER = new CertManagerValues(
            new ComputeResources("50m", "128Mi", "512Mi"), new ComputeResources("20m", "64Mi", "256Mi"),
            new ComputeResources("20m", "128Mi", "512Mi"));
}
