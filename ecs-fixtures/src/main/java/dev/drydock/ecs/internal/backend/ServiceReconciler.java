package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The service scheduler's pass over every service: replace tasks that stopped or must be replaced, count failed tasks
 * against their deployment and trip the circuit breaker (and roll back), start and stop tasks as the
 * {@link RolloutPlanner} decides, ask {@link TaskPlacement} where each new task goes, retire drained deployments and
 * deleted services, and record the service events and EventBridge events ECS records. The decisions are pure
 * ({@link RolloutPlanner}, {@link CircuitBreaker}); a task's health comes from {@link ServiceTaskHealth}. Guarded by
 * the backend's lock: callers hold it, and start the returned tasks' containers after releasing it.
 */
final class ServiceReconciler {
    private final String region;
    private final Clusters clusters;
    private final TaskDefinitionRegistry taskDefinitions;
    private final Tasks tasks;
    private final TaskTransitions transitions;
    private final Services services;
    private final TaskPlacement placement;
    private final ServiceLoadBalancing health;
    private final EcsEvents events;
    private final CapacityWaits waits;

    ServiceReconciler(
            String region,
            Clusters clusters,
            TaskDefinitionRegistry taskDefinitions,
            Tasks tasks,
            TaskTransitions transitions,
            Services services,
            TaskPlacement placement,
            ServiceLoadBalancing health,
            EcsEvents events) {
        this.region = region;
        this.clusters = clusters;
        this.taskDefinitions = taskDefinitions;
        this.tasks = tasks;
        this.transitions = transitions;
        this.services = services;
        this.placement = placement;
        this.health = health;
        this.events = events;
        this.waits = new CapacityWaits(region, tasks, placement, transitions);
    }

    /** The tasks waiting in PROVISIONING for Auto Scaling group capacity, placed on each pass. */
    CapacityWaits waits() {
        return waits;
    }

    /**
     * One pass over every service.
     *
     * @param toLaunch receives the tasks created, whose containers the caller starts
     * @return the earliest time a throttled launch may retry or a task waiting for capacity times out, or
     *     {@code null} when nothing waits
     */
    Instant reconcileAll(Instant now, List<TaskRecord> toLaunch) {
        Instant retryAt = waits.pass(now, toLaunch);
        for (ServiceRecord s : new ArrayList<>(services.all())) {
            Instant r = reconcile(s, now, toLaunch);
            if (r != null && (retryAt == null || r.isBefore(retryAt))) {
                retryAt = r;
            }
        }
        return retryAt;
    }

