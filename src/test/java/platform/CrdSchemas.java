package platform;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.pulumi.core.annotations.ResourceType;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;
import platform.render.Secret;
import platform.render.Unknown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code openAPIV3Schema} of every CRD kind the platform installs (the repository's copy of
 * {@code ../shared/crd-schemas}), as a JSON Schema validator that reads them like the API server:
 * {@code x-kubernetes-*} keywords and unknown formats are ignored, and every object schema with
 * {@code properties}, no {@code additionalProperties} and no {@code x-kubernetes-preserve-unknown-fields}
 * is closed, so a misspelt field is an error (the API server rejects unknown fields). CEL rules
 * ({@code x-kubernetes-validations}) are not checked.
 */
public final class CrdSchemas {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();
    private static final String PRESERVE_UNKNOWN = "x-kubernetes-preserve-unknown-fields";
    private static final List<String> JUNCTORS = List.of("allOf", "anyOf", "oneOf");

    /** A CRD's served version of a kind, e.g. {@code gateway.networking.k8s.io}, {@code v1}, {@code HTTPRoute}. */
    public record Kind(String group, String version, String kind) {
        /** From an object's {@code apiVersion} ({@code group/version}) and {@code kind}. */
        public static Kind of(String apiVersion, String kind) {
            var slash = apiVersion.indexOf('/');
            return slash < 0 ? new Kind("", apiVersion, kind) : new Kind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
        }

        public String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }

