package platform.render;

import com.google.gson.GsonBuilder;
import platform.render.architecture.ArchitectureDiagram;
import platform.render.capacity.Capacity;
import platform.render.capacity.Cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a render tells a reader besides the objects: the summary (also as JSON) with cost and
 * capacity, and the architecture picture. Capacity failures make the render fail.
 */
public record RenderReport(String stack, Summary summary, Cost cost, Capacity capacity, String architecture) {

    public static RenderReport of(String stack, ProgramRun.Result result) {
        var resources = result.resources();
        return new RenderReport(stack, Summary.of(resources, result.outputs()), Cost.of(resources), Capacity.of(resources),
                ArchitectureDiagram.of(stack, resources).markdown());
    }

    /** Problems that fail the render: pods that could never be scheduled. */
    public List<String> failures() {
        return capacity.failures();
    }

    public List<String> warnings() {
        var warnings = new ArrayList<String>(capacity.warnings());
        cost.unknown().forEach(warnings::add);
        return warnings;
    }

    public String text() {
        return summary.text(stack) + CostText.of(cost) + CostText.capacity(capacity) + warningsText();
    }

    private String warningsText() {
        var warnings = warnings();
        if (warnings.isEmpty()) {
            return "";
        }
        var text = new StringBuilder("\nwarnings:\n");
        warnings.forEach(warning -> text.append("  ").append(warning).append('\n'));
        return text.toString();
    }

    public String json() {
        var json = new LinkedHashMap<String, Object>();
        json.put("stack", stack);
        json.putAll(summary.toJson());
        json.put("cost", cost.toJson());
        json.put("capacity", capacity.toJson());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json);
    }
}
