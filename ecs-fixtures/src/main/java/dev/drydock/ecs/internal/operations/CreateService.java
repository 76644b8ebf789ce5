package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * CreateService: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html. A REPLICA service
 * on Fargate; the service scheduler starts desiredCount tasks and keeps them running.
 */
public final class CreateService extends EcsOperation implements Operation<CreateServiceRequest, CreateServiceResponse> {
    private final TaskRoles taskRoles;

    public CreateService(EcsBackend backend, TaskRoles taskRoles) {
        super(backend);
        this.taskRoles = taskRoles;
    }

    @Override
    public CreateServiceResponse call(CreateServiceRequest request, CallContext context) {
        require(request.serviceName(), "serviceName");
        if (request.taskDefinition() == null) {
            throw EcsErrors.invalidParameter("taskDefinition can not be blank.");
        }
        if (request.deploymentController() != null && request.deploymentController().typeAsString() != null
                && !"ECS".equals(request.deploymentController().typeAsString())) {
            throw EcsErrors.invalidParameter("Drydock supports the ECS deployment controller only (rolling updates);"
                    + " remove deploymentController or set its type to ECS.");
        }
        TaskDefinition td = backend.findTaskDefinition(request.taskDefinition())
                .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
        String clusterArn = backend.clusterArn(request.cluster());
        String cluster = clusterArn.substring(clusterArn.indexOf(":cluster/") + ":cluster/".length());
        Map<String, List<String>> keys = new LinkedHashMap<>(clusterKey(clusterArn));
        keys.put("ecs:task-definition", List.of(td.taskDefinitionArn()));
        keys.putAll(Tags.requestKeys(request.tags()));
        context.authorize("ecs:CreateService", backend.arns().service(cluster, request.serviceName()), keys);
        PassRole.check(context, backend, td, null);
        taskRoles.check(td, null);
        if ("INACTIVE".equals(td.statusAsString())) {
            throw EcsErrors.invalidParameter("TaskDefinition is inactive");
        }
        return CreateServiceResponse.builder().service(backend.createService(request, td, context.caller().arn()))
                .build();
    }
}
