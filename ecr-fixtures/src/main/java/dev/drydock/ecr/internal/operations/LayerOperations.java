package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.registry.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.Layer;
import software.amazon.awssdk.services.ecr.model.LayerFailure;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartResponse;

/**
 * Layers through the ECR API: BatchCheckLayerAvailability, InitiateLayerUpload, UploadLayerPart,
 * CompleteLayerUpload, GetDownloadUrlForLayer
 * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html). The same uploads and blobs as
 * the registry endpoint's.
 */
public final class LayerOperations extends EcrOperations {
    /** The part size InitiateLayerUpload suggests, in bytes (ECR answers 10 MiB). */
    static final long PART_SIZE = 10L * 1024 * 1024;

    private final Supplier<String> registryHost;

    /** @param registryHost the registry endpoint's {@code host:port}, for download URLs */
    public LayerOperations(EcrBackend backend, Supplier<String> registryHost) {
        super(backend);
        this.registryHost = registryHost;
    }

    /** BatchCheckLayerAvailability: AVAILABLE with the size for each layer the repository holds. */
    public BatchCheckLayerAvailabilityResponse check(BatchCheckLayerAvailabilityRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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
                        .layerAvailability("AVAILABLE")
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

    /** InitiateLayerUpload. */
    public InitiateLayerUploadResponse initiate(InitiateLayerUploadRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        authorize(context, "ecr:InitiateLayerUpload", name);
        String id = backend.startUpload(name);
        return InitiateLayerUploadResponse.builder()
                .uploadId(id)
                .partSize(PART_SIZE)
                .build();
    }

    /** UploadLayerPart: parts arrive in order; {@code partFirstByte} must be the bytes received so far. */
    public UploadLayerPartResponse uploadPart(UploadLayerPartRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        String id = required(request.uploadId(), "uploadId");
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

    /** CompleteLayerUpload: the bytes must hash to the one digest given. */
    public CompleteLayerUploadResponse complete(CompleteLayerUploadRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        String id = required(request.uploadId(), "uploadId");
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

    /**
     * GetDownloadUrlForLayer: the layer's URL on Drydock's registry endpoint (ECR answers a presigned S3 URL;
     * Drydock's needs the registry's Basic authorization, as every registry request does).
     */
    public GetDownloadUrlForLayerResponse downloadUrl(GetDownloadUrlForLayerRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        String digest = required(request.layerDigest(), "layerDigest");
        existing(context, "ecr:GetDownloadUrlForLayer", name);
        if (!backend.hasLayer(name, digest)) {
            throw AwsException.client(
                    "LayersNotFoundException",
                    "The layer with digest '" + digest + "' does not "
                            + "exist in the repository with name '" + name + "' in the registry with id '"
                            + backend.accountId() + "'");
        }
        return GetDownloadUrlForLayerResponse.builder()
                .layerDigest(digest)
                .downloadUrl("http://" + registryHost.get() + "/v2/" + name + "/blobs/" + digest)
                .build();
    }

    private AwsException uploadNotFound(String id, String name) {
        return AwsException.client(
                "UploadNotFoundException",
                "Upload with id '" + id + "' is not found for the " + "repository with name '" + name
                        + "' in the registry with id '" + backend.accountId() + "'");
    }
}
