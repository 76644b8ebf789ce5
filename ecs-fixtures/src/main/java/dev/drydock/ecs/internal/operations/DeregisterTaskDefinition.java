package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;

/**
 * DeregisterTaskDefinition:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html. The revision becomes
 * INACTIVE; tasks and services that use it keep running.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DeregisterTaskDefinition} on {@code *}: the action has no resource type and no condition keys.
 */
public final class DeregisterTaskDefinition extends EcsOperation
        implements Operation<DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse> {
    public DeregisterTaskDefinition(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DeregisterTaskDefinitionResponse call(DeregisterTaskDefinitionRequest request, CallContext context) {
        context.authorize("ecs:DeregisterTaskDefinition", "*");
        return DeregisterTaskDefinitionResponse.builder()
                .taskDefinition(backend.deregisterTaskDefinition(request.taskDefinition()))
                .build();
    }
}
