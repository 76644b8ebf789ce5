package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * RunTask: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html. Fargate only (launch type
 * FARGATE or a FARGATE/FARGATE_SPOT capacity provider strategy) with an awsvpc network configuration; the tasks come
 * back in PROVISIONING and move on as their containers start.
 */
public final class RunTask extends EcsOperation implements Operation<RunTaskRequest, RunTaskResponse> {
    private final TaskRoles taskRoles;

    public RunTask(EcsBackend backend, TaskRoles taskRoles) {
        super(backend);
        this.taskRoles = taskRoles;
    }

    @Override
    public RunTaskResponse call(RunTaskRequest request, CallContext context) {
        require(request.taskDefinition(), "taskDefinition");
        int count = request.count() == null ? 1 : request.count();
        if (count > 10) {
            throw EcsErrors.invalidParameter("Task count can not be greater than 10");
        }
        if (count < 1) {
            throw EcsErrors.invalidParameter("Task count can not be lesser than 1");
        }
        if (request.startedBy() != null && request.startedBy().length() > 36) {
            throw EcsErrors.invalidParameter("startedBy longer than 36.");
        }
        if (request.overrides() != null) {
            for (ContainerOverride o : request.overrides().containerOverrides()) {
                if (o.name() == null || o.name().isBlank()) {
                    throw EcsErrors.invalidParameter("name cannot be blank.");
                }
            }
        }
        TaskDefinition td = backend.findTaskDefinition(request.taskDefinition())
                .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
        String clusterArn = backend.clusterArn(request.cluster());
        Map<String, List<String>> keys = new LinkedHashMap<>(clusterKey(clusterArn));
        keys.putAll(Tags.requestKeys(request.tags()));
        if (td.cpu() != null) {
            keys.put("ecs:task-cpu", List.of(td.cpu()));
        }
        if (td.memory() != null) {
            keys.put("ecs:task-memory", List.of(td.memory()));
        }
        keys.put("ecs:enable-execute-command", List.of(Boolean.toString(Boolean.TRUE.equals(
                request.enableExecuteCommand()))));
        context.authorize("ecs:RunTask", td.taskDefinitionArn(), keys);
        PassRole.check(context, backend, td, request.overrides());
        taskRoles.check(td, request.overrides());
        if ("INACTIVE".equals(td.statusAsString())) {
            throw EcsErrors.invalidParameter("TaskDefinition is inactive");
        }
        return RunTaskResponse.builder().tasks(backend.runTask(request, td)).failures(List.of()).build();
    }
}
