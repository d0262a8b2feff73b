package platform.render;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the engine's wire form of resource inputs into plain Java values: maps, lists, strings,
 * booleans, whole numbers as {@code Long}, other numbers as {@code Double}; secrets as
 * {@link Secret}, unknowns as {@link Unknown}, resource references as their URN.
 */
final class ProtoValues {
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private ProtoValues() {
    }

    static Map<String, Object> toMap(Struct struct) {
        var result = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> result.put(entry.getKey(), toJava(entry.getValue())));
        return result;
    }

    static Object toJava(Value value) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return value.getBoolValue();
            case NUMBER_VALUE:
                var number = value.getNumberValue();
                return number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : (Object) number;
            case STRING_VALUE:
                return UNKNOWN.equals(value.getStringValue()) ? Unknown.VALUE : value.getStringValue();
            case LIST_VALUE:
                var list = new ArrayList<>();
                value.getListValue().getValuesList().forEach(item -> list.add(toJava(item)));
                return list;
            case STRUCT_VALUE:
                var fields = value.getStructValue().getFieldsMap();
                var sig = fields.get(SIG_KEY);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    return new Secret(toJava(fields.getOrDefault("value", Value.getDefaultInstance())));
                }
                if (sig != null && RESOURCE_SIG.equals(sig.getStringValue())) {
                    return fields.get("urn").getStringValue();
                }
                return toMap(value.getStructValue());
            default:
                throw new IllegalStateException("unexpected value kind " + value.getKindCase());
        }
    }
}
