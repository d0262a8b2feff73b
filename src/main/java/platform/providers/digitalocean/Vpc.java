package platform.providers.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import platform.providers.ProviderPackage;

import javax.annotation.Nullable;

/** A DigitalOcean VPC: the private network the cluster's nodes live in. */
@ResourceType(type = Vpc.TYPE)
public final class Vpc extends CustomResource {
    public static final String TYPE = "digitalocean:index/vpc:Vpc";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;
    @Export(name = "ipRange", refs = {String.class}, tree = "[0]")
    private Output<String> ipRange;
    @Export(name = "vpcUrn", refs = {String.class}, tree = "[0]")
    private Output<String> vpcUrn;

    public Vpc(String name, VpcArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, ProviderPackage.DIGITALOCEAN.withVersion(options));
    }

    public Output<String> name() { return name; }
    public Output<String> region() { return region; }
    public Output<String> ipRange() { return ipRange; }
    public Output<String> vpcUrn() { return vpcUrn; }
}
