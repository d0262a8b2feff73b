package platform.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place where registered values become printable: secrets and unknowns become markers. */
final class Redaction {
    private Redaction() {
    }

    static Object printable(Object value) {
        if (value instanceof Secret) {
            return Secret.REDACTED;
        }
        if (value instanceof Unknown) {
            return Unknown.SHOWN;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), printable(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<>();
            list.forEach(item -> copy.add(printable(item)));
            return copy;
        }
        return value;
    }
}
