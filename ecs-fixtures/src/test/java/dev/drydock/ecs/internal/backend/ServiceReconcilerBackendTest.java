package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The service reconciler on the bare model (no runtime: the test plays the lifecycle's callbacks and moves the
 * clock): the launch throttle after tasks that could not start, the circuit breaker's rollback, and a deleted service
 * draining to INACTIVE.
 */
class ServiceReconcilerBackendTest {
    private final BackendFixture model = new BackendFixture(TaskPlacement.FARGATE);

    @Test
    void aDeploymentWhoseTasksCannotStartFailsAndRollsBackToTheLastCompletedOne() {
        model.createService(
                "web",
                1,
                DeploymentConfiguration.builder()
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))
                        .build());
        model.backend.reconcileServices();
        TaskRecord first = only(model.running());
        model.run(first);
        model.backend.reconcileServices();
        String completed = model.service("web").deployments().get(0).id();
        assertThat(model.service("web").deployments().get(0).rolloutStateAsString())
                .isEqualTo("COMPLETED");

        TaskDefinition broken = model.registerWeb("missing:1");
        model.backend.updateService(
                UpdateServiceRequest.builder()
                        .cluster("shop")
                        .service("web")
                        .taskDefinition(broken.taskDefinitionArn())
                        .build(),
                broken);
        String failing = model.service("web").deployments().get(0).id();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(model.backend.reconcileServices()).isNull();
            TaskRecord t =
                    model.running().stream().filter(x -> x != first).findFirst().orElseThrow();
            assertThat(t.taskDefinition()).isEqualTo(broken);
            model.failToStart(t, "CannotPullContainerError: missing:1 not found");
            Instant retryAt = model.backend.reconcileServices();
            if (attempt < 3) { // launches wait 0.5 s, then 1 s
                assertThat(retryAt).isEqualTo(model.clock.instant().plusMillis(500L << (attempt - 1)));
                assertThat(model.running()).containsExactly(first);
                model.clock.advance(Duration.between(model.clock.instant(), retryAt));
            }
        }

        Service service = model.service("web");
        assertThat(service.deployments()).hasSize(1);
        Deployment primary = service.deployments().get(0);
        assertThat(primary.id()).isEqualTo(completed);
        assertThat(primary.rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(service.taskDefinition()).isEqualTo(model.web.taskDefinitionArn());
        assertThat(model.running()).containsExactly(first);
        List<String> events = model.events("web");
        assertThat(events.subList(0, 6))
                .containsExactly(
                        "(service web) has reached a steady state.",
                        "(service web) (deployment " + completed + ") deployment completed.",
                        "(service web) rolling back to deployment " + completed + ".",
                        "(service web) (deployment " + failing + ") deployment failed: tasks failed to start.",
                        "(service web) is unable to consistently start tasks successfully. For more information, see "
                                + "the Troubleshooting section of the Amazon ECS Developer Guide.",
                        "(service web) failed to launch a task with (error CannotPullContainerError: missing:1 not "
                                + "found).");
        assertThat(events)
                .filteredOn(e -> e.startsWith("(service web) failed to launch a task"))
                .hasSize(3);
    }

    @Test
    void aDeletedServiceStopsItsTasksAndBecomesInactiveOnceTheyStopped() {
        model.createService("web", 2);
        model.backend.reconcileServices();
        model.running().forEach(model::run);
        model.backend.reconcileServices();

        model.backend.deleteService("shop", "web", true);
        model.backend.reconcileServices();

        assertThat(model.service("web").status()).isEqualTo("DRAINING");
        assertThat(model.running()).isEmpty();
        List<TaskRecord> stopping = model.backend.allTasks();
        assertThat(stopping)
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.stopCode()).isEqualTo("ServiceSchedulerInitiated"));
        stopping.forEach(model.backend::stopped);
        model.backend.reconcileServices();

        assertThat(model.service("web").status()).isEqualTo("INACTIVE");
        assertThat(model.backend.serviceExists("shop", "web")).isFalse();
        assertThat(model.backend.listServiceArns("shop", null)).isEmpty();
    }

    private static TaskRecord only(List<TaskRecord> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }
}
