package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.throwable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * What Drydock classes do where no Docker engine answers: run by {@code scripts/without-docker.sh} (a mount namespace
 * in which the engine's socket is hidden), never by the ordinary test run (the name does not end in Test). A class
 * marked {@link DisabledWithoutDocker} is skipped, saying why; every other class (as all of Drydock's own) fails with
 * the message that says how to start Docker, and so does a marked class under {@code docker.required=true}; the
 * simulated runtime runs.
 */
class WithoutDockerChecks {

    @BeforeAll
    static void noEngineAnswers() {
        assertThat(Drydock.builder().setting("runtime", "docker").dockerUnavailable())
                .as("these checks need a machine where no Docker engine answers: run them with "
                        + "scripts/without-docker.sh")
                .isPresent();
    }

    @Test
    void theMarkedClassesAreSkippedSayingWhy() {
        EngineExecutionResults results =
                execute(WithoutDockerTestCases.Annotated.class, WithoutDockerTestCases.Registered.class);

        List<Event> skipped = results.containerEvents().skipped().list();
        assertThat(skipped).hasSize(2);
        for (Event e : skipped) {
            assertThat(e.getPayload(String.class).orElseThrow())
                    .contains("is @DisabledWithoutDocker and no Docker engine answers, so it is skipped")
                    .contains("drydock.docker.required=true")
                    .contains("Start Docker, or point DOCKER_HOST at a running engine");
        }
        assertThat(results.testEvents().started().count()).isZero();
        assertThat(results.containerEvents().failed().count()).isZero();
    }

    @Test
    void anUnmarkedClassFailsWithTheMessageThatSaysHowToStartDocker() {
        assertFailsForWantOfDocker(execute(WithoutDockerTestCases.NotAnnotated.class));
    }

    @Test
    void dockerRequiredMakesAMarkedClassFail() {
        assertFailsForWantOfDocker(execute(WithoutDockerTestCases.Required.class));
    }

    @Test
    void theSimulatedRuntimeNeedsNoDocker() {
        FixtureRuns.assertAllPassed(execute(WithoutDockerTestCases.Simulated.class), 1);
    }

    private static void assertFailsForWantOfDocker(EngineExecutionResults results) {
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getPayload(TestExecutionResult.class)).isPresent();
        assertThat(throwable(failed.get(0)).orElseThrow())
                .hasMessageContaining("no Docker engine answers")
                .hasMessageContaining("Start Docker, or point DOCKER_HOST at a running engine");
        assertThat(results.containerEvents().skipped().count()).isZero();
    }
}
