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
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskVolumeConfiguration;

/**
 * RunTask: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html. Launch type FARGATE (or a
 * FARGATE/FARGATE_SPOT capacity provider strategy) with an awsvpc network configuration, or EC2 on the cluster's
 * container instances, placed with the request's placementConstraints and placementStrategy (and the task
 * definition's memberOf constraints); a task that fits nowhere is a {@code failures} entry with the closest instance's
 * ARN and reason ({@code RESOURCE:MEMORY} ...). The tasks come back in PROVISIONING and move on as their containers
 * start.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:RunTask} on the task definition revision (a family alone is resolved to its latest ACTIVE revision first,
 * as ECS does since March 2024), with {@code ecs:cluster}, {@code ecs:capacity-provider} (the strategy's providers),
 * {@code ecs:enable-execute-command}, {@code ecs:enable-ebs-volumes}, {@code aws:RequestTag/*}, {@code aws:TagKeys}
 * and {@code ecs:ResourceTag/*} (the task definition's tags); with tags, also {@code ecs:TagResource}
 * ({@code ecs:CreateAction} = {@code RunTask}) on {@code task/<cluster>/*}, standing for the tasks' ARNs, which do not
 * exist yet; then {@code iam:PassRole} on the task role and task execution role (overrides win;
 * {@code ecs-tasks.amazonaws.com}) and on the EBS infrastructure role ({@code ecs.amazonaws.com}).
 */
public final class RunTask extends EcsOperation implements Operation<RunTaskRequest, RunTaskResponse> {
    private final TaskRoles taskRoles;

    public RunTask(EcsBackend backend, TaskRoles taskRoles) {
        super(backend);
        this.taskRoles = taskRoles;
    }

    @Override
    public RunTaskResponse call(RunTaskRequest request, CallContext context) {
        int count = request.count() == null ? 1 : request.count();
        if (count > 10) {
            throw EcsErrors.invalidParameter("Task count can not be greater than 10");
        }
        if (count < 1) {
            throw EcsErrors.invalidParameter("Task count can not be lesser than 1");
        }
        TaskStarts.checkRequest(request.startedBy(), request.overrides());
        TaskDefinition td = TaskStarts.taskDefinition(backend, request.taskDefinition());
        String clusterArn = backend.clusterArn(request.cluster());
        boolean ebs = false;
        String infrastructureRole = null;
        for (TaskVolumeConfiguration v : request.volumeConfigurations()) {
            if (v.managedEBSVolume() != null) {
                ebs = true;
                infrastructureRole = v.managedEBSVolume().roleArn();
            }
        }
        context.authorize(
                "ecs:RunTask",
                td.taskDefinitionArn(),
                keys().cluster(clusterArn)
                        .capacityProviders(request.capacityProviderStrategy(), null)
                        .put("ecs:enable-execute-command", Boolean.TRUE.equals(request.enableExecuteCommand()))
                        .put("ecs:enable-ebs-volumes", ebs)
                        .requestTags(request.tags())
                        .resourceTags(td.taskDefinitionArn())
                        .build());
        Tags.authorizeOnCreate(context, "RunTask", backend.arns().task(clusterName(clusterArn), "*"), request.tags());
        PassRole.check(context, backend, td, request.overrides());
        PassRole.check(context, backend, PassRole.ECS, infrastructureRole);
        taskRoles.check(td, request.overrides());
        TaskStarts.checkActive(td);
        EcsBackend.Described<Task> result = backend.runTask(request, td);
        return RunTaskResponse.builder()
                .tasks(result.found())
                .failures(result.failures())
                .build();
    }
}
