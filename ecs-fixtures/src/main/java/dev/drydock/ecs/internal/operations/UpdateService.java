package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * UpdateService: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html. A new desired
 * count scales the PRIMARY deployment; a new task definition revision (or forceNewDeployment) starts a new deployment
 * that replaces the tasks within minimumHealthyPercent and maximumPercent.
 */
public final class UpdateService extends EcsOperation implements Operation<UpdateServiceRequest, UpdateServiceResponse> {
    private final TaskRoles taskRoles;

    public UpdateService(EcsBackend backend, TaskRoles taskRoles) {
        super(backend);
        this.taskRoles = taskRoles;
    }

    @Override
    public UpdateServiceResponse call(UpdateServiceRequest request, CallContext context) {
        require(request.service(), "service");
        TaskDefinition td = null;
        if (request.taskDefinition() != null) {
            td = backend.findTaskDefinition(request.taskDefinition())
                    .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
        }
        String clusterArn = backend.clusterArn(request.cluster());
        String cluster = clusterArn.substring(clusterArn.indexOf(":cluster/") + ":cluster/".length());
        Map<String, List<String>> keys = new LinkedHashMap<>(clusterKey(clusterArn));
        if (td != null) {
            keys.put("ecs:task-definition", List.of(td.taskDefinitionArn()));
        }
        String serviceArn = request.service().startsWith("arn:") ? request.service()
                : backend.arns().service(cluster, request.service());
        context.authorize("ecs:UpdateService", serviceArn, keys);
        if (td != null) {
            PassRole.check(context, backend, td, null);
            taskRoles.check(td, null);
            if ("INACTIVE".equals(td.statusAsString())) {
                throw EcsErrors.invalidParameter("TaskDefinition is inactive");
            }
        }
        return UpdateServiceResponse.builder().service(backend.updateService(request, td)).build();
    }
}
