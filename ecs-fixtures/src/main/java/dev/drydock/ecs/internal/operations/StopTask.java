package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;

/**
 * StopTask: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopTask.html. The task's desired status
 * becomes STOPPED (stopCode UserInitiated, the reason kept); its containers get SIGTERM, then SIGKILL after their
 * stopTimeout (30 s by default).
 */
public final class StopTask extends EcsOperation implements Operation<StopTaskRequest, StopTaskResponse> {
    public StopTask(EcsBackend backend) {
        super(backend);
    }

    @Override
    public StopTaskResponse call(StopTaskRequest request, CallContext context) {
        require(request.task(), "task");
        if (request.reason() != null && request.reason().length() > 255) {
            throw EcsErrors.invalidParameter("Reason should not be longer than 255 characters.");
        }
        TaskIds.check(request.task());
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize("ecs:StopTask", TaskIds.arn(backend, clusterArn, request.task()), clusterKey(clusterArn));
        return StopTaskResponse.builder().task(backend.stopTask(request.cluster(), request.task(), request.reason()))
                .build();
    }
}
