package dev.drydock.ecs.internal.backend;

import software.amazon.awssdk.services.ecs.model.HealthStatus;

/**
 * A service task's health from its containers' health checks
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html): an UNHEALTHY task is replaced
 * ("Task failed container health checks"); a RUNNING task counts when HEALTHY, and so does one without any health
 * check; with a check and no result yet (UNKNOWN) it waits for the first.
 */
final class ContainerHealthChecks implements ServiceTaskHealth {
    /** The stoppedReason of a service task stopped because its container health checks failed. */
    static final String UNHEALTHY_REASON = "Task failed container health checks";

    private static final Verdict UNHEALTHY = Verdict.replace(UNHEALTHY_REASON);

    @Override
    public Verdict judge(ServiceRecord service, TaskRecord t) {
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
        boolean checked = t.containers.stream().anyMatch(c -> c.definition().healthCheck() != null);
        return !checked ? Verdict.HEALTHY : Verdict.AWAITING;
    }
}
