package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.ImageRecord;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import dev.drydock.ecr.internal.registry.BlobStore;
import dev.drydock.ecr.internal.registry.Manifest;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;

/**
 * PutImage (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html).
 *
 * <p>Stores a manifest whose layers the repository holds, under its digest and the tag given; an image pushed with {@code docker push} is the same as one put here.
 */
public final class PutImage extends EcrOperation implements Operation<PutImageRequest, PutImageResponse> {
    private final LifecyclePolicies lifecycle;

    public PutImage(EcrBackend backend, LifecyclePolicies lifecycle) {
        super(backend);
        this.lifecycle = lifecycle;
    }

    @Override
    public PutImageResponse call(PutImageRequest request, CallContext context) {
        String name = request.repositoryName();
        String manifest = request.imageManifest();
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
}
