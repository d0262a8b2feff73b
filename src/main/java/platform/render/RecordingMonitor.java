package platform.render;

import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's monitor, which also keeps every registration request: inputs with secrets
 * still wrapped, and the resource options ({@code protect}, {@code dependsOn}, provider, ...).
 */
final class RecordingMonitor extends MockMonitor {
    private final List<RegisteredResource> recorded;

    RecordingMonitor(Mocks mocks, List<RegisteredResource> recorded) {
        super(mocks, PulumiTestInternal.mockLog());
        this.recorded = recorded;
    }

    @Override
    public CompletableFuture<pulumirpc.Resource.RegisterResourceResponse> registerResourceAsync(
            Resource resource, RegisterResourceRequest request) {
        if (!request.getType().equals("pulumi:pulumi:Stack")) {
            recorded.add(new RegisteredResource(
                    request.getType(),
                    request.getName(),
                    Urns.shortName(request.getParent()),
                    ProtoValues.toMap(request.getObject()),
                    new RegisteredResource.Options(
                            request.getProtect(),
                            request.getRetainOnDelete(),
                            // The engine treats dependencies as a set; sorted, two renders compare equal.
                            request.getDependenciesList().stream().map(Urns::shortName).sorted().toList(),
                            Urns.shortName(request.getProvider()),
                            List.copyOf(request.getIgnoreChangesList()),
                            request.getDeleteBeforeReplace(),
                            request.getVersion())));
        }
        return super.registerResourceAsync(resource, request);
    }
}
