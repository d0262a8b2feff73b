package platform.cloud;

import org.junit.jupiter.api.Test;
import platform.Stacks;
import platform.render.ProgramRun;
import platform.render.RegisteredResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole platform on a local cluster (kind, minikube): nothing DigitalOcean-specific, backups to any S3 API. */
class LocalClusterTest {
    private static final String[] KIND = {
            "platform:cluster.mode=existing", "platform:cluster.context=kind-platform",
            "platform:cluster.storageClass=standard",
            "platform:edge.issuer=local-ca", "platform:edge.serviceType=NodePort",
            "platform:backups.s3.endpoint=http://minio.minio:9000", "platform:backups.s3.bucket=platform-backups",
            "!platform:backupS3AccessKeyId=minio-id", "!platform:backupS3SecretAccessKey=minio-key"};
    private static final ProgramRun.Result KIND_DEV = Stacks.run("dev", KIND);

    @Test
    void aKindRenderHasNoDigitalOceanStorageOrLoadBalancerAndItsOwnCa() {
        assertThat(KIND_DEV.problems()).isEmpty();
        var objects = Stacks.where(KIND_DEV, RegisteredResource::isKubernetesObject);
        assertThat(objects).isNotEmpty();
        assertThat(objects).noneMatch(object -> object.inputs().toString().contains("do-block-storage"))
                .noneMatch(object -> object.inputs().toString().contains("do-loadbalancer"));
        assertThat(Stacks.object(KIND_DEV, "StatefulSet", "bowmark", "postgres").inputs().toString())
                .contains("storageClassName=standard");
        assertThat(Stacks.object(KIND_DEV, "ClusterIssuer", "cluster", "local-ca").input("spec.ca.secretName"))
                .contains("platform-local-ca");
        assertThat(Stacks.object(KIND_DEV, "EnvoyProxy", "envoy-gateway-system", "platform-proxy")
                .input("spec.provider.kubernetes.envoyService.type")).contains("NodePort");
    }

    @Test
    void backupJobsWriteToTheConfiguredS3EndpointUnderTheSystemsPrefix() {
        var bucket = Stacks.object(KIND_DEV, "Secret", "bowmark", "backup-bucket");
        assertThat(bucket.input("stringData.endpoint")).contains("http://minio.minio:9000");
        assertThat(bucket.input("stringData.name")).contains("platform-backups");
        assertThat(bucket.input("stringData.secret").orElseThrow()).isInstanceOf(platform.render.Secret.class);
        var backup = Stacks.object(KIND_DEV, "CronJob", "bowmark", "pg-backup");
        assertThat(backup.input("spec.jobTemplate.spec.template.spec").orElseThrow().toString())
                .contains("name=PREFIX, value=bowmark/pg-backups/").contains("name=backup-bucket");
    }

    @Test
    void anS3SectionNeedsItsKeysAndAppliesOnlyToAnExistingCluster() {
        var keyless = Stacks.run("dev", "platform:cluster.mode=existing", "platform:cluster.context=kind-platform",
                "platform:backups.s3.endpoint=http://minio.minio:9000", "platform:backups.s3.bucket=platform-backups");
        assertThat(keyless.problems()).singleElement().asString()
                .startsWith("platform:backups.s3: needs its credentials as secrets");

        var onDoks = Stacks.run("dev", "platform:backups.s3.endpoint=http://minio.minio:9000");
        assertThat(onDoks.problems()).singleElement().asString()
                .startsWith("platform:backups.s3: applies only to an existing cluster");
    }

    @Test
    void withoutAnS3SectionALocalClusterKeepsNoBackups() {
        var result = Stacks.run("dev", "platform:cluster.mode=existing", "platform:cluster.context=kind-platform");
        assertThat(result.problems()).isEmpty();
        assertThat(Stacks.where(result, r -> r.isKubernetesObject() && r.kind().equals("CronJob")))
                .noneMatch(job -> job.metadataName().contains("backup"));
    }
}
