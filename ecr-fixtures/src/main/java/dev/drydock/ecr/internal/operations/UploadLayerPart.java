package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.registry.BlobStore;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartResponse;

/**
 * UploadLayerPart (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UploadLayerPart.html).
 *
 * <p>Parts arrive in order; {@code partFirstByte} must be the number of bytes received so far.
 */
public final class UploadLayerPart extends EcrOperation
        implements Operation<UploadLayerPartRequest, UploadLayerPartResponse> {
    public UploadLayerPart(EcrBackend backend) {
        super(backend);
    }

    @Override
    public UploadLayerPartResponse call(UploadLayerPartRequest request, CallContext context) {
        String name = request.repositoryName();
        String id = request.uploadId();
        existing(context, "ecr:UploadLayerPart", name);
        BlobStore.Upload upload = backend.upload(name, id).orElseThrow(() -> uploadNotFound(id, name));
        byte[] part = request.layerPartBlob() == null
                ? new byte[0]
                : request.layerPartBlob().asByteArray();
        long first = request.partFirstByte() == null ? -1 : request.partFirstByte();
        long last = request.partLastByte() == null ? -1 : request.partLastByte();
        if (first != upload.size() || last - first + 1 != part.length) {
            throw AwsException.client(
                    "InvalidLayerPartException",
                    "The layer part with first byte " + first
                            + " and last byte " + last + " does not continue upload '" + id + "' (" + upload.size()
                            + " bytes received so far) or does not match the part's " + part.length + " bytes");
        }
        long size;
        try {
            size = upload.append(new ByteArrayInputStream(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UploadLayerPartResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .uploadId(id)
                .lastByteReceived(size - 1)
                .build();
    }
}
