package dev.drydock.ecs.internal.backend;

import software.amazon.awssdk.services.ecs.model.HealthStatus;

/**
 * A service task's health from its containers' health checks
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html): RUNNING and HEALTHY counts, and
 * so does a RUNNING task without any health check; UNKNOWN with a check waits for the first result; UNHEALTHY is
 * replaced ("Task failed container health checks").
 */
final class ContainerHealthChecks implements ServiceTaskHealth {
    /** The stoppedReason of a service task stopped because its container health checks failed. */
    static final String UNHEALTHY_REASON = "Task failed container health checks";

    @Override
    public boolean healthy(ServiceRecord service, TaskRecord t) {
        if (t.lastStatus != TaskStatus.RUNNING) {
            return false;
        }
        HealthStatus health = t.healthStatus();
        if (health == HealthStatus.HEALTHY) {
            return true;
        }
        return health == HealthStatus.UNKNOWN
                && t.containers.stream().noneMatch(c -> c.definition().healthCheck() != null);
    }

    @Override
    public boolean awaitingHealth(ServiceRecord service, TaskRecord t) {
        return t.lastStatus == TaskStatus.RUNNING
                && t.healthStatus() == HealthStatus.UNKNOWN
                && t.containers.stream().anyMatch(c -> c.definition().healthCheck() != null);
    }

    @Override
    public String replacementReason(ServiceRecord service, TaskRecord t) {
        return t.healthStatus() == HealthStatus.UNHEALTHY ? UNHEALTHY_REASON : null;
    }
}
