package dev.drydock.ecs.internal.support;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/** The request checks RunTask and StartTask share, with ECS's messages. */
public final class TaskStarts {
    private TaskStarts() {}

    /**
     * Checks {@code startedBy} (at most 36 characters) and that every container override names a container.
     *
     * @throws AwsException InvalidParameterException
     */
    public static void checkRequest(String startedBy, TaskOverride overrides) {
        if (startedBy != null && startedBy.length() > 36) {
            throw EcsErrors.invalidParameter("startedBy longer than 36.");
        }
        if (overrides != null) {
            for (ContainerOverride o : overrides.containerOverrides()) {
                if (o.name() == null || o.name().isBlank()) {
                    throw EcsErrors.invalidParameter("name cannot be blank.");
                }
            }
        }
    }

    /**
     * The task definition a request names.
     *
     * @throws AwsException ClientException "TaskDefinition not found." when there is none
     */
    public static TaskDefinition taskDefinition(EcsBackend backend, String ref) {
        return backend.findTaskDefinition(ref).orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
    }

    /**
     * Checks that the revision is ACTIVE (after authorization, as ECS answers).
     *
     * @throws AwsException InvalidParameterException "TaskDefinition is inactive"
     */
    public static void checkActive(TaskDefinition td) {
        if (td.status() == TaskDefinitionStatus.INACTIVE) {
            throw EcsErrors.invalidParameter("TaskDefinition is inactive");
        }
    }
}
