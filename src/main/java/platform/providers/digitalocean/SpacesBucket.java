package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;

/** A DigitalOcean Spaces bucket (S3-compatible object storage). Needs the provider's Spaces keys. */
@ResourceType(type = SpacesBucket.TYPE)
public final class SpacesBucket extends CustomResource {
    public static final String TYPE = "digitalocean:index/spacesBucket:SpacesBucket";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "bucketUrn", refs = {String.class}, tree = "[0]")
    private Output<String> bucketUrn;
    @Export(name = "bucketDomainName", refs = {String.class}, tree = "[0]")
    private Output<String> bucketDomainName;
    @Export(name = "endpoint", refs = {String.class}, tree = "[0]")
    private Output<String> endpoint;

    public SpacesBucket(String name, SpacesBucketArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options));
    }

    public Output<String> name() { return name; }
    public Output<String> region() { return region; }
    public Output<String> bucketUrn() { return bucketUrn; }
    public Output<String> bucketDomainName() { return bucketDomainName; }
    public Output<String> endpoint() { return endpoint; }
}
