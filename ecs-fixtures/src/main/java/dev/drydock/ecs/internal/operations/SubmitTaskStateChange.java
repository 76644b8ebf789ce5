package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeResponse;

/**
 * SubmitTaskStateChange: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SubmitTaskStateChange.html
 * ("This action is only used by the Amazon ECS agent"). The cluster, the task, its containers and attachments must
 * exist; a task reported STOPPED (or with an essential container STOPPED) stops; the rest is acknowledged without
 * effect, since Drydock's lifecycle engine is the agent ({@code AgentStateChanges}).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:SubmitTaskStateChange} on the cluster's ARN, with {@code ecs:cluster}.
 */
public final class SubmitTaskStateChange extends EcsOperation
        implements Operation<SubmitTaskStateChangeRequest, SubmitTaskStateChangeResponse> {
    public SubmitTaskStateChange(EcsBackend backend) {
        super(backend);
    }

    @Override
    public SubmitTaskStateChangeResponse call(SubmitTaskStateChangeRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize(
                "ecs:SubmitTaskStateChange",
                clusterArn,
                keys().cluster(clusterArn).build());
        return SubmitTaskStateChangeResponse.builder()
                .acknowledgment(backend.agentStateChanges().submitTaskStateChange(request))
                .build();
    }
}
