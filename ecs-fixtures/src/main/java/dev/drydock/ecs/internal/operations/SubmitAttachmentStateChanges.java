package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesRequest;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesResponse;

/**
 * SubmitAttachmentStateChanges:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SubmitAttachmentStateChanges.html ("This action is
 * only used by the Amazon ECS agent"). The cluster and each attachment (a task's ENI attachment,
 * {@code arn:aws:ecs:<region>:<account>:attachment/<id>}) must exist; acknowledged without effect, since Drydock's
 * lifecycle engine moves ENI attachments itself ({@code AgentStateChanges}).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:SubmitAttachmentStateChanges} on the cluster's ARN, with {@code ecs:cluster}.
 */
public final class SubmitAttachmentStateChanges extends EcsOperation
        implements Operation<SubmitAttachmentStateChangesRequest, SubmitAttachmentStateChangesResponse> {
    public SubmitAttachmentStateChanges(EcsBackend backend) {
        super(backend);
    }

    @Override
    public SubmitAttachmentStateChangesResponse call(SubmitAttachmentStateChangesRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize(
                "ecs:SubmitAttachmentStateChanges",
                clusterArn,
                keys().cluster(clusterArn).build());
        return SubmitAttachmentStateChangesResponse.builder()
                .acknowledgment(backend.agentStateChanges()
                        .submitAttachmentStateChanges(request.cluster(), request.attachments()))
                .build();
    }
}
