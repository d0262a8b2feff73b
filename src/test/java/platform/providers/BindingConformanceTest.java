package platform.providers;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.InputArgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import platform.SharedCopies;
import platform.providers.digitalocean.GetKubernetesCluster;
import platform.providers.digitalocean.GetKubernetesClusterResult;
import platform.providers.digitalocean.GetKubernetesVersions;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every hand-written provider binding against the provider schemas (the repository's copy of
 * {@code ../shared/provider-schemas}, see {@link SharedCopies}): type tokens, every input and output name and type, required
 * inputs settable, nested types, secret outputs kept secret, plugin versions.
 */
class BindingConformanceTest {
    private static final Path SCHEMAS = SharedCopies.copy(SharedCopies.PROVIDER_SCHEMAS);
    private static final Map<String, ProviderPackage> PACKAGES = Map.of(
            "digitalocean", ProviderPackage.DIGITALOCEAN, "random", ProviderPackage.RANDOM);

    private static Map<String, JsonObject> schemas;

    @BeforeAll
    static void loadSchemas() throws IOException {
        schemas = Map.of(
                "digitalocean", JsonParser.parseString(Files.readString(SCHEMAS.resolve("digitalocean.json"))).getAsJsonObject(),
                "random", JsonParser.parseString(Files.readString(SCHEMAS.resolve("random.json"))).getAsJsonObject());
    }

    @TestFactory
    Stream<DynamicTest> everyResourceBindingMatchesItsSchema() throws Exception {
        var bindings = resourceBindings();
        assertThat(bindings).hasSizeGreaterThanOrEqualTo(10);
        return bindings.stream().map(binding -> DynamicTest.dynamicTest(binding.getSimpleName(), () -> {
            var token = binding.getAnnotation(ResourceType.class).type();
            var pkg = token.substring(0, token.indexOf(':'));
            var schema = schemas.get(pkg);
            var resource = schema.getAsJsonObject("resources").getAsJsonObject(token);
            assertThat(resource).as("%s is a resource of the %s schema", token, pkg).isNotNull();
            assertThat(binding.getField("TYPE").get(null)).isEqualTo(token);

            var problems = new ArrayList<String>();
            var args = Class.forName(binding.getName() + "Args");
            checkInputs(args, resource.getAsJsonObject("inputProperties"), resource.getAsJsonArray("requiredInputs"), schema, token, problems);
            for (var field : binding.getDeclaredFields()) {
                var export = field.getAnnotation(Export.class);
                if (export == null) {
                    continue;
                }
                var property = resource.getAsJsonObject("properties").getAsJsonObject(export.name());
                if (property == null) {
                    problems.add(token + " has no output " + export.name());
                } else {
                    checkType(field.getGenericType(), property, schema, token + "." + export.name(), problems);
                }
            }
            var secretOutputs = new TreeSet<String>();
            resource.getAsJsonObject("properties").entrySet().stream()
                    .filter(e -> e.getValue().getAsJsonObject().has("secret"))
                    .forEach(e -> secretOutputs.add(e.getKey()));
            var declared = new TreeSet<String>();
            try {
                @SuppressWarnings("unchecked")
                var list = (List<String>) binding.getField("SECRET_OUTPUTS").get(null);
                declared.addAll(list);
            } catch (NoSuchFieldException none) {
                // a binding without secret outputs declares none
            }
            assertThat(declared).as("%s keeps the schema's secret outputs secret", token).isEqualTo(secretOutputs);
            assertThat(problems).as("mismatches of %s", token).isEmpty();
        }));
    }

