package dev.drydock.ecs.internal.backend;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.HealthStatus;

/**
 * A service task's health from its containers' health checks, as the Amazon ECS API Reference's
 * {@code DeploymentConfiguration.minimumHealthyPercent} describes it for services without a load balancer
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html): "If a task has no
 * essential containers with a health check defined, the service scheduler will wait for 40 seconds after a task
 * reaches a RUNNING state before the task is counted towards the minimum healthy percent total", and a task with a
 * health check counts once it is HEALTHY. An UNHEALTHY task is replaced ("Task failed container health checks"). The
 * same verdict decides the service's steady state and so its deployment's COMPLETED: a container that exits soon after
 * it started never counts.
 */
final class ContainerHealthChecks implements ServiceTaskHealth {
    /** The stoppedReason of a service task stopped because its container health checks failed. */
    static final String UNHEALTHY_REASON = "Task failed container health checks";

    /** ECS's wait after RUNNING before a task without health checks counts as healthy. */
    static final Duration ECS_HEALTHY_AFTER_RUNNING = Duration.ofSeconds(40);

    private static final Verdict UNHEALTHY = Verdict.replace(UNHEALTHY_REASON);

    private final Duration healthyAfterRunning;

    /** With ECS's 40 seconds. */
    ContainerHealthChecks() {
        this(ECS_HEALTHY_AFTER_RUNNING);
    }

    /** @param healthyAfterRunning how long a task without health checks must have been RUNNING to count as healthy */
    ContainerHealthChecks(Duration healthyAfterRunning) {
        this.healthyAfterRunning = healthyAfterRunning;
    }

    @Override
    public Verdict judge(ServiceRecord service, TaskRecord t, Instant now) {
        HealthStatus health = t.healthStatus();
        if (health == HealthStatus.UNHEALTHY) {
            return UNHEALTHY;
        }
        if (t.lastStatus != TaskStatus.RUNNING) {
            return Verdict.NOT_HEALTHY;
        }
        if (health == HealthStatus.HEALTHY) {
            return Verdict.HEALTHY;
        }
        boolean checked = t.containers.stream().anyMatch(ContainerRecord::hasHealthCheck);
        if (checked) {
            return Verdict.AWAITING;
        }
        Instant healthyAt = (t.startedAt != null ? t.startedAt : now).plus(healthyAfterRunning);
        return now.isBefore(healthyAt) ? Verdict.healthyAt(healthyAt) : Verdict.HEALTHY;
    }
}
