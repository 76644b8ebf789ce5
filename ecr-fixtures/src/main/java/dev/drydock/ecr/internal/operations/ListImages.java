package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.ImageRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/**
 * ListImages (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListImages.html).
 *
 * <p>With the {@code tagStatus} filter (TAGGED, UNTAGGED, ANY).
 */
public final class ListImages extends EcrOperation implements Operation<ListImagesRequest, ListImagesResponse> {
    public ListImages(EcrBackend backend) {
        super(backend);
    }

    @Override
    public ListImagesResponse call(ListImagesRequest request, CallContext context) {
        String name = request.repositoryName();
        authorize(context, "ecr:ListImages", name);
        TagStatus status = request.filter() == null || request.filter().tagStatus() == null
                ? TagStatus.ANY
                : request.filter().tagStatus();
        List<ImageIdentifier> ids = new ArrayList<>();
        backend.update(name, r -> {
            for (ImageRecord image : r.images()) {
                List<String> tags = new ArrayList<>();
                r.tagMap().forEach((t, d) -> {
                    if (d.equals(image.digest())) {
                        tags.add(t);
                    }
                });
                if (tags.isEmpty() && status != TagStatus.TAGGED) {
                    ids.add(imageId(image.digest(), null));
                }
                if (status != TagStatus.UNTAGGED) {
                    tags.forEach(t -> ids.add(imageId(image.digest(), t)));
                }
            }
            return null;
        });
        Page<ImageIdentifier> page = EcrErrors.PAGINATOR.page(ids, request.maxResults(), request.nextToken());
        return ListImagesResponse.builder()
                .imageIds(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
