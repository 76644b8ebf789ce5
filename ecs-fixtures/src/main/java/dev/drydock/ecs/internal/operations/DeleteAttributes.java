package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesResponse;

/**
 * DeleteAttributes: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteAttributes.html. Removes
 * attributes from container instances (by id or ARN), all or nothing: an unknown target is TargetNotFoundException.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DeleteAttributes} on each target container instance's ARN, with {@code ecs:cluster}.
 */
public final class DeleteAttributes extends EcsOperation
        implements Operation<DeleteAttributesRequest, DeleteAttributesResponse> {
    public DeleteAttributes(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DeleteAttributesResponse call(DeleteAttributesRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        for (Attribute a : request.attributes()) {
            if (a.targetId() != null) {
                context.authorize(
                        "ecs:DeleteAttributes",
                        containerInstanceArnOf(clusterArn, a.targetId()),
                        keys().cluster(clusterArn).build());
            }
        }
        return DeleteAttributesResponse.builder()
                .attributes(backend.capacity().deleteAttributes(request.cluster(), request.attributes()))
                .build();
    }
}
