package dev.drydock.ecs.internal.backend;

import java.time.Duration;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The service scheduler's rules for failed tasks (pure): which stopped tasks count as failures, when the deployment
 * circuit breaker trips
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html), and how long launches
 * wait after tasks that could not start, as ECS's service throttle logic does.
 */
final class CircuitBreaker {
    private CircuitBreaker() {}

    /** ECS's circuit breaker threshold: 0.5 x the desired count, rounded up, between 3 and 200. */
    static int threshold(int desiredCount) {
        return Math.min(200, Math.max(3, (desiredCount + 1) / 2));
    }

    /**
     * Whether a stopped task counts as a failed task of its deployment: it could not start, its essential container
     * exited, or it failed its container or ELB health checks.
     */
    static boolean countsAsFailure(TaskStopCode stopCode, String stoppedReason) {
        return stopCode == TaskStopCode.TASK_FAILED_TO_START
                || stopCode == TaskStopCode.ESSENTIAL_CONTAINER_EXITED
                || (stoppedReason != null
                        && (stoppedReason.startsWith(ContainerHealthChecks.UNHEALTHY_REASON)
                                || stoppedReason.startsWith(ServiceLoadBalancing.ELB_UNHEALTHY_REASON)));
    }

    /**
     * Whether a PRIMARY deployment's rollout fails now: the breaker is enabled, the service ACTIVE, the rollout still
     * IN_PROGRESS, and its failed tasks reached the {@link #threshold}.
     */
    static boolean trips(
            DeploymentCircuitBreaker breaker,
            boolean serviceActive,
            DeploymentRolloutState rolloutState,
            int failedTasks,
            int desiredCount) {
        return breaker != null
                && Boolean.TRUE.equals(breaker.enable())
                && serviceActive
                && rolloutState == DeploymentRolloutState.IN_PROGRESS
                && failedTasks >= threshold(desiredCount);
    }

    /**
     * How long the scheduler waits before the next launch after {@code consecutiveFailures} (at least 1) tasks in a
     * row could not start: 0.5 s, doubling, at most 30 s.
     */
    static Duration launchDelay(int consecutiveFailures) {
        return Duration.ofMillis(Math.min(30_000L, 500L * (1L << Math.min(6, consecutiveFailures - 1))));
    }
}
