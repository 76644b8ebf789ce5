package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.execute;

import org.junit.jupiter.api.Test;

/**
 * {@link DisabledWithoutDocker} where Docker answers: the classes run. {@link WithoutDockerChecks} runs the same
 * fixtures where no engine answers ({@code scripts/without-docker.sh}, from {@code scripts/run-tests.sh}).
 */
class DisabledWithoutDockerTest {

    @Test
    void withDockerTheAnnotatedAndRegisteredClassesRun() {
        assertAllPassed(
                execute(
                        WithoutDockerTestCases.Annotated.class,
                        WithoutDockerTestCases.Registered.class,
                        WithoutDockerTestCases.Simulated.class),
                3);
    }
}
