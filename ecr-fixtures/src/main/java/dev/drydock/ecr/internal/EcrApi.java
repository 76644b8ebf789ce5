package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.JsonService;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.StartLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.TagResourceRequest;
import software.amazon.awssdk.services.ecr.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;

/**
 * ECR's routing table: every implemented operation, its SDK request shape and its handler
 * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html). One dispatching object rather
 * than a lambda per operation, so Drydock's start spins up no more classes than it must.
 */
public final class EcrApi implements Operation<SdkPojo, SdkPojo> {
    /** Operation name to request shape. */
    private static final Map<String, Class<? extends SdkPojo>> REQUESTS = Map.ofEntries(
            Map.entry("CreateRepository", CreateRepositoryRequest.class),
            Map.entry("DescribeRepositories", DescribeRepositoriesRequest.class),
            Map.entry("DeleteRepository", DeleteRepositoryRequest.class),
            Map.entry("PutImageTagMutability", PutImageTagMutabilityRequest.class),
            Map.entry("TagResource", TagResourceRequest.class),
            Map.entry("UntagResource", UntagResourceRequest.class),
            Map.entry("ListTagsForResource", ListTagsForResourceRequest.class),
            Map.entry("GetAuthorizationToken", GetAuthorizationTokenRequest.class),
            Map.entry("ListImages", ListImagesRequest.class),
            Map.entry("DescribeImages", DescribeImagesRequest.class),
            Map.entry("BatchGetImage", BatchGetImageRequest.class),
            Map.entry("PutImage", PutImageRequest.class),
            Map.entry("BatchDeleteImage", BatchDeleteImageRequest.class),
            Map.entry("BatchCheckLayerAvailability", BatchCheckLayerAvailabilityRequest.class),
            Map.entry("InitiateLayerUpload", InitiateLayerUploadRequest.class),
            Map.entry("UploadLayerPart", UploadLayerPartRequest.class),
            Map.entry("CompleteLayerUpload", CompleteLayerUploadRequest.class),
            Map.entry("GetDownloadUrlForLayer", GetDownloadUrlForLayerRequest.class),
            Map.entry("SetRepositoryPolicy", SetRepositoryPolicyRequest.class),
            Map.entry("GetRepositoryPolicy", GetRepositoryPolicyRequest.class),
            Map.entry("DeleteRepositoryPolicy", DeleteRepositoryPolicyRequest.class),
            Map.entry("PutLifecyclePolicy", PutLifecyclePolicyRequest.class),
            Map.entry("GetLifecyclePolicy", GetLifecyclePolicyRequest.class),
            Map.entry("DeleteLifecyclePolicy", DeleteLifecyclePolicyRequest.class),
            Map.entry("StartLifecyclePolicyPreview", StartLifecyclePolicyPreviewRequest.class),
            Map.entry("GetLifecyclePolicyPreview", GetLifecyclePolicyPreviewRequest.class));

    private final RepositoryOperations repositories;
    private final ImageOperations images;
    private final LayerOperations layers;
    private final PolicyOperations policies;
    private final GetAuthorizationToken token;

    /** @param registryHost the registry endpoint's {@code host:port}, for download URLs */
    public EcrApi(EcrBackend backend, LifecyclePolicies lifecycle, Supplier<String> registryHost) {
        this.repositories = new RepositoryOperations(backend);
        this.images = new ImageOperations(backend, lifecycle);
        this.layers = new LayerOperations(backend, registryHost);
        this.policies = new PolicyOperations(backend, lifecycle);
        this.token = new GetAuthorizationToken(backend);
    }

    /** Routes every implemented operation to this dispatcher. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public JsonService.Builder routes(JsonService.Builder builder) {
        REQUESTS.forEach((name, type) -> builder.operation(name, (Class) type, (Operation) this));
        return builder;
    }

    @Override
    public SdkPojo call(SdkPojo request, CallContext context) {
        return switch (context.operation()) {
            case "CreateRepository" -> repositories.create((CreateRepositoryRequest) request, context);
            case "DescribeRepositories" -> repositories.describe((DescribeRepositoriesRequest) request, context);
            case "DeleteRepository" -> repositories.delete((DeleteRepositoryRequest) request, context);
            case "PutImageTagMutability" ->
                repositories.putImageTagMutability((PutImageTagMutabilityRequest) request, context);
            case "TagResource" -> repositories.tagResource((TagResourceRequest) request, context);
            case "UntagResource" -> repositories.untagResource((UntagResourceRequest) request, context);
            case "ListTagsForResource" ->
                repositories.listTagsForResource((ListTagsForResourceRequest) request, context);
            case "GetAuthorizationToken" -> token.call((GetAuthorizationTokenRequest) request, context);
            case "ListImages" -> images.list((ListImagesRequest) request, context);
            case "DescribeImages" -> images.describe((DescribeImagesRequest) request, context);
            case "BatchGetImage" -> images.batchGet((BatchGetImageRequest) request, context);
            case "PutImage" -> images.put((PutImageRequest) request, context);
            case "BatchDeleteImage" -> images.batchDelete((BatchDeleteImageRequest) request, context);
            case "BatchCheckLayerAvailability" -> layers.check((BatchCheckLayerAvailabilityRequest) request, context);
            case "InitiateLayerUpload" -> layers.initiate((InitiateLayerUploadRequest) request, context);
            case "UploadLayerPart" -> layers.uploadPart((UploadLayerPartRequest) request, context);
            case "CompleteLayerUpload" -> layers.complete((CompleteLayerUploadRequest) request, context);
            case "GetDownloadUrlForLayer" -> layers.downloadUrl((GetDownloadUrlForLayerRequest) request, context);
            case "SetRepositoryPolicy" -> policies.setRepositoryPolicy((SetRepositoryPolicyRequest) request, context);
            case "GetRepositoryPolicy" -> policies.getRepositoryPolicy((GetRepositoryPolicyRequest) request, context);
            case "DeleteRepositoryPolicy" ->
                policies.deleteRepositoryPolicy((DeleteRepositoryPolicyRequest) request, context);
            case "PutLifecyclePolicy" -> policies.putLifecyclePolicy((PutLifecyclePolicyRequest) request, context);
            case "GetLifecyclePolicy" -> policies.getLifecyclePolicy((GetLifecyclePolicyRequest) request, context);
            case "DeleteLifecyclePolicy" ->
                policies.deleteLifecyclePolicy((DeleteLifecyclePolicyRequest) request, context);
            case "StartLifecyclePolicyPreview" ->
                policies.startLifecyclePolicyPreview((StartLifecyclePolicyPreviewRequest) request, context);
            case "GetLifecyclePolicyPreview" ->
                policies.getLifecyclePolicyPreview((GetLifecyclePolicyPreviewRequest) request, context);
            default -> throw new IllegalStateException("no handler for " + context.operation());
        };
    }
}
