package platform;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import platform.apps.SystemContext;
import platform.apps.bowmark.Bowmark;
import platform.apps.mortimer.Mortimer;
import platform.apps.project88.Project88;
import platform.apps.srqhpn.SrqHpn;
import platform.apps.marc.Marc;
import platform.backup.BackupStorage;
import platform.cloud.BackupBucket;
import platform.cloud.CloudProject;
import platform.cloud.DoksCluster;
import platform.cloud.DoksClusterArgs;
import platform.cloud.Registry;
import platform.cluster.ImageResolver;
import platform.cluster.KubernetesTarget;
import platform.config.BackupSettings;
import platform.config.ClusterSettings;
import platform.config.ConfigKeys;
import platform.config.InvalidConfigException;
import platform.config.PlatformSettings;
import platform.config.StackConfig;
import platform.edge.Edge;
import platform.observability.Observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Pulumi program: stack config read and validated once, then the three layers (cloud,
 * cluster, apps), each using the one below only through its components' outputs.
 */
public final class Platform {
    private Platform() {
    }

    /** What the cloud layer hands the layers above. */
    private record Cloud(KubernetesTarget target, ImageResolver images, BackupStorage backups) {
    }

    /** @param keys which config keys the stack sets and which are secret ({@link ConfigKeys#fromEngine()} for real runs) */
    public static void define(Context ctx, ConfigKeys keys) {
        PlatformSettings settings;
        try {
            settings = PlatformSettings.read(ctx.stackName(), new StackConfig(ctx.config(StackConfig.NAMESPACE), keys));
        } catch (InvalidConfigException invalid) {
            // One line per problem in `pulumi preview`/`up` output, before anything is registered.
            invalid.problems().forEach(problem -> ctx.log().error(problem));
            throw invalid;
        }

        var cloud = settings.cluster() instanceof ClusterSettings.Create create
                ? createCloud(ctx, settings, create)
                : existingCluster(ctx, settings, (ClusterSettings.Existing) settings.cluster());
        var onCluster = ComponentResourceOptions.builder().providers(cloud.target().provider()).build();

        var edge = new Edge("edge", settings.edge(), settings.sites(), settings.protectsData() ? 2 : 1, onCluster);
        ctx.export("hosts", Output.of(settings.sites().stream().flatMap(site -> site.hosts().stream()).toList()));

        var context = new SystemContext(settings, edge, cloud.images(), cloud.backups(), onCluster);
        var namespaces = new TreeMap<String, Output<String>>();
        settings.bowmark().ifPresent(bowmark -> namespaces.put(Bowmark.NAMESPACE, new Bowmark("bowmark", context).namespace().output()));
        settings.mortimer().ifPresent(mortimer -> namespaces.put(Mortimer.NAMESPACE, new Mortimer("mortimer", context).namespace().output()));
        settings.project88().ifPresent(project88 -> namespaces.put(Project88.NAMESPACE, new Project88("project88", context).namespace().output()));
        settings.srqHpn().ifPresent(srqHpn -> namespaces.put(SrqHpn.NAMESPACE, new SrqHpn("srq-hpn", context).namespace().output()));
        settings.marc().ifPresent(marc -> namespaces.put(Marc.NAMESPACE, new Marc("marc", context).namespace().output()));
        ctx.export("namespaces", outputMap(namespaces));
        Observability.install(ctx, settings, namespaces, onCluster);
    }

    private static Cloud existingCluster(Context ctx, PlatformSettings settings, ClusterSettings.Existing existing) {
        ctx.export("clusterName", Output.of(existing.context()));
        var images = images(settings, Optional.empty());
        var backups = settings.backups()
                .filter(BackupSettings.External.class::isInstance)
                .map(external -> BackupStorage.external((BackupSettings.External) external, images.image(Versions.AWS_CLI)))
                .orElse(BackupStorage.none());
        return new Cloud(KubernetesTarget.ofContext(existing.context(), settings.protectsData()), images, backups);
    }

    /** A map whose values are outputs, as one output (sorted by key, as stack outputs show). */
    private static Output<Map<String, String>> outputMap(SortedMap<String, Output<String>> values) {
        var keys = List.copyOf(values.keySet());
        return Output.all(List.copyOf(values.values())).applyValue(resolved -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), resolved.get(i));
            }
            return map;
        });
    }

    /** Production pins every image by digest, reading private ones with the registry's read-only credentials. */
    private static ImageResolver images(PlatformSettings settings, Optional<Registry> registry) {
        return settings.protectsData()
                ? ImageResolver.pinningDigests(registry.map(Registry::readDockerConfig))
                : ImageResolver.asConfigured();
    }

    private static Cloud createCloud(Context ctx, PlatformSettings settings, ClusterSettings.Create create) {
        var tags = List.of("platform", "stack-" + settings.stack());
        var registry = settings.registry().map(registrySettings -> {
            var made = new Registry("registry", registrySettings, settings.protectsData(), null);
            ctx.export("registryServerUrl", made.serverUrl());
            return made;
        });
        var images = images(settings, registry);
        var cluster = new DoksCluster("cluster", new DoksClusterArgs(create, tags, registry), null);
        var projectUrns = new ArrayList<Output<String>>();
        projectUrns.add(cluster.cluster().clusterUrn());

        var buckets = new LinkedHashMap<String, BackupBucket>();
        settings.backups().filter(BackupSettings.Spaces.class::isInstance).map(BackupSettings.Spaces.class::cast).ifPresent(spaces -> {
            for (var system : settings.systemsWithData()) {
                var bucket = new BackupBucket("backups-" + system, system, spaces, settings.protectsData(), null);
                projectUrns.add(bucket.bucketUrn());
                buckets.put(system, bucket);
            }
        });
        var bucketNames = new TreeMap<String, Output<String>>();
        buckets.forEach((system, bucket) -> bucketNames.put(system, bucket.bucketName()));
        ctx.export("backupBuckets", outputMap(bucketNames));
        new CloudProject("project", "platform-" + settings.stack(), settings.environment(), projectUrns, null);

        ctx.export("clusterName", cluster.cluster().name());
        ctx.export("clusterId", cluster.cluster().id());
        ctx.export("clusterEndpoint", cluster.cluster().endpoint());
        ctx.export("clusterVersion", cluster.version());
        ctx.export("kubeconfig", cluster.kubeconfig());
        ctx.export("kubernetesProviderPlugin", Output.of(Versions.KUBERNETES_PROVIDER_PLUGIN));
        return new Cloud(KubernetesTarget.of(cluster, settings.protectsData()), images,
                BackupStorage.spaces(buckets, images.image(Versions.AWS_CLI)));
    }
}
