package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** One deployment of a service: a task definition revision rolled out to a desired count. */
final class DeploymentRecord {
    /** A deployment's status (the SDK has no enum for it): the newest is PRIMARY, older ones ACTIVE until drained. */
    enum Status {
        PRIMARY,
        ACTIVE,
        INACTIVE
    }

    final String id;
    final TaskDefinition taskDefinition;
    final NetworkConfiguration networkConfiguration;
    final LaunchType launchType;
    final List<CapacityProviderStrategyItem> capacityProviderStrategy;
    final Instant createdAt;
    Status status;
    int desiredCount;
    int failedTasks;
    Instant updatedAt;
    DeploymentRolloutState rolloutState = DeploymentRolloutState.IN_PROGRESS;
    String rolloutStateReason;

    DeploymentRecord(
            String id,
            TaskDefinition taskDefinition,
            NetworkConfiguration networkConfiguration,
            LaunchType launchType,
            List<CapacityProviderStrategyItem> capacityProviderStrategy,
            int desiredCount,
            Instant now) {
        this.id = id;
        this.taskDefinition = taskDefinition;
        this.networkConfiguration = networkConfiguration;
        this.launchType = launchType;
        this.capacityProviderStrategy = capacityProviderStrategy;
        this.desiredCount = desiredCount;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = Status.PRIMARY;
        this.rolloutStateReason = "ECS deployment " + id + " in progress.";
    }

    Deployment toModel(int running, int pending) {
        Deployment.Builder b = Deployment.builder()
                .id(id)
                .status(status.name())
                .taskDefinition(taskDefinition.taskDefinitionArn())
                .desiredCount(desiredCount)
                .pendingCount(pending)
                .runningCount(running)
                .failedTasks(failedTasks)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .platformVersion("1.4.0")
                .platformFamily("Linux")
                .networkConfiguration(networkConfiguration)
                .rolloutState(rolloutState)
                .rolloutStateReason(rolloutStateReason);
        if (launchType != null) {
            b.launchType(launchType);
        } else {
            b.capacityProviderStrategy(capacityProviderStrategy);
        }
        return b.build();
    }
}
