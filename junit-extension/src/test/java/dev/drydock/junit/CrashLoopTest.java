package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A crash-looping service on Docker (its container exits about 150 ms after it started) cannot pass the injected
 * client's {@code waitUntilServicesStable}: ECS counts a task without health checks as healthy only once it has been
 * RUNNING for {@code ecs.task-healthy-after-running} (0.5 s here, 40 s on ECS), so the deployment never COMPLETES, and the
 * waiter fails once the deployment has as many failed tasks as ECS's circuit breaker fails one at. The failure's report
 * leads with the service's summary and folds the repeated task histories; a passing test reads the output of the
 * stopped tasks.
 */
class CrashLoopTest {

    @Test
    void aCrashLoopFailsTheWaiterWithASummaryAndItsOutputIsKept() {
        EngineExecutionResults results = execute(CrashLoopTestCases.CrashLoopingService.class);

        Throwable failure = failureOf(results, "waitUntilServicesStable");
        assertThat(failure)
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("waitUntilServicesStable: the service crash/orders cannot become stable: ")
                .hasMessageContaining(" tasks of its deployment ecs-svc/")
                .hasMessageContaining(
                        "failed, none became healthy (ECS's circuit breaker fails a deployment of 1 " + "tasks at 3)")
                .hasMessageContaining("stopped tasks by reason:")
                .hasMessageContaining(" x EssentialContainerExited: Essential container in task exited, container app "
                        + "exit code 1");
        assertThat(failure.getSuppressed()).hasSize(1);
        String report = failure.getSuppressed()[0].getMessage();
        assertThat(report)
                .as("the report leads with the service")
                .containsPattern("HTML report [^\n]*\nDrydock ECS ")
                .containsPattern("(?s)Drydock ECS \\(\\d+ tasks\\):\n  service crash/orders \\(ACTIVE\\): desired 1, "
                        + "running \\d, pending \\d\n    deployment ecs-svc/\\d+ \\(PRIMARY, crash-loop:1\\): "
                        + "IN_PROGRESS, \\d+ failed tasks[^\n]*\n    stopped tasks by reason:\n      \\d+ x "
                        + "EssentialContainerExited: Essential container in task exited \\(container app exit code 1\\)"
                        + "\n.*")
                .containsPattern("and \\d+ more tasks? with the same history")
                .contains("      | Error: DATABASE_URL is not set");
        assertThat(report.lines().count()).as("lines in the report").isLessThan(120);
        assertThat(results.testEvents().succeeded().count())
                .as("the test reading the stopped tasks' output")
                .isEqualTo(1);
    }
}
