package platform;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import platform.apps.bowmark.Bowmark;
import platform.cloud.BackupBucket;
import platform.cloud.CloudProject;
import platform.cloud.DoksCluster;
import platform.cloud.DoksClusterArgs;
import platform.cloud.Registry;
import platform.cluster.KubernetesTarget;
import platform.config.ClusterSettings;
import platform.config.ConfigKeys;
import platform.config.InvalidConfigException;
import platform.config.PlatformSettings;
import platform.config.StackConfig;
import platform.edge.Edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Pulumi program: stack config read and validated once, then the three layers (cloud,
 * cluster, apps), each using the one below only through its components' outputs.
 */
public final class Platform {
    private Platform() {
    }

    /** What the cloud layer hands the layers above. */
    private record Cloud(KubernetesTarget target, Optional<BackupBucket> backups) {
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
                : existingCluster(ctx, (ClusterSettings.Existing) settings.cluster());
        var onCluster = ComponentResourceOptions.builder().providers(cloud.target().provider()).build();

        var edge = new Edge("edge", settings.edge(), settings.protectsData() ? 2 : 1, onCluster);
        ctx.export("hosts", Output.of(settings.edge().hosts()));

        settings.bowmark().ifPresent(bowmark -> {
            var app = new Bowmark("bowmark", settings, edge, cloud.backups(), onCluster);
            ctx.export("bowmarkNamespace", app.namespace().output());
        });
    }

    private static Cloud existingCluster(Context ctx, ClusterSettings.Existing existing) {
        ctx.export("clusterName", Output.of(existing.context()));
        return new Cloud(KubernetesTarget.ofContext(existing.context()), Optional.empty());
    }

    private static Cloud createCloud(Context ctx, PlatformSettings settings, ClusterSettings.Create create) {
        var tags = List.of("platform", "stack-" + settings.stack());
        var cluster = new DoksCluster("cluster", new DoksClusterArgs(create, tags), null);
        var projectUrns = new ArrayList<Output<String>>();
        projectUrns.add(cluster.cluster().clusterUrn());

        settings.registry().ifPresent(registrySettings -> {
            var registry = new Registry("registry", registrySettings, settings.protectsData(), null);
            ctx.export("registryServerUrl", registry.serverUrl());
        });
        var backups = settings.backups().map(backupSettings -> {
            var bucket = new BackupBucket("backups", backupSettings, settings.protectsData(), null);
            projectUrns.add(bucket.bucketUrn());
            ctx.export("backupBucket", bucket.bucketName());
            return bucket;
        });
        new CloudProject("project", "platform-" + settings.stack(), settings.environment(), projectUrns, null);

        ctx.export("clusterName", cluster.cluster().name());
        ctx.export("clusterId", cluster.cluster().id());
        ctx.export("clusterEndpoint", cluster.cluster().endpoint());
        ctx.export("kubeconfig", cluster.kubeconfig());
        return new Cloud(KubernetesTarget.of(cluster), backups);
    }
}
