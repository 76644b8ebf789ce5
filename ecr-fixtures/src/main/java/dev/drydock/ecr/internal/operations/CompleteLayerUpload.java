package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.registry.BlobStore;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadResponse;

/**
 * CompleteLayerUpload (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CompleteLayerUpload.html).
 *
 * <p>The uploaded bytes must hash to the one digest given.
 */
public final class CompleteLayerUpload extends EcrOperation
        implements Operation<CompleteLayerUploadRequest, CompleteLayerUploadResponse> {
    public CompleteLayerUpload(EcrBackend backend) {
        super(backend);
    }

    @Override
    public CompleteLayerUploadResponse call(CompleteLayerUploadRequest request, CallContext context) {
        String name = request.repositoryName();
        String id = request.uploadId();
        existing(context, "ecr:CompleteLayerUpload", name);
        BlobStore.Upload upload = backend.upload(name, id).orElseThrow(() -> uploadNotFound(id, name));
        if (!request.hasLayerDigests()
                || request.layerDigests().size() != 1
                || !BlobStore.DIGEST.matcher(request.layerDigests().get(0)).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigests' failed to satisfy constraint: "
                    + "'Member must contain exactly one sha256 digest'");
        }
        if (upload.size() == 0) {
            throw AwsException.client(
                    "EmptyUploadException", "The upload with id '" + id + "' does not contain any " + "layer parts");
        }
        String digest = request.layerDigests().get(0);
        if (backend.hasLayer(name, digest)) {
            backend.cancelUpload(id);
            throw AwsException.client(
                    "LayerAlreadyExistsException",
                    "The layer with digest '" + digest
                            + "' already exists in the repository with name '" + name + "' in the registry with id '"
                            + backend.accountId() + "'");
        }
        try {
            backend.completeUpload(name, id, digest);
        } catch (BlobStore.DigestMismatchException e) {
            throw AwsException.client(
                    "InvalidLayerException",
                    "The layer digest '" + digest + "' does not match " + "the uploaded content: " + e.getMessage());
        }
        return CompleteLayerUploadResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .uploadId(id)
                .layerDigest(digest)
                .build();
    }
}