    private Instant reconcile(ServiceRecord s, Instant now, List<TaskRecord> toLaunch) {
        List<TaskRecord> mine = tasks.ofService(s.clusterName, s.name);
        health.register(s, mine, now);
        List<TaskRecord> active = new ArrayList<>();
        List<ServiceTaskHealth.Verdict> verdicts = new ArrayList<>();
        Instant healthyAt = judge(s, mine, active, verdicts, now);
        countFailures(s, mine, now);
        int desired = s.desiredCount;
        s.primary().desiredCount = desired;
        circuitBreaker(s, now);
        DeploymentRecord primary = s.primary();
        boolean failed = primary.rolloutState == DeploymentRolloutState.FAILED;
        boolean draining = s.status == ServiceRecord.Status.DRAINING;

        List<RolloutPlanner.TaskView<TaskRecord>> primaryTasks = new ArrayList<>();
        List<RolloutPlanner.TaskView<TaskRecord>> oldTasks = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            TaskRecord t = active.get(i);
            ServiceTaskHealth.Verdict v = verdicts.get(i);
            // a task on a DRAINING container instance is replaced as an old deployment's task is: replacements first,
            // within minimumHealthyPercent and maximumPercent
            // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-draining.html)
            boolean onDraining = t.containerInstance != null
                    && t.containerInstance.status == ContainerInstanceRecord.Status.DRAINING;
            (primary.id.equals(t.startedBy) && !onDraining ? primaryTasks : oldTasks)
                    .add(new RolloutPlanner.TaskView<>(t, t.lastStatus, t.createdAt, v.healthy(), v.awaitingHealth()));
        }
        RolloutPlanner.Plan<TaskRecord> plan = RolloutPlanner.plan(new RolloutPlanner.Input<>(
                desired,
                s.deploymentConfiguration.maximumPercent(),
                s.deploymentConfiguration.minimumHealthyPercent(),
                draining,
                failed,
                primaryTasks,
                oldTasks));
        stopForService(s, primary, plan.scaleDown(), now);
        stopForService(s, primary, plan.stopOld(), now);
        List<TaskRecord> drained = new ArrayList<>();
        Instant retryAt = earliest(healthyAt, health.drain(s, mine, now, drained));
        for (TaskRecord t : drained) {
            transitions.drained(t);
        }
        ClusterRecord cluster = clusters.named(s.clusterName);
        if (plan.launch() > 0 && cluster != null && cluster.active()) {
            if (now.isBefore(s.nextLaunchAllowedAt)) {
                retryAt = earliest(retryAt, s.nextLaunchAllowedAt);
            } else {
                launch(s, cluster, primary, plan.launch(), now, toLaunch);
            }
        } else if (plan.stuck() && !s.stuckReported) {
            // neither a start nor a stop fits the deployment configuration (and no health check result will change
            // that): ECS says so once
            s.stuckReported = true;
            s.event(
                    now,
                    "was unable to stop or start tasks during a deployment because of the service deployment "
                            + "configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");
        }
        retireDrainedDeployments(s, now);
        if (draining) {
            if (mine.stream().allMatch(t -> t.lastStatus == TaskStatus.STOPPED)) {
                services.retire(s);
            }
            return retryAt;
        }
        if (RolloutPlanner.settled(plan.primaryLeft(), desired, s.deployments.size(), failed)) {
            settled(s, primary, now);
        }
        return retryAt;
    }

    /**
     * Judges the service's tasks whose desired status is RUNNING ({@link ServiceTaskHealth}, once per task and pass):
     * those that must be replaced are stopped (ServiceSchedulerInitiated, with the verdict's reason;
     * {@link #countFailures} reports them, whoever stopped them, and the launch step replaces them), the others go to
     * {@code active} with their verdicts. A healthy task resets its deployment's failed task count, as ECS's
     * {@code Deployment.failedTasks} does ("Once a service deployment has one or more successfully running tasks, the
     * failed task count resets to zero",
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html).
     *
     * @return the earliest time an awaiting task turns healthy by itself (the scheduler passes again then), or
     *     {@code null}
     */
    private Instant judge(
            ServiceRecord s,
            List<TaskRecord> mine,
            List<TaskRecord> active,
            List<ServiceTaskHealth.Verdict> verdicts,
            Instant now) {
        Instant healthyAt = null;
        for (TaskRecord t : mine) {
            if (t.desiredStatus == DesiredStatus.RUNNING) {
                ServiceTaskHealth.Verdict v = health.judge(s, t, now);
                if (v.replacementReason() != null) {
                    transitions.requestStop(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, v.replacementReason());
                } else {
                    active.add(t);
                    verdicts.add(v);
                    healthyAt = earliest(healthyAt, v.healthyAt());
                    DeploymentRecord d = v.healthy() ? s.deployment(t.startedBy) : null;
                    if (d != null && d.failedTasks > 0 && d.rolloutState == DeploymentRolloutState.IN_PROGRESS) {
                        d.failedTasks = 0;
                        d.updatedAt = now;
                    }
                }
            }
        }
        return healthyAt;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    /**
     * Counts the service's tasks that failed since the last pass against their deployment (a task that could not
     * start, whose essential container exited, or that failed its health checks), and throttles launches after
     * tasks that could not start.
     */
    private void countFailures(ServiceRecord s, List<TaskRecord> mine, Instant now) {
        for (TaskRecord t : mine) {
            if (t.desiredStatus == DesiredStatus.STOPPED
                    && !t.failureCounted
                    && CircuitBreaker.countsAsFailure(t.stopCode, t.stoppedReason)) {
                t.failureCounted = true;
                if (t.stoppedReason != null && t.stoppedReason.startsWith(ServiceLoadBalancing.ELB_UNHEALTHY_REASON)) {
                    s.event(now, "has stopped 1 running tasks: (task " + t.id + ").");
                    events.serviceAction(s, "INFO", "TASKS_STOPPED", now);
                    s.unhealthyReplaced++;
                    s.steadyStateReported = false;
                }
                if (ContainerHealthChecks.UNHEALTHY_REASON.equals(t.stoppedReason)) {
                    s.event(now, "(task " + t.id + ") failed container health checks.");
                    s.event(now, "has stopped 1 running tasks: (task " + t.id + ").");
                    events.serviceAction(s, "INFO", "TASKS_STOPPED", now);
                    s.unhealthyReplaced++;
                    s.steadyStateReported = false;
                }
                DeploymentRecord d = s.deployment(t.startedBy);
                if (d != null && d.rolloutState == DeploymentRolloutState.IN_PROGRESS) {
                    d.failedTasks++;
                    d.updatedAt = now;
                }
                if (t.stopCode == TaskStopCode.TASK_FAILED_TO_START) {
                    s.consecutiveLaunchFailures++;
                    s.nextLaunchAllowedAt = now.plus(CircuitBreaker.launchDelay(s.consecutiveLaunchFailures));
                    s.event(now, "failed to launch a task with (error " + t.stoppedReason + ").");
                    if (s.consecutiveLaunchFailures == 3) {
                        s.event(
                                now,
                                "is unable to consistently start tasks successfully. For more information, see "
                                        + "the Troubleshooting section of the Amazon ECS Developer Guide.");
                        events.serviceAction(s, "WARN", "SERVICE_TASK_START_IMPAIRED", now);
                    }
                }
            } else if (t.reachedRunning && !t.successCounted && t.stopCode != TaskStopCode.TASK_FAILED_TO_START) {
                t.successCounted = true;
                s.consecutiveLaunchFailures = 0;
            }
        }
    }

    /**
     * The deployment circuit breaker: a PRIMARY deployment whose failed tasks reach the threshold becomes FAILED; with
     * rollback, the last COMPLETED deployment becomes PRIMARY again.
     */
    private void circuitBreaker(ServiceRecord s, Instant now) {
        DeploymentCircuitBreaker breaker = s.deploymentConfiguration.deploymentCircuitBreaker();
        DeploymentRecord primary = s.primary();
        if (!CircuitBreaker.trips(
                breaker,
                s.status == ServiceRecord.Status.ACTIVE,
                primary.rolloutState,
                primary.failedTasks,
                primary.desiredCount)) {
            return;
        }
        primary.rolloutState = DeploymentRolloutState.FAILED;
        primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.updatedAt = now;
        s.event(now, "(deployment " + primary.id + ") deployment failed: tasks failed to start.");
        events.deployment(s, primary, "ERROR", "SERVICE_DEPLOYMENT_FAILED", primary.rolloutStateReason, now);
        DeploymentRecord target = s.lastCompleted;
        if (!Boolean.TRUE.equals(breaker.rollback()) || target == null || target == primary) {
            return;
        }
        primary.status = DeploymentRecord.Status.ACTIVE;
        s.deployments.remove(target);
        s.deployments.add(0, target);
        target.status = DeploymentRecord.Status.PRIMARY;
        target.rolloutState = DeploymentRolloutState.IN_PROGRESS;
        target.rolloutStateReason = "ECS deployment circuit breaker: rolling back to deploymentId " + target.id + ".";
        target.desiredCount = s.desiredCount;
        target.updatedAt = now;
        s.taskDefinition = target.taskDefinition;
        s.networkConfiguration = target.networkConfiguration;
        s.steadyStateReported = false;
        s.event(now, "rolling back to deployment " + target.id + ".");
        events.deployment(s, target, "INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", target.rolloutStateReason, now);
    }

    /**
     * Creates up to {@code count} PRIMARY tasks where {@link TaskPlacement} places them, and says so in a service
     * event; a task that cannot be placed ends the launches of this pass, said once until a task is placed again.
     */
    private void launch(
            ServiceRecord s,
            ClusterRecord cluster,
            DeploymentRecord primary,
            int count,
            Instant now,
            List<TaskRecord> toLaunch) {
        List<String> started = new ArrayList<>();
        Failure unplaced = null;
        LaunchType launchType = primary.launchType != null ? primary.launchType : LaunchType.FARGATE;
        String group = "service:" + s.name;
        // the deployment's tasks not told to stop, by capacity provider: new ones keep its strategy's base and weights
        Map<String, Integer> byProvider = new HashMap<>();
        for (TaskRecord t : tasks.ofService(s.clusterName, s.name)) {
            if (primary.id.equals(t.startedBy)
                    && t.desiredStatus == DesiredStatus.RUNNING
                    && t.capacityProviderName != null) {
                byProvider.merge(t.capacityProviderName, 1, Integer::sum);
            }
        }
        for (int i = 0; i < count; i++) {
            String provider = primary.capacityProviderStrategy.isEmpty()
                    ? null
                    : CapacityProviderStrategies.next(primary.capacityProviderStrategy, byProvider);
            // a task of an Auto Scaling group capacity provider runs on EC2, on the provider's instances
            LaunchType taskLaunchType =
                    provider != null && !CapacityProviderStrategies.FARGATE_PROVIDERS.contains(provider)
                            ? LaunchType.EC2
                            : launchType;
            TaskPlacement.Placement placed = placement.place(new TaskPlacement.Request(
                    region,
                    cluster.name,
                    primary.taskDefinition,
                    null,
                    taskLaunchType,
                    group,
                    s.placementRules,
                    null,
                    provider));
            if (!placed.created()) {
                unplaced = placed.failure();
                break;
            }
            TaskRecord.Builder b = TaskRecord.builder();
            b.taskDefinition = primary.taskDefinition;
            b.group = group;
            b.startedBy = primary.id;
            b.launchType = taskLaunchType;
            if (provider != null) {
                b.capacityProviderName = provider;
                byProvider.merge(provider, 1, Integer::sum);
            }
            b.awsvpc = primary.networkConfiguration == null ? null : primary.networkConfiguration.awsvpcConfiguration();
            b.tags = TaskTags.forService(s, taskDefinitions.tags(primary.taskDefinition.taskDefinitionArn()));
            b.serviceName = s.name;
            b.enableExecuteCommand = s.enableExecuteCommand;
            TaskRecord t = tasks.create(cluster, b, placed);
            t.placementRules = s.placementRules;
            if (!t.awaitingCapacity) { // else CapacityWaits places and launches it
                toLaunch.add(t);
            }
            started.add("(task " + t.id + ")");
        }
        if (!started.isEmpty()) {
            String replaced = s.unhealthyReplaced > 0
                    ? " Amazon ECS replaced " + s.unhealthyReplaced + " tasks due to an unhealthy status."
                    : "";
            s.unhealthyReplaced = 0;
            s.event(now, "has started " + started.size() + " tasks: " + String.join(" ", started) + "." + replaced);
            s.steadyStateReported = false;
            s.stuckReported = false;
            s.unplacedReported = false;
        }
        if (unplaced != null && !s.unplacedReported) {
            s.unplacedReported = true;
            s.event(
                    now,
                    launchType == LaunchType.EC2
                            ? PlacementEngine.serviceEvent(unplaced)
                            : "was unable to place a task. Reason: " + unplaced.reason() + ".");
        }
    }

    /** Older deployments whose tasks all stopped become INACTIVE and leave the service. */
    private void retireDrainedDeployments(ServiceRecord s, Instant now) {
        for (int i = s.deployments.size() - 1; i >= 1; i--) {
            DeploymentRecord d = s.deployments.get(i);
            if (services.tasksOf(s, d).stream().allMatch(t -> t.lastStatus == TaskStatus.STOPPED)) {
                d.status = DeploymentRecord.Status.INACTIVE;
                d.updatedAt = now;
                s.deployments.remove(i);
            }
        }
    }

    /** The rollout is done: the deployment COMPLETED (once), then the service's steady state (once per change). */
    private void settled(ServiceRecord s, DeploymentRecord primary, Instant now) {
        if (primary.rolloutState == DeploymentRolloutState.IN_PROGRESS) {
            primary.rolloutState = DeploymentRolloutState.COMPLETED;
            primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
            primary.updatedAt = now;
            s.lastCompleted = primary;
            s.event(now, "(deployment " + primary.id + ") deployment completed.");
            events.deployment(s, primary, "INFO", "SERVICE_DEPLOYMENT_COMPLETED", primary.rolloutStateReason, now);
        }
        if (!s.steadyStateReported) {
            s.steadyStateReported = true;
            s.event(now, "has reached a steady state.");
            events.serviceAction(s, "INFO", "SERVICE_STEADY_STATE", now);
        }
    }

    /** Stops tasks for the PRIMARY deployment's rollout ("Scaling activity initiated by (deployment <id>)"). */
    private void stopForService(ServiceRecord s, DeploymentRecord primary, Collection<TaskRecord> stop, Instant now) {
        if (stop.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (TaskRecord t : stop) {
            boolean running = t.lastStatus == TaskStatus.RUNNING;
            boolean draining = t.containerInstance != null
                    && t.containerInstance.status == ContainerInstanceRecord.Status.DRAINING;
            transitions.requestStop(
                    t,
                    TaskStopCode.SERVICE_SCHEDULER_INITIATED,
                    draining
                            ? "Container instance " + t.containerInstance.id + " is DRAINING"
                            : "Scaling activity initiated by (deployment " + primary.id + ")");
            if (running) {
                ids.add("(task " + t.id + ")");
            }
        }
        if (!ids.isEmpty()) {
            s.event(now, "has stopped " + ids.size() + " running tasks: " + String.join(" ", ids) + ".");
            events.serviceAction(s, "INFO", "TASKS_STOPPED", now);
        }
        s.steadyStateReported = false;
    }
}
