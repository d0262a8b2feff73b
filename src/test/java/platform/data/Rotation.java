package platform.data;

import platform.render.RegisteredResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which resources two runs registered differently: what a `pulumi preview` after a config change would touch. */
final class Rotation {
    private Rotation() {
    }

    static List<String> changedResources(List<RegisteredResource> before, List<RegisteredResource> after) {
        var changed = new ArrayList<String>();
        for (var resource : after) {
            var key = resource.type() + "::" + resource.name();
            var previous = before.stream().filter(r -> r.type().equals(resource.type()) && r.name().equals(resource.name())).findFirst();
            if (previous.isEmpty() || !Objects.equals(previous.get().inputs(), resource.inputs())
                    || !previous.get().options().equals(resource.options())) {
                changed.add(key);
            }
        }
        return changed;
    }
}
