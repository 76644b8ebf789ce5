package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.ImageRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * BatchGetImage (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchGetImage.html).
 *
 * <p>Answers the manifests, and a failure for each image id that names nothing. The same images the registry endpoint serves.
 */
public final class BatchGetImage extends EcrOperation
        implements Operation<BatchGetImageRequest, BatchGetImageResponse> {
    public BatchGetImage(EcrBackend backend) {
        super(backend);
    }

    @Override
    public BatchGetImageResponse call(BatchGetImageRequest request, CallContext context) {
        String name = request.repositoryName();
        existing(context, "ecr:BatchGetImage", name);
        List<Image> images = new ArrayList<>();
        List<ImageFailure> failures = new ArrayList<>();
        for (ImageIdentifier id : request.imageIds()) {
            Optional<ImageFailure> invalid = invalid(id);
            if (invalid.isPresent()) {
                failures.add(invalid.get());
                continue;
            }
            Optional<ImageRecord> image = find(name, id);
            if (image.isEmpty()) {
                failures.add(ImageFailure.builder()
                        .imageId(id)
                        .failureCode("ImageNotFound")
                        .failureReason("Requested image not found")
                        .build());
                continue;
            }
            ImageRecord found = image.get();
            if (request.hasAcceptedMediaTypes()
                    && !request.acceptedMediaTypes().isEmpty()
                    && !request.acceptedMediaTypes().contains(found.mediaType())) {
                failures.add(ImageFailure.builder()
                        .imageId(id)
                        .failureCode("UnsupportedImageType")
                        .failureReason("The image's media type " + found.mediaType() + " is not among the "
                                + "accepted media types")
                        .build());
                continue;
            }
            backend.pulled(name, found.digest());
            images.add(Image.builder()
                    .registryId(backend.accountId())
                    .repositoryName(name)
                    .imageId(imageId(found.digest(), id.imageTag()))
                    .imageManifest(new String(found.manifestBytes(), StandardCharsets.UTF_8))
                    .imageManifestMediaType(found.mediaType())
                    .build());
        }
        return BatchGetImageResponse.builder().images(images).failures(failures).build();
    }
}
