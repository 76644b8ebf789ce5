package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.failureOf;
import static dev.drydock.junit.FixtureRuns.published;
import static dev.drydock.junit.FixtureRuns.publishedOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Resources live for the test class: created before its first test, removed after its last whatever happened, and
 * never shared with another class.
 */
class ClassLifecycleTest {

    @Test
    void declaredResourcesExistBeforeTheFirstTest() {
        EngineExecutionResults results = execute(ClassLifecycleTestCases.CreatedUpFront.class);

        assertAllPassed(results, 1);
    }

    @Test
    void everythingIsTornDownAfterTheClassEvenWhenTestsFailOrThrow() throws Exception {
        EngineExecutionResults results = execute(ClassLifecycleTestCases.FailingAndThrowing.class);

        assertThat(failureOf(results, "fails")).hasMessage("a deliberate failure");
        assertThat(failureOf(results, "throwsAnUncheckedException")).isInstanceOf(IllegalStateException.class);
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        // two tasks, each a sandbox and a container (and maybe a sandbox made ahead for the next task) while the
        // class ran; nothing after
        assertThat(Integer.parseInt(publishedOnce(results, "containersWhileRunning")))
                .isGreaterThanOrEqualTo(4);
        Drydock drydock = ClassLifecycleTestCases.FailingAndThrowing.DRYDOCK.get();
        assertThat(((SimulatedRuntime) drydock.runtime()).containerIds()).isEmpty();
        URI endpoint = URI.create(publishedOnce(results, "endpoint"));
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .as("the endpoint is closed")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void eachTestClassGetsAFreshInstance() {
        EngineExecutionResults results =
                execute(ClassLifecycleTestCases.FirstClass.class, ClassLifecycleTestCases.SecondClass.class);

        assertAllPassed(results, 2);
        assertThat(published(results, "session")).doesNotHaveDuplicates().hasSize(2);
        assertThat(published(results, "clusters"))
                .containsExactly(
                        "arn:aws:ecs:us-east-1:123456789012:cluster/first",
                        "arn:aws:ecs:us-east-1:123456789012:cluster/second");
    }
}
