package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.failureOf;
import static dev.drydock.junit.FixtureRuns.publishedOnce;
import static dev.drydock.junit.FixtureRuns.throwable;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * A failing test (or lifecycle method) carries Drydock's state as a suppressed exception: each task's state timeline,
 * its containers' last log lines and the IAM decisions. Tests that pass or are skipped get nothing.
 */
class FailureReportTest {

    @Test
    void aFailingTestCarriesTheTaskTimelineAndTheIamDecisions() {
        EngineExecutionResults results = execute(FailureReportTestCases.SimulatedTasks.class);

        Throwable failure = failureOf(results, "fails");
        assertThat(failure).hasMessage("a deliberate failure");
        String report = report(failure);
        assertThat(report)
                .startsWith("Drydock state when the test failed:")
                .containsPattern("task [0-9a-f]{32} \\(sleeper:1, cluster report, service sleepers\\): lastStatus "
                        + "RUNNING, desiredStatus RUNNING")
                .containsSubsequence(
                        "PROVISIONING - task created",
                        "PENDING - ENI",
                        "ACTIVATING",
                        "RUNNING - all " + "essential containers running")
                .contains("container sleeper (drydock/busybox:1.35-local): RUNNING")
                .contains("Drydock IAM decisions")
                .contains("implicitDeny ecs:DeleteCluster on arn:aws:ecs:us-east-1:123456789012:cluster/report by "
                        + "arn:aws:sts::123456789012:assumed-role/cluster-reader/drydock-test");
    }

    @Test
    void passingAndSkippedTestsGetNothing() {
        EngineExecutionResults results = execute(FailureReportTestCases.SimulatedTasks.class);

        assertThat(results.testEvents().succeeded().list())
                .singleElement()
                .satisfies(e -> assertThat(throwable(e)).isEmpty());
        List<Event> aborted = results.testEvents().aborted().list();
        assertThat(aborted)
                .singleElement()
                .satisfies(e -> assertThat(throwable(e))
                        .get()
                        .satisfies(t -> assertThat(t.getSuppressed()).isEmpty()));
    }

    @Test
    void aFailingLifecycleMethodCarriesTheReport() {
        EngineExecutionResults results = execute(FailureReportTestCases.FailingBeforeEach.class);

        Throwable failure = failureOf(results, "test");
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("a deliberate failure in @BeforeEach");
        assertThat(report(failure)).contains("(sleeper:1, cluster report, service sleepers): lastStatus RUNNING");
    }

    @Test
    void aFailureWithNothingToReportGetsNothing() {
        EngineExecutionResults results = execute(FailureReportTestCases.NothingToReport.class);

        assertThat(failureOf(results, "fails").getSuppressed()).isEmpty();
    }

    /** On Docker: the report has what the container wrote, and nothing of the session is left afterwards. */
    @Test
    void onDockerTheReportHasTheContainersLogLinesAndNothingIsLeftAfterwards() throws Exception {
        EngineExecutionResults results = execute(FailureReportTestCases.RealContainers.class);

        Throwable failure = failureOf(results, "fails");
        assertThat(failure).hasMessage("a deliberate failure while a container runs");
        assertThat(report(failure))
                .containsPattern("task [0-9a-f]{32} \\(marker:1, cluster docker-report, service talker\\): lastStatus "
                        + "RUNNING")
                .contains("RUNNING - all essential containers running")
                .contains("container talker (drydock/busybox:1.35-local): RUNNING, last 1 log lines:\n"
                        + "      | drydock-marker: the container said this");
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);

        String session = publishedOnce(results, "session");
        for (String objects : List.of("ps -a", "network ls", "volume ls")) {
            assertThat(docker(objects + " -q --filter label=dev.drydock.session=" + session))
                    .as("docker %s of session %s", objects, session)
                    .isEmpty();
            assertThat(docker(objects + " -q --filter label=dev.drydock --filter label=dev.drydock.pid="
                            + ProcessHandle.current().pid()))
                    .as("docker %s of this JVM", objects)
                    .isEmpty();
        }
    }

    private static String report(Throwable failure) {
        assertThat(failure.getSuppressed())
                .as("suppressed exceptions of %s", failure)
                .hasSize(1);
        return failure.getSuppressed()[0].getMessage();
    }

    /** Runs the Docker CLI; its output, trimmed. */
    private static String docker(String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments.split(" ")));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS))
                .as("docker %s finished", arguments)
                .isTrue();
        assertThat(p.exitValue()).as("docker %s: %s", arguments, out).isZero();
        return out;
    }
}
