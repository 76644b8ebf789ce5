package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.PassRole;
import dev.drydock.ecs.internal.support.Tags;
import dev.drydock.ecs.internal.support.TaskRoles;
import dev.drydock.ecs.internal.support.TaskStarts;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * StartTask: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StartTask.html. One task of the EC2 launch
 * type on each of up to 10 container instances named by id or ARN, without strategies (the task definition's memberOf
 * constraints still bind); an unknown instance is a {@code failures} entry with reason MISSING, a deregistered one
 * INACTIVE, one the task does not fit its placement reason ({@code RESOURCE:MEMORY} ...). Ignored: volumeConfigurations
 * and referenceId.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:StartTask} on the task definition revision, with {@code ecs:cluster}, {@code ecs:container-instances}
 * (the instances' ARNs), {@code ecs:enable-execute-command}, {@code aws:RequestTag/*}, {@code aws:TagKeys} and
 * {@code ecs:ResourceTag/*}; with tags, also {@code ecs:TagResource} ({@code ecs:CreateAction} = {@code StartTask}) on
 * {@code task/<cluster>/*}; then {@code iam:PassRole} on the task role and task execution role.
 */
public final class StartTask extends EcsOperation implements Operation<StartTaskRequest, StartTaskResponse> {
    private final TaskRoles taskRoles;

    public StartTask(EcsBackend backend, TaskRoles taskRoles) {
        super(backend);
        this.taskRoles = taskRoles;
    }

    @Override
    public StartTaskResponse call(StartTaskRequest request, CallContext context) {
        if (request.containerInstances().size() > 10) {
            throw EcsErrors.invalidParameter("containerInstances can have at most 10 items.");
        }
        TaskStarts.checkRequest(request.startedBy(), request.overrides());
        TaskDefinition td = TaskStarts.taskDefinition(backend, request.taskDefinition());
        String clusterArn = backend.clusterArn(request.cluster());
        List<String> instanceArns = new ArrayList<>();
        for (String ref : request.containerInstances()) {
            instanceArns.add(containerInstanceArnOf(clusterArn, ref));
        }
        context.authorize(
                "ecs:StartTask",
                td.taskDefinitionArn(),
                keys().cluster(clusterArn)
                        .put("ecs:container-instances", instanceArns)
                        .put("ecs:enable-execute-command", Boolean.TRUE.equals(request.enableExecuteCommand()))
                        .requestTags(request.tags())
                        .resourceTags(td.taskDefinitionArn())
                        .build());
        Tags.authorizeOnCreate(context, "StartTask", backend.arns().task(clusterName(clusterArn), "*"), request.tags());
        PassRole.check(context, backend, td, request.overrides());
        taskRoles.check(td, request.overrides());
        TaskStarts.checkActive(td);
        EcsBackend.Described<Task> result = backend.startTask(request, td);
        return StartTaskResponse.builder()
                .tasks(result.found())
                .failures(result.failures())
                .build();
    }
}
