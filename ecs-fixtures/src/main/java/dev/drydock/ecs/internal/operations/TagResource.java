package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;

/** TagResource: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TagResource.html */
public final class TagResource extends EcsOperation implements Operation<TagResourceRequest, TagResourceResponse> {
    public TagResource(EcsBackend backend) {
        super(backend);
    }

    @Override
    public TagResourceResponse call(TagResourceRequest request, CallContext context) {
        require(request.resourceArn(), "resourceArn");
        context.authorize("ecs:TagResource", request.resourceArn(), Tags.requestKeys(request.tags()));
        backend.tag(request.resourceArn(), request.tags());
        return TagResourceResponse.builder().build();
    }
}
