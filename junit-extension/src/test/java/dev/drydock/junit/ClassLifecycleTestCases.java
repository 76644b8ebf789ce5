package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.iam.IamClient;

/** Fixtures for {@link ClassLifecycleTest}; run only through it. */
class ClassLifecycleTestCases {

    @IamRole(name = "lifecycle-task", policy = "iam/cluster-reader.json")
    @EcsCluster(name = "lifecycle")
    @FargateService(cluster = "lifecycle", name = "sleepers", taskDefinition = "ecs/sleeper.json", desiredCount = 2)
    static class CreatedUpFront {

        @BeforeAll
        static void everythingDeclaredExists(EcsClient ecs, Drydock drydock) {
            assertThat(ecs.describeClusters(r -> r.clusters("lifecycle")).clusters())
                    .singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo("ACTIVE"));
            Service service = ecs.describeServices(r -> r.cluster("lifecycle").services("sleepers"))
                    .services()
                    .get(0);
            assertThat(service.status()).isEqualTo("ACTIVE");
            assertThat(service.desiredCount()).isEqualTo(2);
            assertThat(service.launchTypeAsString()).isEqualTo("FARGATE");
            assertThat(service.taskDefinition()).endsWith(":task-definition/sleeper:1");
        }

        @Test
        void theRoleExists(IamClient iam) {
            assertThat(iam.getRole(r -> r.roleName("lifecycle-task")).role().assumeRolePolicyDocument())
                    .contains("ecs-tasks.amazonaws.com");
        }
    }

    @EcsCluster(name = "doomed")
    @FargateService(cluster = "doomed", name = "sleepers", taskDefinition = "ecs/sleeper.json", desiredCount = 2)
    static class FailingAndThrowing {
        static final AtomicReference<Drydock> DRYDOCK = new AtomicReference<>();

        @BeforeAll
        static void remember(Drydock drydock, EcsClient ecs, TestReporter reporter) {
            DRYDOCK.set(drydock);
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("doomed").services("sleepers"));
            SimulatedRuntime rt = (SimulatedRuntime) drydock.runtime();
            reporter.publishEntry(
                    "containersWhileRunning", Integer.toString(rt.containerIds().size()));
            reporter.publishEntry("endpoint", drydock.endpoint().toString());
        }

        @Test
        void fails() {
            fail("a deliberate failure");
        }

        @Test
        void throwsAnUncheckedException() {
            throw new IllegalStateException("a deliberate exception");
        }

        @Test
        void passes(EcsClient ecs) {
            assertThat(ecs.listServices(r -> r.cluster("doomed")).serviceArns()).hasSize(1);
        }
    }

    @EcsCluster(name = "first")
    static class FirstClass {
        @Test
        void seesOnlyItsOwnCluster(EcsClient ecs, Drydock drydock, TestReporter reporter) {
            reporter.publishEntry("session", drydock.sessionId());
            reporter.publishEntry(
                    "clusters", String.join(",", ecs.listClusters().clusterArns()));
        }
    }

    @EcsCluster(name = "second")
    static class SecondClass {
        @Test
        void seesOnlyItsOwnCluster(EcsClient ecs, Drydock drydock, TestReporter reporter) {
            reporter.publishEntry("session", drydock.sessionId());
            reporter.publishEntry(
                    "clusters", String.join(",", ecs.listClusters().clusterArns()));
        }
    }
}
