package platform.render;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one Kubernetes object per file, in the Kubernetes provider's own render layout:
 * {@code 1-manifest/<apiVersion>-<kind>-<namespace>-<name>.yaml}, CRDs under {@code 0-crd/}.
 */
final class ManifestWriter {
    private final Yaml yaml;

    ManifestWriter() {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        yaml = new Yaml(new LiteralMultilineRepresenter(options), options);
    }

    static String fileName(RegisteredResource object) {
        var apiVersion = object.input("apiVersion").map(Object::toString).orElse("v1").replace('/', '_');
        return apiVersion + "-" + object.kind() + "-" + object.namespace() + "-" + object.metadataName() + ".yaml";
    }

    Path write(Path dir, RegisteredResource object) throws IOException {
        var folder = dir.resolve(object.kind().equals("CustomResourceDefinition") ? "0-crd" : "1-manifest");
        Files.createDirectories(folder);
        var file = folder.resolve(fileName(object));
        Files.writeString(file, yaml.dump(manifest(object)));
        return file;
    }

    /** apiVersion, kind and metadata first, as kubectl shows objects. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest(RegisteredResource object) {
        var printable = (Map<String, Object>) Redaction.printable(object.inputs());
        var ordered = new LinkedHashMap<String, Object>();
        for (var key : new String[]{"apiVersion", "kind", "metadata"}) {
            if (printable.containsKey(key)) {
                ordered.put(key, printable.get(key));
            }
        }
        ordered.putAll(printable);
        return ordered;
    }

    /** Scripts and config files embedded in objects stay readable as YAML literal blocks. */
    private static final class LiteralMultilineRepresenter extends Representer {
        LiteralMultilineRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class, new RepresentString());
        }

        private final class RepresentString implements Represent {
            @Override
            public Node representData(Object data) {
                var text = data.toString();
                var style = text.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN;
                return representScalar(Tag.STR, text, style);
            }
        }
    }
}
