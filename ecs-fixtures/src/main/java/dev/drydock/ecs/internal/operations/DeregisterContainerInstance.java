package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceResponse;

/**
 * DeregisterContainerInstance:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterContainerInstance.html. The instance becomes
 * INACTIVE and gets no more tasks; one that still has tasks is refused unless {@code force} is set.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DeregisterContainerInstance} on the cluster's ARN.
 */
public final class DeregisterContainerInstance extends EcsOperation
        implements Operation<DeregisterContainerInstanceRequest, DeregisterContainerInstanceResponse> {
    public DeregisterContainerInstance(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DeregisterContainerInstanceResponse call(DeregisterContainerInstanceRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize("ecs:DeregisterContainerInstance", clusterArn);
        return DeregisterContainerInstanceResponse.builder()
                .containerInstance(backend.capacity()
                        .deregisterContainerInstance(
                                request.cluster(), request.containerInstance(), Boolean.TRUE.equals(request.force())))
                .build();
    }
}
