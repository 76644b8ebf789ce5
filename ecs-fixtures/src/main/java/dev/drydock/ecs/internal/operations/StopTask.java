package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.TaskIds;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;

/**
 * StopTask: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopTask.html. The task's desired status
 * becomes STOPPED (stopCode UserInitiated, the reason kept); its containers get SIGTERM, then SIGKILL after their
 * stopTimeout (30 s by default).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:StopTask} on the task's ARN ({@code task/<cluster>/<id>}), with {@code ecs:cluster} and
 * {@code ecs:ResourceTag/*}.
 */
public final class StopTask extends EcsOperation implements Operation<StopTaskRequest, StopTaskResponse> {
    public StopTask(EcsBackend backend) {
        super(backend);
    }

    @Override
    public StopTaskResponse call(StopTaskRequest request, CallContext context) {
        if (request.reason() != null && request.reason().length() > 255) {
            throw EcsErrors.invalidParameter("Reason should not be longer than 255 characters.");
        }
        TaskIds.check(request.task());
        String clusterArn = backend.clusterArn(request.cluster());
        String taskArn = TaskIds.arn(backend, clusterArn, request.task());
        context.authorize(
                "ecs:StopTask",
                taskArn,
                keys().cluster(clusterArn).resourceTags(taskArn).build());
        return StopTaskResponse.builder()
                .task(backend.stopTask(request.cluster(), request.task(), request.reason()))
                .build();
    }
}
