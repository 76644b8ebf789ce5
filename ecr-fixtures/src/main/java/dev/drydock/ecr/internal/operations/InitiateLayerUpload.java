package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadResponse;

/**
 * InitiateLayerUpload (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_InitiateLayerUpload.html).
 *
 * <p>Starts an upload into the blob store the registry endpoint shares; the suggested part size is 10 MiB, as ECR's.
 */
public final class InitiateLayerUpload extends EcrOperation
        implements Operation<InitiateLayerUploadRequest, InitiateLayerUploadResponse> {
    /** The part size InitiateLayerUpload suggests, in bytes (ECR answers 10 MiB). */
    static final long PART_SIZE = 10L * 1024 * 1024;

    public InitiateLayerUpload(EcrBackend backend) {
        super(backend);
    }

    @Override
    public InitiateLayerUploadResponse call(InitiateLayerUploadRequest request, CallContext context) {
        String name = request.repositoryName();
        authorize(context, "ecr:InitiateLayerUpload", name);
        String id = backend.startUpload(name);
        return InitiateLayerUploadResponse.builder()
                .uploadId(id)
                .partSize(PART_SIZE)
                .build();
    }
}
