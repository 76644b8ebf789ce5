package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.registry.BlobStore;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.Layer;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;
import software.amazon.awssdk.services.ecr.model.LayerFailure;

/**
 * BatchCheckLayerAvailability (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_BatchCheckLayerAvailability.html).
 *
 * <p>Answers AVAILABLE with the size for each layer the repository holds, a failure for each other digest. The same blobs as the registry endpoint's.
 */
public final class BatchCheckLayerAvailability extends EcrOperation
        implements Operation<BatchCheckLayerAvailabilityRequest, BatchCheckLayerAvailabilityResponse> {
    public BatchCheckLayerAvailability(EcrBackend backend) {
        super(backend);
    }

    @Override
    public BatchCheckLayerAvailabilityResponse call(BatchCheckLayerAvailabilityRequest request, CallContext context) {
        String name = request.repositoryName();
        existing(context, "ecr:BatchCheckLayerAvailability", name);
        List<Layer> layers = new ArrayList<>();
        List<LayerFailure> failures = new ArrayList<>();
        for (String digest : request.layerDigests()) {
            if (!BlobStore.DIGEST.matcher(digest).matches()) {
                failures.add(LayerFailure.builder()
                        .layerDigest(digest)
                        .failureCode("InvalidLayerDigest")
                        .failureReason("Invalid layer digest")
                        .build());
            } else if (!backend.hasLayer(name, digest)) {
                failures.add(LayerFailure.builder()
                        .layerDigest(digest)
                        .failureCode("MissingLayerDigest")
                        .failureReason("Could not find layer")
                        .build());
            } else {
                layers.add(Layer.builder()
                        .layerDigest(digest)
                        .layerAvailability(LayerAvailability.AVAILABLE)
                        .layerSize(backend.blobs().size(digest).orElse(0L))
                        .mediaType("application/vnd.docker.image.rootfs.diff.tar.gzip")
                        .build());
            }
        }
        return BatchCheckLayerAvailabilityResponse.builder()
                .layers(layers)
                .failures(failures)
                .build();
    }
}
