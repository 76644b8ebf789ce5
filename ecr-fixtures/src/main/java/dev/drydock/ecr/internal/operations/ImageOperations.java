package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.ImageRecord;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import dev.drydock.ecr.internal.registry.BlobStore;
import dev.drydock.ecr.internal.registry.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageResponse;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;

/**
 * Images: ListImages, DescribeImages, BatchGetImage, PutImage, BatchDeleteImage
 * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html). The same images the registry
 * endpoint serves: an image pushed with {@code docker push} is listed here, one put here is pulled there.
 */
public final class ImageOperations extends EcrOperations {
    private final LifecyclePolicies lifecycle;

    /** @param lifecycle applied to a repository after each image put */
    public ImageOperations(EcrBackend backend, LifecyclePolicies lifecycle) {
        super(backend);
        this.lifecycle = lifecycle;
    }

    /** ListImages, with the {@code tagStatus} filter (TAGGED, UNTAGGED, ANY). */
    public ListImagesResponse list(ListImagesRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        authorize(context, "ecr:ListImages", name);
        String status = request.filter() == null || request.filter().tagStatusAsString() == null
                ? "ANY"
                : request.filter().tagStatusAsString();
        List<ImageIdentifier> ids = new ArrayList<>();
        backend.update(name, r -> {
            for (ImageRecord image : r.images()) {
                List<String> tags = new ArrayList<>();
                r.tagMap().forEach((t, d) -> {
                    if (d.equals(image.digest())) {
                        tags.add(t);
                    }
                });
                if (tags.isEmpty() && !status.equals("TAGGED")) {
                    ids.add(imageId(image.digest(), null));
                }
                if (!status.equals("UNTAGGED")) {
                    tags.forEach(t -> ids.add(imageId(image.digest(), t)));
                }
            }
            return null;
        });
        Page<ImageIdentifier> page = Page.of(ids, request.maxResults(), request.nextToken(), 100);
        return ListImagesResponse.builder()
                .imageIds(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    /** DescribeImages: the named images (ImageNotFoundException for one that is missing), or all. */
    public DescribeImagesResponse describe(DescribeImagesRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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
        String status = request.filter() == null || request.filter().tagStatusAsString() == null
                ? "ANY"
                : request.filter().tagStatusAsString();
        List<ImageDetail> details = new ArrayList<>();
        for (ImageRecord image : images) {
            List<String> tags = backend.tagsOf(name, image.digest());
            if (status.equals("TAGGED") && tags.isEmpty() || status.equals("UNTAGGED") && !tags.isEmpty()) {
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
        Page<ImageDetail> page = Page.of(details, request.maxResults(), request.nextToken(), 100);
        return DescribeImagesResponse.builder()
                .imageDetails(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    /** BatchGetImage: the manifests, and a failure per image id that names nothing. */
    public BatchGetImageResponse batchGet(BatchGetImageRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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

    /** PutImage: stores a manifest whose layers the repository holds, under its digest and the tag given. */
    public PutImageResponse put(PutImageRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        String manifest = required(request.imageManifest(), "imageManifest");
        authorize(context, "ecr:PutImage", name);
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        if (request.imageDigest() != null && !request.imageDigest().equals(BlobStore.digestOf(bytes))) {
            throw AwsException.client(
                    "ImageDigestDoesNotMatchException",
                    "The specified imageDigest '"
                            + request.imageDigest() + "' does not match the digest of the manifest '"
                            + BlobStore.digestOf(bytes) + "'");
        }
        ImageRecord image;
        try {
            image = backend.putImage(name, bytes, request.imageManifestMediaType(), request.imageTag(), true);
        } catch (Manifest.InvalidManifestException e) {
            throw EcrErrors.invalidParameter(
                    "Invalid parameter at 'imageManifest' failed to satisfy constraint: '" + e.getMessage() + "'");
        } catch (EcrBackend.MissingBlobsException e) {
            throw AwsException.client(
                    "LayersNotFoundException",
                    "Layers with digests '" + e.digests()
                            + "' required for pushing image into repository with name '" + name
                            + "' in the registry with "
                            + "id '" + backend.accountId() + "' do not exist");
        }
        lifecycle.apply(name);
        return PutImageResponse.builder()
                .image(Image.builder()
                        .registryId(backend.accountId())
                        .repositoryName(name)
                        .imageId(imageId(image.digest(), request.imageTag()))
                        .imageManifest(manifest)
                        .imageManifestMediaType(image.mediaType())
                        .build())
                .build();
    }

    /** BatchDeleteImage: by digest (the image and its tags) or by tag (the tag; the image with its last tag). */
    public BatchDeleteImageResponse batchDelete(BatchDeleteImageRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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

    private static Optional<ImageFailure> invalid(ImageIdentifier id) {
        if (id.imageDigest() == null && id.imageTag() == null) {
            return Optional.of(ImageFailure.builder()
                    .imageId(id)
                    .failureCode("MissingDigestAndTag")
                    .failureReason("Invalid request parameters: both tag and digest cannot be null")
                    .build());
        }
        if (id.imageDigest() != null
                && !BlobStore.DIGEST.matcher(id.imageDigest()).matches()) {
            return Optional.of(ImageFailure.builder()
                    .imageId(id)
                    .failureCode("InvalidImageDigest")
                    .failureReason("Invalid request parameters: image digest should satisfy the regex "
                            + "'[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'")
                    .build());
        }
        if (id.imageTag() != null && !EcrBackend.TAG.matcher(id.imageTag()).matches()) {
            return Optional.of(ImageFailure.builder()
                    .imageId(id)
                    .failureCode("InvalidImageTag")
                    .failureReason("Invalid request parameters: image tag is invalid")
                    .build());
        }
        return Optional.empty();
    }
}
