package platform;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every custom object of both real stacks (Gateway API, cert-manager, Envoy Gateway, and any other
 * group) conforms to the exact CRD schema of the release the platform installs, read as the API
 * server does with strict field validation ({@link CrdSchemas}).
 */
class CustomObjectSchemaTest {
    private static final CrdSchemas SCHEMAS = CrdSchemas.repositoryCopy();
    private static final Map<String, ProgramRun.Result> STACKS = Map.of("dev", Stacks.run("dev"), "prod", Stacks.run("prod"));

    /** Custom kinds ({@code group/Kind}) whose CRD schema is not in the repository's copy, each with the reason. */
    static final Map<String, String> OUT_OF_SCOPE = Map.of(
            "monitoring.coreos.com/PrometheusRule",
            "prometheus-operator's CRDs are not in ../shared/crd-schemas; the alert rules' structure is checked by AlertRulesTest");

    @TestFactory
    Stream<DynamicTest> everyCustomObjectMatchesItsCrdSchema() {
        return Stream.of("dev", "prod").flatMap(stack -> {
            var result = STACKS.get(stack);
            assertThat(result.succeeded()).as("%s renders: %s", stack, result.problems()).isTrue();
            return CrdSchemas.customObjects(result).stream()
                    .filter(object -> !OUT_OF_SCOPE.containsKey(groupAndKind(object)))
                    .map(object -> DynamicTest.dynamicTest(stack + ": " + object.type() + " " + object.namespace() + "/" + object.metadataName(),
                            () -> assertThat(SCHEMAS.problems(object.inputs())).as("%s in %s", object.name(), stack).isEmpty()));
        });
    }

    @Test
    void bothStacksHaveTheEdgeObjectsThatAreChecked() {
        for (var result : STACKS.values()) {
            var kinds = new TreeSet<String>();
            CrdSchemas.customObjects(result).forEach(object -> kinds.add(object.type()));
            assertThat(kinds).contains(
                    "kubernetes:gateway.networking.k8s.io/v1:GatewayClass",
                    "kubernetes:gateway.networking.k8s.io/v1:Gateway",
                    "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute",
                    "kubernetes:cert-manager.io/v1:ClusterIssuer",
                    "kubernetes:gateway.envoyproxy.io/v1alpha1:EnvoyProxy",
                    "kubernetes:gateway.envoyproxy.io/v1alpha1:BackendTrafficPolicy");
        }
    }

    @Test
    void outOfScopeKindsReallyHaveNoSchema() {
        for (var groupAndKind : OUT_OF_SCOPE.keySet()) {
            var slash = groupAndKind.indexOf('/');
            for (var version : List.of("v1", "v1beta1", "v1alpha1")) {
                assertThat(SCHEMAS.has(new CrdSchemas.Kind(groupAndKind.substring(0, slash), version, groupAndKind.substring(slash + 1))))
                        .as("%s has a schema now: check it instead of listing it as out of scope", groupAndKind).isFalse();
            }
        }
    }

    private static String groupAndKind(RegisteredResource object) {
        var apiVersion = object.type().split(":")[1];
        return apiVersion.substring(0, apiVersion.indexOf('/')) + "/" + object.type().split(":")[2];
    }
}
