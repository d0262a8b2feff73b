package platform.apps;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import platform.backup.BackupTarget;
import platform.edge.Route;
import platform.k8s.AppLabels;
import platform.k8s.AppNamespace;
import platform.k8s.NamespaceRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every system is built on: its namespace (its first object, protected in production), its
 * routes on the shared gateway labelled as the system's routing, its backup target, and the
 * namespace as its registered output. A system's constructor ends with {@link #registerNamespace()}.
 */
public abstract class AppSystem extends ComponentResource {
    protected final SystemContext context;
    protected final NamespaceRef namespace;
    private final String system;

    /** @param system the {@code part-of} label of everything it creates ({@code bowmark}) */
    protected AppSystem(String type, String name, SystemContext context, String namespaceName, String system) {
        super(type, name, context.onCluster());
        this.context = context;
        this.system = system;
        namespace = new AppNamespace(namespaceName, system, context.protect(), child()).ref();
    }

    /** The options of a child component: parented to this system. */
    protected ComponentResourceOptions child() {
        return ComponentResourceOptions.builder().parent(this).build();
    }

    /** Publishes {@code route} on the shared gateway: {@link platform.edge.Edge#expose}. */
    protected void expose(Route route) {
        expose(route, List.of());
    }

    /** Publishes {@code route} once {@code after} are ready: {@link platform.edge.Edge#expose}. */
    protected void expose(Route route, List<? extends Resource> after) {
        context.edge().expose(this, namespace, AppLabels.of(system, system, route.name(), "routing"), route, after);
    }

    /** Where this system's backups go, with the Secret its backup jobs read; empty when the stack keeps none. */
    protected Optional<BackupTarget> backupTarget(AppLabels labels) {
        return context.backups().targetFor(this, system, namespace, labels);
    }

    /** The last step of a system's constructor. */
    protected void registerNamespace() {
        registerOutputs(Map.of("namespace", namespace.output()));
    }

    public NamespaceRef namespace() {
        return namespace;
    }
}
