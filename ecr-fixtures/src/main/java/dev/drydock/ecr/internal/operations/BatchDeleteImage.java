package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * BatchDeleteImage (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchDeleteImage.html).
 *
 * <p>Deletes by digest (the image and its tags) or by tag (the tag; the image with its last tag).
 */
public final class BatchDeleteImage extends EcrOperation
        implements Operation<BatchDeleteImageRequest, BatchDeleteImageResponse> {
    public BatchDeleteImage(EcrBackend backend) {
        super(backend);
    }

    @Override
    public BatchDeleteImageResponse call(BatchDeleteImageRequest request, CallContext context) {
        String name = request.repositoryName();
        existing(context, "ecr:BatchDeleteImage", name);
        List<ImageIdentifier> deleted = new ArrayList<>();
        List<ImageFailure> failures = new ArrayList<>();
        for (ImageIdentifier id : request.imageIds()) {
            Optional<ImageFailure> invalid = invalid(id);
            if (invalid.isPresent()) {
                failures.add(invalid.get());
                continue;
            }
            Optional<String> digest = backend.deleteImage(name, id.imageDigest(), id.imageTag());
            if (digest.isEmpty()) {
                failures.add(ImageFailure.builder()
                        .imageId(id)
                        .failureCode("ImageNotFound")
                        .failureReason("Requested image not found")
                        .build());
            } else {
                deleted.add(imageId(digest.get(), id.imageTag()));
            }
        }
        return BatchDeleteImageResponse.builder()
                .imageIds(deleted)
                .failures(failures)
                .build();
    }
}