        @Override
        public String toString() {
            return apiVersion() + " " + kind;
        }
    }

    private final Path root;
    private final Map<Kind, JsonNode> schemas;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<Kind, Schema> compiled = new HashMap<>();

    private CrdSchemas(Path root, Map<Kind, JsonNode> schemas) {
        this.root = root;
        this.schemas = schemas;
    }

    /** The repository's copy, which every test uses. */
    public static CrdSchemas repositoryCopy() {
        return load(SharedCopies.copy(SharedCopies.CRD_SCHEMAS));
    }

    /** Every {@code {"group", "version", "kind", "openAPIV3Schema"}} file under {@code root}. */
    public static CrdSchemas load(Path root) {
        var schemas = new HashMap<Kind, JsonNode>();
        try (var files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                var crd = JSON.readTree(file.toFile());
                var kind = new Kind(crd.get("group").asString(), crd.get("version").asString(), crd.get("kind").asString());
                if (schemas.put(kind, crd.get("openAPIV3Schema")) != null) {
                    throw new IllegalStateException("two schemas for " + kind + " under " + root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("no CRD schemas under " + root);
        }
        return new CrdSchemas(root, Map.copyOf(schemas));
    }

    public boolean has(Kind kind) {
        return schemas.containsKey(kind);
    }

    /**
     * Every way the object (apiVersion, kind, metadata, spec; as registered: numbers may be doubles,
     * secrets wrapped) breaks its kind's schema; a kind without a schema is a problem too.
     */
    public synchronized List<String> problems(Map<String, Object> object) {
        var apiVersion = object.get("apiVersion");
        var kindName = object.get("kind");
        if (!(apiVersion instanceof String) || !(kindName instanceof String)) {
            return List.of("an object needs a string apiVersion and kind, got " + apiVersion + " and " + kindName);
        }
        var kind = Kind.of((String) apiVersion, (String) kindName);
        if (!has(kind)) {
            return List.of("no CRD schema for " + kind + " in " + root + ": add the openAPIV3Schema of the CRD from the"
                    + " release the platform installs (see its README), or list the kind as out of scope with the reason");
        }
        var schema = compiled.computeIfAbsent(kind, k -> registry.getSchema(structural(schemas.get(k))));
        var problems = new ArrayList<String>();
        schema.validate(json(object)).forEach(error -> problems.add(error.toString()));
        return problems;
    }

    /** The registered custom objects, in registration order. */
    public static List<RegisteredResource> customObjects(ProgramRun.Result result) {
        return result.resources().stream().filter(r -> isCustomObject(r.type())).toList();
    }

    /**
     * A {@code kubernetes:<group>/<version>:<Kind>} object for which the Kubernetes SDK has no class,
     * i.e. one whose schema comes from a CustomResourceDefinition.
     */
    public static boolean isCustomObject(String type) {
        var parts = type.split(":");
        if (parts.length != 3 || !parts[0].equals("kubernetes") || !parts[1].contains("/")) {
            return false;
        }
        var group = parts[1].substring(0, parts[1].indexOf('/'));
        var version = parts[1].substring(parts[1].indexOf('/') + 1);
        var sdkPackage = group.split("\\.")[0];
        try {
            var sdkClass = Class.forName("com.pulumi.kubernetes." + sdkPackage + "." + version + "." + parts[2]);
            var annotation = sdkClass.getAnnotation(ResourceType.class);
            return annotation == null || !annotation.type().equals(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
    }

    /** The CRD's schema made checkable: closed objects, no Kubernetes extensions, a minimal ObjectMeta. */
    static JsonNode structural(JsonNode openApiSchema) {
        var schema = (ObjectNode) openApiSchema.deepCopy();
        close(schema);
        var properties = (ObjectNode) schema.get("properties");
        properties.set("metadata", metadataSchema());
        schema.set("required", union(schema.get("required"), "apiVersion", "kind", "metadata"));
        return schema;
    }

    private static void close(ObjectNode schema) {
        var preserveUnknown = schema.path(PRESERVE_UNKNOWN).asBoolean(false);
        schema.propertyNames().stream().filter(name -> name.startsWith("x-kubernetes-")).toList().forEach(schema::remove);
        if (schema.has("properties")) {
            schema.get("properties").forEach(property -> close((ObjectNode) property));
            // Only typed object schemas: properties inside allOf/anyOf/oneOf/not only constrain the object's own.
            if ("object".equals(schema.path("type").asString("")) && !schema.has("additionalProperties") && !preserveUnknown) {
                schema.put("additionalProperties", false);
            }
        }
        if (schema.get("items") instanceof ObjectNode items) {
            close(items);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode values) {
            close(values);
        }
        if (schema.get("not") instanceof ObjectNode not) {
            close(not);
        }
        for (var junctor : JUNCTORS) {
            if (schema.get(junctor) instanceof ArrayNode branches) {
                branches.forEach(branch -> close((ObjectNode) branch));
            }
        }
    }

    /** ObjectMeta's fields that the API server sets or that the platform has no reason to check the shape of. */
    private static final List<String> OTHER_METADATA_FIELDS = List.of("creationTimestamp", "deletionGracePeriodSeconds",
            "deletionTimestamp", "finalizers", "generateName", "generation", "managedFields", "ownerReferences",
            "resourceVersion", "selfLink", "uid");

    /** CRD schemas leave metadata to the API server (closed ObjectMeta); this checks what the platform sets. */
    private static ObjectNode metadataSchema() {
        var stringMap = NODES.objectNode().put("type", "object").set("additionalProperties", NODES.objectNode().put("type", "string"));
        var properties = NODES.objectNode();
        properties.set("name", NODES.objectNode().put("type", "string").put("minLength", 1).put("maxLength", 253)
                .put("pattern", "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
        properties.set("namespace", NODES.objectNode().put("type", "string").put("minLength", 1).put("maxLength", 63));
        properties.set("labels", stringMap);
        properties.set("annotations", stringMap.deepCopy());
        OTHER_METADATA_FIELDS.forEach(field -> properties.set(field, NODES.objectNode()));
        var metadata = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        metadata.set("properties", properties);
        metadata.set("required", NODES.arrayNode().add("name"));
        return metadata;
    }

    private static ArrayNode union(JsonNode required, String... names) {
        var result = NODES.arrayNode();
        if (required != null) {
            required.forEach(result::add);
        }
        for (var name : names) {
            if (result.valueStream().noneMatch(n -> n.asString().equals(name))) {
                result.add(name);
            }
        }
        return result;
    }

    /**
     * A registered value as the provider would send it: integral numbers as integers, secrets unwrapped;
     * a value only the cloud knows is checked as the string {@code [unknown]}.
     */
    static JsonNode json(Object value) {
        if (value instanceof Secret secret) {
            return json(secret.value());
        }
        if (value instanceof Map<?, ?> map) {
            var node = NODES.objectNode();
            map.forEach((key, item) -> node.set(key.toString(), json(item)));
            return node;
        }
        if (value instanceof List<?> list) {
            var node = NODES.arrayNode();
            list.forEach(item -> node.add(json(item)));
            return node;
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return NODES.numberNode(number.longValue());
        }
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float ? NODES.numberNode(number.doubleValue()) : NODES.numberNode(number.longValue());
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof String || value instanceof Unknown) {
            return NODES.stringNode(value.toString());
        }
        if (value == null) {
            return NODES.nullNode();
        }
        throw new IllegalArgumentException("cannot check a registered value of " + value.getClass());
    }
}
