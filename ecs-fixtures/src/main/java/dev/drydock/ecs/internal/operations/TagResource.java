package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.Tags;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;

/**
 * TagResource: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TagResource.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:TagResource} on the resource's ARN, with {@code aws:RequestTag/*}, {@code aws:TagKeys} and
 * {@code ecs:ResourceTag/*} (its tags before the call); {@code ecs:CreateAction} is set only when tags come with a
 * creating operation ({@link Tags#authorizeOnCreate}).
 */
public final class TagResource extends EcsOperation implements Operation<TagResourceRequest, TagResourceResponse> {
    public TagResource(EcsBackend backend) {
        super(backend);
    }

    @Override
    public TagResourceResponse call(TagResourceRequest request, CallContext context) {
        context.authorize(
                "ecs:TagResource",
                request.resourceArn(),
                keys().requestTags(request.tags())
                        .resourceTags(request.resourceArn())
                        .build());
        backend.tag(request.resourceArn(), request.tags());
        return TagResourceResponse.builder().build();
    }
}
