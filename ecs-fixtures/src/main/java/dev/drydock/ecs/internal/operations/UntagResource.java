package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

/** UntagResource: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UntagResource.html */
public final class UntagResource extends EcsOperation implements Operation<UntagResourceRequest, UntagResourceResponse> {
    public UntagResource(EcsBackend backend) {
        super(backend);
    }

    @Override
    public UntagResourceResponse call(UntagResourceRequest request, CallContext context) {
        require(request.resourceArn(), "resourceArn");
        context.authorize("ecs:UntagResource", request.resourceArn(),
                Map.of("aws:TagKeys", List.copyOf(request.tagKeys())));
        backend.untag(request.resourceArn(), request.tagKeys());
        return UntagResourceResponse.builder().build();
    }
}
