package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

/**
 * UntagResource: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UntagResource.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:UntagResource} on the resource's ARN, with {@code aws:TagKeys} (the keys to remove) and
 * {@code ecs:ResourceTag/*}.
 */
public final class UntagResource extends EcsOperation
        implements Operation<UntagResourceRequest, UntagResourceResponse> {
    public UntagResource(EcsBackend backend) {
        super(backend);
    }

    @Override
    public UntagResourceResponse call(UntagResourceRequest request, CallContext context) {
        context.authorize(
                "ecs:UntagResource",
                request.resourceArn(),
                keys().put("aws:TagKeys", request.tagKeys())
                        .resourceTags(request.resourceArn())
                        .build());
        backend.untag(request.resourceArn(), request.tagKeys());
        return UntagResourceResponse.builder().build();
    }
}
