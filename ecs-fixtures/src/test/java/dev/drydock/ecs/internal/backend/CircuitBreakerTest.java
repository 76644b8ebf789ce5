package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** Failed tasks, the circuit breaker and the launch throttle, as plain functions. */
class CircuitBreakerTest {
    private static final DeploymentCircuitBreaker ON =
            DeploymentCircuitBreaker.builder().enable(true).rollback(false).build();

    @Test
    void tasksThatCouldNotStartExitedOrFailedHealthChecksAreFailures() {
        assertThat(CircuitBreaker.countsAsFailure(TaskStopCode.TASK_FAILED_TO_START, "CannotPullContainerError: ..."))
                .isTrue();
        assertThat(CircuitBreaker.countsAsFailure(
                        TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited"))
                .isTrue();
        assertThat(CircuitBreaker.countsAsFailure(
                        TaskStopCode.SERVICE_SCHEDULER_INITIATED, "Task failed container health checks"))
                .isTrue();
        assertThat(CircuitBreaker.countsAsFailure(
                        TaskStopCode.SERVICE_SCHEDULER_INITIATED,
                        "Scaling activity initiated by (deployment ecs-svc/1)"))
                .isFalse();
        assertThat(CircuitBreaker.countsAsFailure(TaskStopCode.USER_INITIATED, "Task stopped by user"))
                .isFalse();
        assertThat(CircuitBreaker.countsAsFailure(null, null)).isFalse();
    }

    @Test
    void theBreakerTripsWhenAnActiveRolloutInProgressReachesTheThreshold() {
        assertThat(CircuitBreaker.trips(ON, true, DeploymentRolloutState.IN_PROGRESS, 3, 4))
                .isTrue();
        assertThat(CircuitBreaker.trips(ON, true, DeploymentRolloutState.IN_PROGRESS, 2, 4))
                .isFalse();
        assertThat(CircuitBreaker.trips(ON, true, DeploymentRolloutState.IN_PROGRESS, 12, 25))
                .isFalse();
        assertThat(CircuitBreaker.trips(ON, true, DeploymentRolloutState.IN_PROGRESS, 13, 25))
                .isTrue();
        assertThat(CircuitBreaker.trips(ON, true, DeploymentRolloutState.COMPLETED, 10, 4))
                .isFalse();
        assertThat(CircuitBreaker.trips(ON, false, DeploymentRolloutState.IN_PROGRESS, 10, 4))
                .isFalse();
        assertThat(CircuitBreaker.trips(
                        ON.toBuilder().enable(false).build(), true, DeploymentRolloutState.IN_PROGRESS, 10, 4))
                .isFalse();
        assertThat(CircuitBreaker.trips(null, true, DeploymentRolloutState.IN_PROGRESS, 10, 4))
                .isFalse();
    }

    @Test
    void launchesWaitHalfASecondDoublingUpTo30SecondsAfterTasksThatCouldNotStart() {
        assertThat(CircuitBreaker.launchDelay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(CircuitBreaker.launchDelay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(CircuitBreaker.launchDelay(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(CircuitBreaker.launchDelay(6)).isEqualTo(Duration.ofSeconds(16));
        assertThat(CircuitBreaker.launchDelay(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(CircuitBreaker.launchDelay(50)).isEqualTo(Duration.ofSeconds(30));
    }
}
