package dev.drydock.ecr.internal;

import dev.drydock.core.spi.JsonService;
import dev.drydock.ecr.EcrModule;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.LifecyclePreviews;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import dev.drydock.ecr.internal.operations.BatchCheckLayerAvailability;
import dev.drydock.ecr.internal.operations.BatchDeleteImage;
import dev.drydock.ecr.internal.operations.BatchGetImage;
import dev.drydock.ecr.internal.operations.CompleteLayerUpload;
import dev.drydock.ecr.internal.operations.CreateRepository;
import dev.drydock.ecr.internal.operations.DeleteLifecyclePolicy;
import dev.drydock.ecr.internal.operations.DeleteRepository;
import dev.drydock.ecr.internal.operations.DeleteRepositoryPolicy;
import dev.drydock.ecr.internal.operations.DescribeImages;
import dev.drydock.ecr.internal.operations.DescribeRepositories;
import dev.drydock.ecr.internal.operations.GetAuthorizationToken;
import dev.drydock.ecr.internal.operations.GetDownloadUrlForLayer;
import dev.drydock.ecr.internal.operations.GetLifecyclePolicy;
import dev.drydock.ecr.internal.operations.GetLifecyclePolicyPreview;
import dev.drydock.ecr.internal.operations.GetRepositoryPolicy;
import dev.drydock.ecr.internal.operations.InitiateLayerUpload;
import dev.drydock.ecr.internal.operations.ListImages;
import dev.drydock.ecr.internal.operations.ListTagsForResource;
import dev.drydock.ecr.internal.operations.PutImage;
import dev.drydock.ecr.internal.operations.PutImageTagMutability;
import dev.drydock.ecr.internal.operations.PutLifecyclePolicy;
import dev.drydock.ecr.internal.operations.SetRepositoryPolicy;
import dev.drydock.ecr.internal.operations.StartLifecyclePolicyPreview;
import dev.drydock.ecr.internal.operations.TagResource;
import dev.drydock.ecr.internal.operations.UntagResource;
import dev.drydock.ecr.internal.operations.UploadLayerPart;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecr.EcrClient;
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
 * ECR's routing table (AWS JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Operation>}): each
 * implemented operation, its SDK request shape and its handler in {@code operations}
 * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html). Built on first use (the first ECR
 * request, administrator call or the warm-up after start), so Drydock's start loads none of ECR's request classes.
 */
public final class EcrApi {
    private EcrApi() {}

    /**
     * The routing table over {@code backend}.
     *
     * @param lifecycle applies lifecycle policies after each image put and policy change
     * @param registryHost the registry endpoint's {@code host:port}, for download URLs (started on first use)
     * @param clock stamps each call's {@code receivedAt}
     */
    public static JsonService routingTable(
            EcrBackend backend, LifecyclePolicies lifecycle, Supplier<String> registryHost, Clock clock) {
        LifecyclePreviews previews = new LifecyclePreviews();
        return JsonService.builder("ecr", EcrModule.TARGET_PREFIX, EcrClient.class)
                .clock(clock)
                .validation(EcrErrors.VALIDATION)
                .operation("CreateRepository", CreateRepositoryRequest.class, new CreateRepository(backend))
                .operation("DescribeRepositories", DescribeRepositoriesRequest.class, new DescribeRepositories(backend))
                .operation("DeleteRepository", DeleteRepositoryRequest.class, new DeleteRepository(backend))
                .operation(
                        "PutImageTagMutability", PutImageTagMutabilityRequest.class, new PutImageTagMutability(backend))
                .operation("TagResource", TagResourceRequest.class, new TagResource(backend))
                .operation("UntagResource", UntagResourceRequest.class, new UntagResource(backend))
                .operation("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource(backend))
                .operation(
                        "GetAuthorizationToken", GetAuthorizationTokenRequest.class, new GetAuthorizationToken(backend))
                .operation("ListImages", ListImagesRequest.class, new ListImages(backend))
                .operation("DescribeImages", DescribeImagesRequest.class, new DescribeImages(backend))
                .operation("BatchGetImage", BatchGetImageRequest.class, new BatchGetImage(backend))
                .operation("PutImage", PutImageRequest.class, new PutImage(backend, lifecycle))
                .operation("BatchDeleteImage", BatchDeleteImageRequest.class, new BatchDeleteImage(backend))
                .operation(
                        "BatchCheckLayerAvailability",
                        BatchCheckLayerAvailabilityRequest.class,
                        new BatchCheckLayerAvailability(backend))
                .operation("InitiateLayerUpload", InitiateLayerUploadRequest.class, new InitiateLayerUpload(backend))
                .operation("UploadLayerPart", UploadLayerPartRequest.class, new UploadLayerPart(backend))
                .operation("CompleteLayerUpload", CompleteLayerUploadRequest.class, new CompleteLayerUpload(backend))
                .operation(
                        "GetDownloadUrlForLayer",
                        GetDownloadUrlForLayerRequest.class,
                        new GetDownloadUrlForLayer(backend, registryHost))
                .operation("SetRepositoryPolicy", SetRepositoryPolicyRequest.class, new SetRepositoryPolicy(backend))
                .operation("GetRepositoryPolicy", GetRepositoryPolicyRequest.class, new GetRepositoryPolicy(backend))
                .operation(
                        "DeleteRepositoryPolicy",
                        DeleteRepositoryPolicyRequest.class,
                        new DeleteRepositoryPolicy(backend))
                .operation(
                        "PutLifecyclePolicy",
                        PutLifecyclePolicyRequest.class,
                        new PutLifecyclePolicy(backend, lifecycle))
                .operation("GetLifecyclePolicy", GetLifecyclePolicyRequest.class, new GetLifecyclePolicy(backend))
                .operation(
                        "DeleteLifecyclePolicy", DeleteLifecyclePolicyRequest.class, new DeleteLifecyclePolicy(backend))
                .operation(
                        "StartLifecyclePolicyPreview",
                        StartLifecyclePolicyPreviewRequest.class,
                        new StartLifecyclePolicyPreview(backend, previews))
                .operation(
                        "GetLifecyclePolicyPreview",
                        GetLifecyclePolicyPreviewRequest.class,
                        new GetLifecyclePolicyPreview(backend, lifecycle, previews))
                .build();
    }
}
