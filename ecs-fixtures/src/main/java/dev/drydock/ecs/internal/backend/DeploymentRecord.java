package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** One deployment of a service: a task definition revision rolled out to a desired count. */
final class DeploymentRecord {
    final String id;
    final TaskDefinition taskDefinition;
    final NetworkConfiguration networkConfiguration;
    final String launchType;
    final List<CapacityProviderStrategyItem> capacityProviderStrategy;
    final Instant createdAt;
    String status;
    int desiredCount;
    int failedTasks;
    Instant updatedAt;
    String rolloutState = "IN_PROGRESS";
    String rolloutStateReason;

    DeploymentRecord(
            String id,
            TaskDefinition taskDefinition,
            NetworkConfiguration networkConfiguration,
            String launchType,
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
        this.status = "PRIMARY";
        this.rolloutStateReason = "ECS deployment " + id + " in progress.";
    }

    Deployment toModel(int running, int pending) {
        Deployment.Builder b = Deployment.builder()
                .id(id)
                .status(status)
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
