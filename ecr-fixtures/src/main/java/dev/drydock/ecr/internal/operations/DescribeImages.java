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
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/**
 * DescribeImages (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImages.html).
 *
 * <p>The named images (ImageNotFoundException for one that is missing), or all.
 */
public final class DescribeImages extends EcrOperation
        implements Operation<DescribeImagesRequest, DescribeImagesResponse> {
    public DescribeImages(EcrBackend backend) {
        super(backend);
    }

    @Override
    public DescribeImagesResponse call(DescribeImagesRequest request, CallContext context) {
        String name = request.repositoryName();
        existing(context, "ecr:DescribeImages", name);
        List<ImageRecord> images = new ArrayList<>();
        if (request.hasImageIds() && !request.imageIds().isEmpty()) {
            for (ImageIdentifier id : request.imageIds()) {
                images.add(find(name, id)
                        .orElseThrow(() -> EcrErrors.imageNotFound(describe(id), name, backend.accountId())));
            }
        } else {
            images.addAll(backend.update(name, r -> r.images()));
        }
        TagStatus status = request.filter() == null || request.filter().tagStatus() == null
                ? TagStatus.ANY
                : request.filter().tagStatus();
        List<ImageDetail> details = new ArrayList<>();
        for (ImageRecord image : images) {
            List<String> tags = backend.tagsOf(name, image.digest());
            if (status == TagStatus.TAGGED && tags.isEmpty() || status == TagStatus.UNTAGGED && !tags.isEmpty()) {
                continue;
            }
            details.add(ImageDetail.builder()
                    .registryId(backend.accountId())
                    .repositoryName(name)
                    .imageDigest(image.digest())
                    .imageTags(tags.isEmpty() ? null : tags)
                    .imageSizeInBytes(image.sizeInBytes())
                    .imagePushedAt(image.pushedAt())
                    .imageManifestMediaType(image.mediaType())
                    .artifactMediaType(image.manifest().configMediaType())
                    .lastRecordedPullTime(image.lastPulledAt())
                    .build());
        }
        Page<ImageDetail> page = EcrErrors.PAGINATOR.page(details, request.maxResults(), request.nextToken());
        return DescribeImagesResponse.builder()
                .imageDetails(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
