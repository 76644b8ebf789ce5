package dev.drydock.ecs.internal.support;

import dev.drydock.core.spi.Iam;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Checks, as ECS does when it starts tasks, that the task role and the task execution role exist and trust
 * {@code ecs-tasks.amazonaws.com} (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html).
 */
public final class TaskRoles {
    private final Iam iam;

    public TaskRoles(Iam iam) {
        this.iam = iam;
    }

    /**
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException "ECS was unable to assume
     *     the role ..." when it cannot
     */
    public void check(TaskDefinition td, TaskOverride overrides) {
        assumable(overrides != null && overrides.taskRoleArn() != null ? overrides.taskRoleArn() : td.taskRoleArn());
        assumable(
                overrides != null && overrides.executionRoleArn() != null
                        ? overrides.executionRoleArn()
                        : td.executionRoleArn());
    }

    private void assumable(String role) {
        if (role == null || role.isEmpty()) {
            return;
        }
        Optional<String> arn = iam.roleArn(role);
        if (arn.isEmpty() || !iam.trustsService(arn.get(), "ecs-tasks.amazonaws.com")) {
            String shown = role.startsWith("arn:") ? role : "arn:aws:iam::" + iam.accountId() + ":role/" + role;
            throw EcsErrors.invalidParameter("ECS was unable to assume the role '" + shown + "' that was provided "
                    + "for this task. Please verify that the role being passed has the proper trust relationship and "
                    + "permissions and that your IAM user has permissions to pass this role.");
        }
    }
}
