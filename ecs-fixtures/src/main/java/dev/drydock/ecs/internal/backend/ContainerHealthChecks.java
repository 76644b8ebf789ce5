package dev.drydock.ecs.internal.backend;

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
        String health = t.healthStatus();
        if ("HEALTHY".equals(health)) {
            return true;
        }
        return "UNKNOWN".equals(health)
                && t.containers.stream().noneMatch(c -> c.definition().healthCheck() != null);
    }

    @Override
    public boolean awaitingHealth(ServiceRecord service, TaskRecord t) {
        return t.lastStatus == TaskStatus.RUNNING
                && "UNKNOWN".equals(t.healthStatus())
                && t.containers.stream().anyMatch(c -> c.definition().healthCheck() != null);
    }

    @Override
    public String replacementReason(ServiceRecord service, TaskRecord t) {
        return "UNHEALTHY".equals(t.healthStatus()) ? UNHEALTHY_REASON : null;
    }
}
