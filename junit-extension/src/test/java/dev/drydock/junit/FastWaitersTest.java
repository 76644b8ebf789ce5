package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.publishedOnce;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The injected EcsClient's waiters poll every 200 ms instead of the SDK's 15 s (services) and 6 s (tasks).
 *
 * <p>Not a performance test: the bound is ten times what the wait needs, and only there to tell a 200 ms poll from
 * the SDK's 15 s one. The service is made unstable at the waiter's first poll, so the waiter must poll at least
 * twice; with the SDK's delay, that alone would take 15 s.
 */
class FastWaitersTest {

    @Test
    void theInjectedClientsWaiterPollsFast() {
        EngineExecutionResults results = execute(FastWaitersTestCases.WaitingForAService.class);

        assertAllPassed(results, 1);
        assertThat(Integer.parseInt(publishedOnce(results, "attempts")))
                .as("polls")
                .isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(publishedOnce(results, "millis")))
                .as("milliseconds waited")
                .isLessThan(10_000);
    }
}
