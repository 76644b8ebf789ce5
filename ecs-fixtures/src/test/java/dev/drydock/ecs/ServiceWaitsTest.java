package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ecs.ServiceWaits.ServiceWaitException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@link ServiceWaits} against the ECS API on the simulated runtime: a deployment COMPLETES only once its task has been
 * RUNNING for {@code ecs.task-healthy-after-running} (0.5 s in these tests), a crash loop never does and fails the wait
 * when the circuit breaker fails the deployment, and tasks with a health check are waited for until HEALTHY.
 */
class ServiceWaitsTest extends EcsApiTestBase {

    private void create(String cluster, String name, String family, boolean circuitBreaker) {
        ecs.createService(r -> r.cluster(cluster)
                .serviceName(name)
                .taskDefinition(family)
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network())
                .deploymentConfiguration(d ->
                        d.deploymentCircuitBreaker(b -> b.enable(circuitBreaker).rollback(circuitBreaker))));
    }

    /** A task definition whose container exits with 1 about 150 ms after it started. */
    private void registerCrashing(String family) {
        register(fargate(family)
                .containerDefinitions(container("app").toBuilder()
                        .command("sh", "-c", "sleep 0.15; exit 1")
                        .build()));
    }

    @Test
    void untilDeploymentCompletedWaitsUntilTheTaskHasBeenRunningLongEnough() {
        String cluster = createCluster();
        String family = unique("waits");
        registerFargate(family);
        create(cluster, "web", family, false);

        Service service = ServiceWaits.untilDeploymentCompleted(ecs, cluster, "web", Duration.ofSeconds(10));

        assertThat(service.deployments())
                .singleElement()
                .satisfies(d -> assertThat(d.rolloutState()).isEqualTo(DeploymentRolloutState.COMPLETED));
        Task task = describeTask(
                cluster,
                ecs.listTasks(r -> r.cluster(cluster).serviceName("web"))
                        .taskArns()
                        .get(0));
        assertThat(Duration.between(task.startedAt(), Instant.now()))
                .as("time RUNNING before the deployment COMPLETED")
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aCrashLoopFailsTheWaitWhenTheCircuitBreakerFailsTheDeployment() {
        String cluster = createCluster();
        String family = unique("crash");
        registerCrashing(family);
        create(cluster, "crashing", family, true);

        assertThatThrownBy(
                        () -> ServiceWaits.untilDeploymentCompleted(ecs, cluster, "crashing", Duration.ofSeconds(20)))
                .isInstanceOf(ServiceWaitException.class)
                .hasMessageStartingWith("the deployment ecs-svc/")
                .hasMessageContaining(
                        " of " + cluster + "/crashing FAILED: ECS deployment circuit breaker: tasks failed "
                                + "to start.\n  service " + cluster + "/crashing (ACTIVE): desired 1")
                .hasMessageContaining(
                        "stopped tasks by reason:\n    3 x EssentialContainerExited: Essential container in "
                                + "task exited, container app exit code 1");
    }

    @Test
    void untilTasksRunningAndHealthyWaitsForTheHealthCheckAndRefusesTasksWithoutOne() {
        String cluster = createCluster();
        String checked = unique("checked");
        register(fargate(checked)
                .containerDefinitions(container("app").toBuilder()
                        .healthCheck(h -> h.command("CMD-SHELL", "true").interval(5))
                        .build()));
        create(cluster, "checked", checked, false);
        String unchecked = unique("unchecked");
        registerFargate(unchecked);
        create(cluster, "unchecked", unchecked, false);

        List<Task> healthy =
                ServiceWaits.untilTasksRunningAndHealthy(ecs, cluster, "checked", 1, Duration.ofSeconds(20));

        assertThat(healthy).singleElement().satisfies(t -> {
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        });
        awaitService(cluster, "unchecked", s -> s.runningCount() == 1);
        assertThatThrownBy(() ->
                        ServiceWaits.untilTasksRunningAndHealthy(ecs, cluster, "unchecked", 1, Duration.ofSeconds(5)))
                .isInstanceOf(ServiceWaitException.class)
                .hasMessageContaining("never turn HEALTHY")
                .hasMessageContaining("gives no essential container a healthCheck");
    }

    @Test
    void aWaitThatTimesOutDescribesTheService() {
        String cluster = createCluster();
        String family = unique("slow");
        registerCrashing(family);
        create(cluster, "flapping", family, false);

        assertThatThrownBy(
                        () -> ServiceWaits.untilDeploymentCompleted(ecs, cluster, "flapping", Duration.ofMillis(1500)))
                .isInstanceOf(ServiceWaitException.class)
                .hasMessageStartingWith("the deployment of " + cluster + "/flapping did not complete in 1 s.\n")
                .hasMessageContaining(": IN_PROGRESS, ")
                .hasMessageContaining(" x EssentialContainerExited: Essential container in task exited, container app "
                        + "exit code 1");
    }
}
