package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;

/**
 * ListTagsForResource: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTagsForResource.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListTagsForResource} on the resource's ARN, with {@code ecs:ResourceTag/*}.
 */
public final class ListTagsForResource extends EcsOperation
        implements Operation<ListTagsForResourceRequest, ListTagsForResourceResponse> {
    public ListTagsForResource(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListTagsForResourceResponse call(ListTagsForResourceRequest request, CallContext context) {
        context.authorize(
                "ecs:ListTagsForResource",
                request.resourceArn(),
                keys().resourceTags(request.resourceArn()).build());
        return ListTagsForResourceResponse.builder()
                .tags(backend.tags(request.resourceArn()))
                .build();
    }
}
