package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;

/** Fixtures for {@link FailureReportTest}; run only through it. */
class FailureReportTestCases {

    @IamRole(name = "cluster-reader", policy = "iam/cluster-reader.json")
    @EcsCluster(name = "report")
    @FargateService(cluster = "report", name = "sleepers", taskDefinition = "ecs/sleeper.json")
    static class SimulatedTasks {

        @Test
        void fails(EcsClient ecs, @ActingAs("cluster-reader") EcsClient reader) {
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("report").services("sleepers"));
            assertThatThrownBy(() -> reader.deleteCluster(r -> r.cluster("report")))
                    .isInstanceOf(AccessDeniedException.class);
            fail("a deliberate failure");
        }

        @Test
        void passes(EcsClient ecs) {
            assertThat(ecs.listServices(r -> r.cluster("report")).serviceArns()).hasSize(1);
        }

        @Test
        void isAborted(EcsClient ecs) {
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("report").services("sleepers"));
            Assumptions.assumeTrue(false, "a deliberately failed assumption, with a task to report");
        }
    }

    @EcsCluster(name = "report")
    @FargateService(cluster = "report", name = "sleepers", taskDefinition = "ecs/sleeper.json")
    static class FailingBeforeEach {
        @BeforeEach
        void setUp(EcsClient ecs) {
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("report").services("sleepers"));
            throw new IllegalStateException("a deliberate failure in @BeforeEach");
        }

        @Test
        void test() {}
    }

    /** A failure with nothing to report: no tasks ran and no request was made. */
    @EcsCluster(name = "quiet")
    static class NothingToReport {
        @Test
        void fails() {
            fail("a deliberate failure");
        }
    }

    /** A task on Docker whose container writes a line, then sleeps. */
    @EcsCluster(name = "docker-report")
    @FargateService(cluster = "docker-report", name = "talker", taskDefinition = "ecs/marker.json")
    static class RealContainers {
        @RegisterExtension
        static DrydockExtension drydock =
                DrydockExtension.builder().setting("runtime", "docker").build();

        @Test
        void fails(EcsClient ecs, Drydock drydock, TestReporter reporter) {
            reporter.publishEntry("session", drydock.sessionId());
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("docker-report").services("talker"));
            // the container writes its line right after it starts
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> drydock.diagnostics().contains("drydock-marker"));
            fail("a deliberate failure while a container runs");
        }

        @Test
        void passes(EcsClient ecs) {
            assertThat(ecs.listServices(r -> r.cluster("docker-report")).serviceArns())
                    .hasSize(1);
        }
    }
}
