package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.ecs.model.AvailabilityZoneRebalancing;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentController;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** One service's state. Guarded by the backend's lock. */
final class ServiceRecord {
    /** A service's status (the SDK has no enum for it): DRAINING once deleted, INACTIVE once its tasks stopped. */
    enum Status {
        ACTIVE,
        DRAINING,
        INACTIVE
    }

    static final int MAX_EVENTS = 100;

    final String name;
    final String arn;
    final String clusterName;
    final String clusterArn;
    final Instant createdAt;
    final String createdBy;
    /** The launch type, or {@code null} with a capacity provider strategy (UpdateService may switch between them). */
    LaunchType launchType;

    List<CapacityProviderStrategyItem> capacityProviderStrategy;
    final List<Tag> mutableTags;
    final String roleArn;
    PropagateTags propagateTags;
    boolean enableEcsManagedTags;
    Status status = Status.ACTIVE;
    int desiredCount;
    TaskDefinition taskDefinition;
    NetworkConfiguration networkConfiguration;
    DeploymentConfiguration deploymentConfiguration;
    boolean enableExecuteCommand;
    /** CreateService's placement constraints and strategies, described back, and as the placement engine reads them. */
    List<PlacementConstraint> placementConstraints = List.of();

    List<PlacementStrategy> placementStrategy = List.of();
    PlacementEngine.Rules placementRules;

    /** The target groups its tasks are registered in (validated: target groups by ARN). */
    List<LoadBalancer> loadBalancers = List.of();
    /** How long ELB health checks are ignored after a task starts, in seconds (AWS's seconds, unscaled). */
    int healthCheckGracePeriodSeconds;

    final List<DeploymentRecord> deployments = new ArrayList<>();
    final LinkedList<ServiceEvent> events = new LinkedList<>();
    boolean steadyStateReported;
    int consecutiveLaunchFailures;
    Instant nextLaunchAllowedAt = Instant.EPOCH;
    /** The last deployment that reached COMPLETED: where the circuit breaker rolls back to. */
    DeploymentRecord lastCompleted;
    /** Tasks stopped for failed health checks since the last launch (ECS says so in its next "has started"). */
    int unhealthyReplaced;
    /** Whether "unable to stop or start tasks ... deployment configuration" was said for the current situation. */
    boolean stuckReported;
    /** Whether "unable to place a task" was said since the service last placed one. */
    boolean unplacedReported;

    ServiceRecord(
            String name,
            String arn,
            String clusterName,
            String clusterArn,
            Instant createdAt,
            String createdBy,
            LaunchType launchType,
            List<CapacityProviderStrategyItem> capacityProviderStrategy,
            List<Tag> tags,
            PropagateTags propagateTags,
            boolean enableEcsManagedTags,
            String roleArn) {
        this.name = name;
        this.arn = arn;
        this.clusterName = clusterName;
        this.clusterArn = clusterArn;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.launchType = launchType;
        this.capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        this.mutableTags = new ArrayList<>(tags);
        this.roleArn = roleArn;
        this.propagateTags = propagateTags;
        this.enableEcsManagedTags = enableEcsManagedTags;
    }

    DeploymentRecord primary() {
        return deployments.get(0);
    }

    /** The deployment (PRIMARY or ACTIVE) with this id, or {@code null}. */
    DeploymentRecord deployment(String id) {
        for (DeploymentRecord d : deployments) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }

    void event(Instant now, String message) {
        events.addFirst(ServiceEvent.builder()
                .id(UUID.randomUUID().toString())
                .createdAt(now)
                .message("(service " + name + ") " + message)
                .build());
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }

    Service toModel(int running, int pending, List<DeploymentCounts> counts, boolean includeTags) {
        List<Deployment> deploymentModels = new ArrayList<>();
        for (int i = 0; i < deployments.size(); i++) {
            DeploymentCounts c = counts.get(i);
            deploymentModels.add(deployments.get(i).toModel(c.running(), c.pending()));
        }
        Service.Builder b = Service.builder()
                .serviceArn(arn)
                .serviceName(name)
                .clusterArn(clusterArn)
                .loadBalancers(loadBalancers)
                .serviceRegistries(List.of())
                .status(status.name())
                .desiredCount(desiredCount)
                .runningCount(running)
                .pendingCount(pending)
                .platformVersion("LATEST")
                .platformFamily("Linux")
                .taskDefinition(taskDefinition.taskDefinitionArn())
                .deploymentConfiguration(deploymentConfiguration)
                .deployments(deploymentModels)
                .roleArn(roleArn)
                .events(new ArrayList<>(events))
                .createdAt(createdAt)
                .createdBy(createdBy)
                .placementConstraints(placementConstraints)
                .placementStrategy(placementStrategy)
                .networkConfiguration(networkConfiguration)
                .schedulingStrategy(SchedulingStrategy.REPLICA)
                .deploymentController(DeploymentController.builder().type("ECS").build())
                .enableECSManagedTags(enableEcsManagedTags)
                .propagateTags(propagateTags)
                .enableExecuteCommand(enableExecuteCommand)
                .availabilityZoneRebalancing(AvailabilityZoneRebalancing.ENABLED);
        if (launchType != null) {
            b.launchType(launchType);
        } else {
            b.capacityProviderStrategy(capacityProviderStrategy);
        }
        if (!loadBalancers.isEmpty()) {
            b.healthCheckGracePeriodSeconds(healthCheckGracePeriodSeconds);
        }
        if (includeTags) {
            b.tags(mutableTags);
        }
        return b.build();
    }

    /**
     * Running and pending task counts of one deployment.
     *
     * @param running tasks whose lastStatus is RUNNING
     * @param pending tasks that are not yet running
     */
    record DeploymentCounts(int running, int pending) {}
}
