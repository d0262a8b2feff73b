package platform.real;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import platform.Programs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An S3 API in this JVM (s3proxy over an in-memory store) on a free loopback port, with signed
 * requests required, per test class; and the AWS CLI v2 the jobs' image has (Debian's awscli),
 * which the backup scripts call. The test reads and seeds buckets directly through the store.
 */
public final class S3Server implements BeforeAllCallback, AfterAllCallback {
    private final String accessKey = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String secretKey = UUID.randomUUID().toString();
    private BlobStoreContext store;
    private S3Proxy proxy;
    private Path aws;
    private Path home;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        aws = awsCliV2();
        home = Files.createTempDirectory("aws-home");
        store = ContextBuilder.newBuilder("transient").credentials(accessKey, secretKey).build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(store.getBlobStore())
                .endpoint(URI.create("http://" + Loopback.HOST + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        var deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Loopback.sleep(20);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    /** The first {@code aws} that is version 2, like the jobs' amazon/aws-cli image. */
    private static Path awsCliV2() {
        var found = new ArrayList<String>();
        for (var candidate : Programs.all("aws", Path.of("/usr/bin"))) {
            var version = Command.of(Map.of("HOME", System.getProperty("java.io.tmpdir")), candidate.toString(), "--version").run().output().strip();
            if (version.startsWith("aws-cli/2.")) {
                return candidate;
            }
            found.add(candidate + " is " + version);
        }
        Programs.unavailable("the backup tests need the AWS CLI version 2 (the jobs' image has 2.x)"
                + (found.isEmpty() ? "" : "; " + found) + ": " + Programs.INSTALL);
        throw new IllegalStateException("unreachable");
    }

    public String endpoint() {
        return "http://" + Loopback.HOST + ":" + proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** A writable HOME for the CLI (its cache), as the jobs set HOME=/tmp. */
    public String home() {
        return home.toString();
    }

    /** PATH with the AWS CLI first: what the jobs' AWS CLI image has. */
    public String path() {
        return aws.getParent() + ":/usr/local/bin:/usr/bin:/bin";
    }

    public BlobStore blobs() {
        return store.getBlobStore();
    }

    public void createBucket(String bucket) {
        blobs().createContainerInLocation(null, bucket);
    }

    /** A new empty bucket named {@code prefix} and a random part, so that each test has its own. */
    public String newBucket(String prefix) {
        var bucket = prefix + UUID.randomUUID().toString().substring(0, 8);
        createBucket(bucket);
        return bucket;
    }

    /** A job step's AWS CLI variables: the bucket's Secret and the Spaces endpoint stand for this S3 API's, {@code bucket} for the bucket. */
    public UnaryOperator<PodEnv> jobEnv(String bucket) {
        return env -> env.replace("BUCKET", bucket).replace("S3_ENDPOINT", endpoint())
                .replace("AWS_ACCESS_KEY_ID", accessKey()).replace("AWS_SECRET_ACCESS_KEY", secretKey())
                .replace("HOME", home()).add("PATH", path());
    }

    public void put(String bucket, String key, byte[] content) {
        blobs().putBlob(bucket, blobs().blobBuilder(key).payload(content).build());
    }

    public byte[] get(String bucket, String key) throws IOException {
        try (var in = blobs().getBlob(bucket, key).getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    /** Every key in the bucket, sorted. */
    public List<String> keys(String bucket) {
        var keys = new TreeSet<String>();
        String marker = null;
        do {
            var options = ListContainerOptions.Builder.recursive();
            if (marker != null) {
                options = options.afterMarker(marker);
            }
            var page = blobs().list(bucket, options);
            page.forEach(metadata -> keys.add(metadata.getName()));
            marker = page.getNextMarker();
        } while (marker != null);
        return List.copyOf(keys);
    }
}
