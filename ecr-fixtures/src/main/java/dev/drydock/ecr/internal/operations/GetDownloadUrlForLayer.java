package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;

/**
 * GetDownloadUrlForLayer (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetDownloadUrlForLayer.html).
 *
 * <p>Answers the layer's URL on Drydock's registry endpoint (ECR answers a presigned S3 URL; Drydock's needs the registry's Basic authorization, as every registry request does).
 */
public final class GetDownloadUrlForLayer extends EcrOperation
        implements Operation<GetDownloadUrlForLayerRequest, GetDownloadUrlForLayerResponse> {
    private final Supplier<String> registryHost;

    public GetDownloadUrlForLayer(EcrBackend backend, Supplier<String> registryHost) {
        super(backend);
        this.registryHost = registryHost;
    }

    @Override
    public GetDownloadUrlForLayerResponse call(GetDownloadUrlForLayerRequest request, CallContext context) {
        String name = request.repositoryName();
        String digest = request.layerDigest();
        existing(context, "ecr:GetDownloadUrlForLayer", name);
        if (!backend.hasLayer(name, digest)) {
            throw AwsException.client(
                    "LayersNotFoundException",
                    "The layer with digest '" + digest + "' does not "
                            + "exist in the repository with name '" + name + "' in the registry with id '"
                            + backend.accountId() + "'");
        }
        return GetDownloadUrlForLayerResponse.builder()
                .layerDigest(digest)
                .downloadUrl("http://" + registryHost.get() + "/v2/" + name + "/blobs/" + digest)
                .build();
    }
}
