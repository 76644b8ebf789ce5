package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeResponse;

/**
 * SubmitContainerStateChange:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SubmitContainerStateChange.html ("This action is only
 * used by the Amazon ECS agent"). The cluster, the task and the container must exist; an essential container reported
 * STOPPED stops its task; the rest is acknowledged without effect ({@code AgentStateChanges}).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:SubmitContainerStateChange} on the cluster's ARN, with {@code ecs:cluster}.
 */
public final class SubmitContainerStateChange extends EcsOperation
        implements Operation<SubmitContainerStateChangeRequest, SubmitContainerStateChangeResponse> {
    public SubmitContainerStateChange(EcsBackend backend) {
        super(backend);
    }

    @Override
    public SubmitContainerStateChangeResponse call(SubmitContainerStateChangeRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize(
                "ecs:SubmitContainerStateChange",
                clusterArn,
                keys().cluster(clusterArn).build());
        return SubmitContainerStateChangeResponse.builder()
                .acknowledgment(backend.agentStateChanges().submitContainerStateChange(request))
                .build();
    }
}
