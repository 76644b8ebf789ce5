package dev.drydock.ecs.internal.support;

import dev.drydock.core.spi.CallContext;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Passing a role to ECS: the caller needs {@code iam:PassRole} on it, with {@code iam:PassedToService} naming the
 * service that will use it. The "API operations" table of the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html) lists
 * {@code iam:PassRole} for RegisterTaskDefinition ({@code ecs-tasks.amazonaws.com}), RunTask, CreateService and
 * UpdateService ({@code ecs-tasks.amazonaws.com}: the task role and task execution role the tasks will get; and
 * {@code ecs.amazonaws.com}: roles ECS itself uses, such as a service's load balancer role or an infrastructure role).
 * See also https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html.
 */
public final class PassRole {
    public static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    public static final String ECS = "ecs.amazonaws.com";

    private PassRole() {}

    /**
     * The task role and task execution role tasks of {@code td} get (an override replaces the definition's), passed to
     * {@code ecs-tasks.amazonaws.com}.
     */
    public static void check(CallContext context, EcsBackend backend, TaskDefinition td, TaskOverride overrides) {
        check(
                context,
                backend,
                ECS_TASKS,
                overrides != null && overrides.taskRoleArn() != null ? overrides.taskRoleArn() : td.taskRoleArn(),
                overrides != null && overrides.executionRoleArn() != null
                        ? overrides.executionRoleArn()
                        : td.executionRoleArn());
    }

    /** Each role (a name or an ARN; null and empty ones skipped) passed to {@code service}, once. */
    public static void check(CallContext context, EcsBackend backend, String service, String... roles) {
        Set<String> arns = new LinkedHashSet<>();
        for (String role : roles) {
            if (role != null && !role.isEmpty()) {
                arns.add(
                        role.startsWith("arn:")
                                ? role
                                : "arn:aws:iam::" + backend.arns().accountId() + ":role/" + role);
            }
        }
        for (String arn : arns) {
            context.authorize("iam:PassRole", arn, Map.of("iam:PassedToService", List.of(service)));
        }
    }
}