    @Test
    void getKubernetesClusterMatchesItsSchemaAndCanReadEveryOutput() {
        var schema = schemas.get("digitalocean");
        var function = schema.getAsJsonObject("functions").getAsJsonObject(GetKubernetesCluster.TOKEN);
        assertThat(function).isNotNull();
        var problems = new ArrayList<String>();
        var inputs = function.getAsJsonObject("inputs");
        checkInputs(GetKubernetesCluster.Args.class, inputs.getAsJsonObject("properties"), inputs.getAsJsonArray("required"),
                schema, GetKubernetesCluster.TOKEN, problems);
        checkOutputType(GetKubernetesClusterResult.class, function.getAsJsonObject("outputs"), schema, "getKubernetesCluster", problems);
        assertThat(problems).isEmpty();
        assertThat(function.getAsJsonObject("outputs").getAsJsonObject("properties").getAsJsonObject("kubeConfigs").has("secret")).isTrue();
    }

    @Test
    void getKubernetesVersionsMatchesItsSchemaAndCanReadEveryOutput() {
        var schema = schemas.get("digitalocean");
        var function = schema.getAsJsonObject("functions").getAsJsonObject(GetKubernetesVersions.TOKEN);
        assertThat(function).isNotNull();
        var problems = new ArrayList<String>();
        var inputs = function.getAsJsonObject("inputs");
        checkInputs(GetKubernetesVersions.Args.class, inputs.getAsJsonObject("properties"), inputs.getAsJsonArray("required"),
                schema, GetKubernetesVersions.TOKEN, problems);
        checkOutputType(GetKubernetesVersions.Result.class, function.getAsJsonObject("outputs"), schema, "getKubernetesVersions", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void pluginDeclarationsMatchTheSchemaVersions() throws IOException {
        for (var entry : PACKAGES.entrySet()) {
            var resource = getClass().getResourceAsStream("/com/pulumi/" + entry.getKey() + "/plugin.json");
            assertThat(resource).as("plugin.json of %s", entry.getKey()).isNotNull();
            var plugin = JsonParser.parseString(new String(resource.readAllBytes())).getAsJsonObject();
            assertThat(plugin.get("name").getAsString()).isEqualTo(entry.getKey());
            assertThat(plugin.get("resource").getAsBoolean()).isTrue();
            assertThat(plugin.get("version").getAsString()).isEqualTo(entry.getValue().version());
            assertThat(schemas.get(entry.getKey()).get("version").getAsString().replaceFirst("^v", "")).isEqualTo(entry.getValue().version());
        }
    }

    /** Every class with {@code @ResourceType} under platform.providers, found on disk so none is missed. */
    private static List<Class<?>> resourceBindings() throws Exception {
        var root = Path.of(BindingConformanceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("classes");
        var bindings = new ArrayList<Class<?>>();
        try (var files = Files.walk(root.resolve("platform/providers"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                var name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                var type = Class.forName(name);
                if (type.isAnnotationPresent(ResourceType.class)) {
                    bindings.add(type);
                }
            }
        }
        return bindings;
    }

    private static void checkInputs(Class<?> args, JsonObject properties, JsonElement required, JsonObject schema,
                                    String where, List<String> problems) {
        var settable = new TreeSet<String>();
        for (var field : importFields(args)) {
            var annotation = field.getAnnotation(Import.class);
            var property = properties.getAsJsonObject(annotation.name());
            if (property == null) {
                problems.add(where + " has no input " + annotation.name());
                continue;
            }
            if (annotation.required()) {
                settable.add(annotation.name());
            }
            checkType(field.getGenericType(), property, schema, where + "." + annotation.name(), problems);
        }
        if (required != null) {
            for (var name : required.getAsJsonArray()) {
                if (!settable.contains(name.getAsString())) {
                    problems.add(where + " requires " + name.getAsString() + ", which the binding does not set as required");
                }
            }
        }
    }

    /** Declared and inherited, as the SDK serializes them. */
    private static List<Field> importFields(Class<?> type) {
        var fields = new ArrayList<Field>();
        for (var current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Stream.of(current.getDeclaredFields())
                    .filter(f -> f.isAnnotationPresent(Import.class) && !Modifier.isStatic(f.getModifiers()))
                    .forEach(fields::add);
        }
        return fields;
    }

    private static void checkType(Type javaType, JsonObject property, JsonObject schema, String where, List<String> problems) {
        var type = unwrapOutput(javaType);
        if (property.has("$ref")) {
            var ref = property.get("$ref").getAsString().replace("#/types/", "");
            var definition = schema.getAsJsonObject("types").getAsJsonObject(ref);
            if (definition.has("enum")) {
                expect(type, String.class, where, problems);
                return;
            }
            var javaClass = (Class<?>) type;
            if (InputArgs.class.isAssignableFrom(javaClass)) {
                checkInputs(javaClass, definition.getAsJsonObject("properties"), definition.get("required"), schema, where, problems);
            } else {
                checkOutputType(javaClass, definition, schema, where, problems);
            }
            return;
        }
        if (property.has("oneOf")) {
            expect(type, String.class, where, problems);
            return;
        }
        switch (property.get("type").getAsString()) {
            case "string" -> expect(type, String.class, where, problems);
            case "integer" -> expect(type, Integer.class, where, problems);
            case "number" -> expect(type, Double.class, where, problems);
            case "boolean" -> expect(type, Boolean.class, where, problems);
            case "array" -> {
                if (expect(type, List.class, where, problems)) {
                    checkType(((ParameterizedType) type).getActualTypeArguments()[0], property.getAsJsonObject("items"), schema, where + "[]", problems);
                }
            }
            case "object" -> {
                if (expect(type, Map.class, where, problems)) {
                    var arguments = ((ParameterizedType) type).getActualTypeArguments();
                    expect(arguments[0], String.class, where + " keys", problems);
                    checkType(arguments[1], property.getAsJsonObject("additionalProperties"), schema, where + "{}", problems);
                }
            }
            default -> problems.add(where + ": unknown schema type " + property.get("type"));
        }
    }

    /** An output type must have a builder setter for every property, or the SDK cannot read it. */
    private static void checkOutputType(Class<?> type, JsonObject definition, JsonObject schema, String where, List<String> problems) {
        if (!type.isAnnotationPresent(CustomType.class)) {
            problems.add(where + ": " + type.getSimpleName() + " is not a @CustomType");
            return;
        }
        var builder = Stream.of(type.getDeclaredClasses()).filter(c -> c.isAnnotationPresent(CustomType.Builder.class)).findFirst();
        if (builder.isEmpty()) {
            problems.add(where + ": " + type.getSimpleName() + " has no @CustomType.Builder");
            return;
        }
        var setters = new TreeSet<String>();
        for (var method : builder.get().getDeclaredMethods()) {
            var setter = method.getAnnotation(CustomType.Setter.class);
            if (setter == null) {
                continue;
            }
            var name = setter.value().isEmpty() ? method.getName() : setter.value();
            setters.add(name);
            var property = definition.getAsJsonObject("properties").getAsJsonObject(name);
            if (property == null) {
                problems.add(where + " has no property " + name);
            } else {
                checkType(method.getGenericParameterTypes()[0], property, schema, where + "." + name, problems);
            }
        }
        for (var name : definition.getAsJsonObject("properties").keySet()) {
            if (!setters.contains(name)) {
                problems.add(where + ": " + type.getSimpleName() + " cannot read property " + name);
            }
        }
    }

    private static Type unwrapOutput(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Output.class) {
            return parameterized.getActualTypeArguments()[0];
        }
        return type;
    }

    private static boolean expect(Type actual, Class<?> expected, String where, List<String> problems) {
        var unwrapped = unwrapOutput(actual);
        var raw = unwrapped instanceof ParameterizedType parameterized ? parameterized.getRawType() : unwrapped;
        if (raw != expected) {
            problems.add(where + ": expected " + expected.getSimpleName() + ", got " + unwrapped.getTypeName());
            return false;
        }
        return true;
    }
}
