package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Starting a task with a task role or an execution role passes that role to ECS: the caller needs
 * {@code iam:PassRole} on it, with {@code iam:PassedToService} = {@code ecs-tasks.amazonaws.com}
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html).
 */
final class PassRole {
    private PassRole() {
    }

    static void check(CallContext context, EcsBackend backend, TaskDefinition td, TaskOverride overrides) {
        Set<String> roles = new LinkedHashSet<>();
        addRole(roles, backend, overrides != null && overrides.taskRoleArn() != null ? overrides.taskRoleArn()
                : td.taskRoleArn());
        addRole(roles, backend, overrides != null && overrides.executionRoleArn() != null
                ? overrides.executionRoleArn() : td.executionRoleArn());
        for (String role : roles) {
            context.authorize("iam:PassRole", role, Map.of("iam:PassedToService",
                    List.of("ecs-tasks.amazonaws.com")));
        }
    }

    private static void addRole(Set<String> roles, EcsBackend backend, String role) {
        if (role == null || role.isEmpty()) {
            return;
        }
        roles.add(role.startsWith("arn:") ? role : "arn:aws:iam::" + backend.arns().accountId() + ":role/" + role);
    }
}
