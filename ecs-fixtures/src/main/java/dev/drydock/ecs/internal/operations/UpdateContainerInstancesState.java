package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

/**
 * UpdateContainerInstancesState:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateContainerInstancesState.html. Up to 10 instances
 * to ACTIVE or DRAINING; unknown ones come back as failures with reason MISSING. A DRAINING instance gets no new
 * tasks.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:UpdateContainerInstancesState} on each container instance's ARN, with {@code ecs:cluster}.
 */
public final class UpdateContainerInstancesState extends EcsOperation
        implements Operation<UpdateContainerInstancesStateRequest, UpdateContainerInstancesStateResponse> {
    public UpdateContainerInstancesState(EcsBackend backend) {
        super(backend);
    }

    @Override
    public UpdateContainerInstancesStateResponse call(
            UpdateContainerInstancesStateRequest request, CallContext context) {
        if (request.containerInstances().size() > 10) {
            throw EcsErrors.invalidParameter("containerInstances can have at most 10 items.");
        }
        String clusterArn = backend.clusterArn(request.cluster());
        for (String ref : request.containerInstances()) {
            context.authorize(
                    "ecs:UpdateContainerInstancesState",
                    containerInstanceArnOf(clusterArn, ref),
                    keys().cluster(clusterArn).build());
        }
        EcsBackend.Described<ContainerInstance> d = backend.capacity()
                .updateContainerInstancesState(
                        request.cluster(), request.containerInstances(), request.statusAsString());
        return UpdateContainerInstancesStateResponse.builder()
                .containerInstances(d.found())
                .failures(d.failures())
                .build();
    }
}
