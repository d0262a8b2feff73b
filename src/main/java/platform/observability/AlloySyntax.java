package platform.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Grafana Alloy's configuration language, typed: blocks (a component is a block with a label)
 * holding attributes and nested blocks, and values that are text, numbers, booleans, lists,
 * objects or references to another component's exports. Rendering escapes every text value, so
 * config text never has to be spliced together by hand.
 */
final class AlloySyntax {
    private AlloySyntax() {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final String INDENT = "  ";

    /** An attribute's value. */
    sealed interface Value permits Text, Number, Bool, ListOf, ObjectOf, Reference {
        String render(int depth);
    }

    /** A string literal. */
    record Text(String value) implements Value {
        Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String render(int depth) {
            var quoted = new StringBuilder("\"");
            for (var c : value.toCharArray()) {
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\r' -> quoted.append("\\r");
                    case '\t' -> quoted.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
        }
    }

    record Number(long value) implements Value {
        @Override
        public String render(int depth) {
            return Long.toString(value);
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String render(int depth) {
            return Boolean.toString(value);
        }
    }

    record ListOf(List<Value> items) implements Value {
        ListOf {
            items = List.copyOf(items);
        }

        @Override
        public String render(int depth) {
            if (items.stream().allMatch(item -> item instanceof Text || item instanceof Reference)) {
                return "[" + String.join(", ", items.stream().map(item -> item.render(depth)).toList()) + "]";
            }
            var text = new StringBuilder("[\n");
            for (var item : items) {
                text.append(INDENT.repeat(depth + 1)).append(item.render(depth + 1)).append(",\n");
            }
            return text.append(INDENT.repeat(depth)).append(']').toString();
        }
    }

    /** An object literal: keys that are not identifiers (label names with dots or slashes) are quoted. */
    record ObjectOf(Map<String, Value> fields) implements Value {
        ObjectOf {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String render(int depth) {
            if (fields.isEmpty()) {
                return "{}";
            }
            var text = new StringBuilder("{\n");
            for (var field : fields.entrySet()) {
                var key = IDENTIFIER.matcher(field.getKey()).matches() ? field.getKey() : new Text(field.getKey()).render(depth);
                text.append(INDENT.repeat(depth + 1)).append(key).append(" = ").append(field.getValue().render(depth + 1)).append(",\n");
            }
            return text.append(INDENT.repeat(depth)).append('}').toString();
        }
    }

    /** Another component's export, such as {@code discovery.kubernetes.pods.targets}. */
    record Reference(String path) implements Value {
        Reference {
            if (!DOTTED.matcher(path).matches()) {
                throw new IllegalArgumentException("not a reference: " + path);
            }
        }

        @Override
        public String render(int depth) {
            return path;
        }
    }

    static Text text(String value) {
        return new Text(value);
    }

    static ListOf texts(List<String> values) {
        return new ListOf(values.stream().<Value>map(Text::new).toList());
    }

    static ListOf list(Value... values) {
        return new ListOf(List.of(values));
    }

    /** An object of text values, keys sorted so that the same input always renders the same text (its checksum rolls the pod). */
    static ObjectOf textObject(Map<String, String> fields) {
        var values = new LinkedHashMap<String, Value>();
        new java.util.TreeMap<>(fields).forEach((key, value) -> values.put(key, new Text(value)));
        return new ObjectOf(values);
    }

    /** A block ({@code endpoint { ... }}) or, with a label, a component ({@code loki.write "logs" { ... }}). */
    static final class Block {
        private final String name;
        private final String label;
        private final List<Object> body = new ArrayList<>();

        private Block(String name, String label) {
            if (!DOTTED.matcher(name).matches()) {
                throw new IllegalArgumentException("not a block name: " + name);
            }
            if (label != null && !IDENTIFIER.matcher(label).matches()) {
                throw new IllegalArgumentException("a component label is an identifier, got " + label);
            }
            this.name = name;
            this.label = label;
        }

        static Block component(String name, String label) {
            return new Block(name, Objects.requireNonNull(label, "label"));
        }

        static Block block(String name) {
            return new Block(name, null);
        }

        private record Attribute(String name, Value value) {
        }

        Block set(String attribute, Value value) {
            if (!IDENTIFIER.matcher(attribute).matches()) {
                throw new IllegalArgumentException("not an attribute name: " + attribute);
            }
            body.add(new Attribute(attribute, Objects.requireNonNull(value, attribute)));
            return this;
        }

        Block set(String attribute, String value) {
            return set(attribute, new Text(value));
        }

        Block set(String attribute, boolean value) {
            return set(attribute, new Bool(value));
        }

        Block set(String attribute, long value) {
            return set(attribute, new Number(value));
        }

        Block add(Block child) {
            body.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        /** This component's export {@code field}, e.g. {@code receiver} of {@code loki.write "logs"}. */
        Reference export(String field) {
            if (label == null) {
                throw new IllegalStateException(name + " is a block, not a component: it exports nothing");
            }
            return new Reference(name + "." + label + "." + field);
        }

        String name() {
            return name;
        }

        String label() {
            return label;
        }

        /** The value of this block's attribute {@code attribute}, for tests and summaries. */
        java.util.Optional<Value> attribute(String attribute) {
            return body.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast)
                    .filter(a -> a.name().equals(attribute)).map(Attribute::value).findFirst();
        }

        /** The nested blocks named {@code blockName}, in order. */
        List<Block> blocks(String blockName) {
            return body.stream().filter(Block.class::isInstance).map(Block.class::cast)
                    .filter(b -> b.name.equals(blockName)).toList();
        }

        String render(int depth) {
            var pad = INDENT.repeat(depth);
            var text = new StringBuilder(pad).append(name);
            if (label != null) {
                text.append(' ').append(new Text(label).render(depth));
            }
            text.append(" {\n");
            for (var item : body) {
                if (item instanceof Attribute attribute) {
                    text.append(pad).append(INDENT).append(attribute.name()).append(" = ")
                            .append(attribute.value().render(depth + 1)).append('\n');
                } else {
                    text.append(((Block) item).render(depth + 1));
                }
            }
            return text.append(pad).append("}\n").toString();
        }
    }

    /** A whole configuration file: components in order, each preceded by a one-line comment. */
    static final class Document {
        private final List<Block> components = new ArrayList<>();
        private final Map<Block, String> comments = new LinkedHashMap<>();

        Block add(String comment, Block component) {
            if (component.label() == null) {
                throw new IllegalArgumentException("a configuration file holds components, got block " + component.name());
            }
            if (components.stream().anyMatch(c -> c.name().equals(component.name()) && c.label().equals(component.label()))) {
                throw new IllegalArgumentException("component " + component.name() + " \"" + component.label() + "\" is declared twice");
            }
            components.add(component);
            comments.put(component, comment);
            return component;
        }

        List<Block> components() {
            return List.copyOf(components);
        }

        /** The component {@code name "label"}, if declared. */
        java.util.Optional<Block> find(String name, String label) {
            return components.stream().filter(c -> c.name().equals(name) && c.label().equals(label)).findFirst();
        }

        String render() {
            var text = new StringBuilder();
            for (var component : components) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append("// ").append(comments.get(component).replace('\n', ' ')).append('\n');
                text.append(component.render(0));
            }
            return text.toString();
        }
    }
}
