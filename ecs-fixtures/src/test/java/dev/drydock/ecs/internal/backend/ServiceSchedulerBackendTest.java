package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ecs.internal.EcsArns;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The service scheduler on the bare model (no runtime: the test plays the lifecycle callbacks and sets the task's
 * health as the health checks would): the circuit breaker's threshold, and tasks with health checks counted healthy
 * only when HEALTHY and replaced when UNHEALTHY.
 */
class ServiceSchedulerBackendTest {
    private final EcsBackend backend = new EcsBackend(new EcsArns("us-east-1", "123456789012"), Clock.systemUTC());

    @Test
    void theCircuitBreakerThresholdIsHalfTheDesiredCountBetween3And200() {
        assertThat(CircuitBreaker.threshold(0)).isEqualTo(3);
        assertThat(CircuitBreaker.threshold(1)).isEqualTo(3);
        assertThat(CircuitBreaker.threshold(6)).isEqualTo(3);
        assertThat(CircuitBreaker.threshold(7)).isEqualTo(4);
        assertThat(CircuitBreaker.threshold(25)).isEqualTo(13);
        assertThat(CircuitBreaker.threshold(400)).isEqualTo(200);
        assertThat(CircuitBreaker.threshold(800)).isEqualTo(200);
    }

    @Test
    void theSchedulerReplacesATaskWhoseHealthChecksFailed() {
        backend.createCluster(CreateClusterRequest.builder().clusterName("shop").build());
        TaskDefinition td = backend.registerTaskDefinition(
                RegisterTaskDefinitionRequest.builder()
                        .family("web")
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image("app:1")
                                .healthCheck(h -> h.command("CMD-SHELL", "true"))
                                .build())
                        .build(),
                "test");
        backend.createService(
                CreateServiceRequest.builder()
                        .cluster("shop")
                        .serviceName("web")
                        .desiredCount(1)
                        .launchType("FARGATE")
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))
                                .build())
                        .build(),
                td,
                "test");
        backend.reconcileServices();
        TaskRecord first = only(running());
        backend.eniAttached(first, "sandbox", "10.0.0.2", Map.of());
        backend.taskRunning(first);
        backend.reconcileServices();
        assertThat(service().events().get(0).message()).startsWith("(service web) has started 1 tasks");
        // with a health check, the service is steady once the task is HEALTHY
        backend.containerHealth(first, "app", "HEALTHY");
        backend.reconcileServices();
        assertThat(service().events().get(0).message()).isEqualTo("(service web) has reached a steady state.");

        backend.containerHealth(first, "app", "UNHEALTHY");
        backend.reconcileServices();

        assertThat(first.desiredStatus()).isEqualTo("STOPPED");
        assertThat(first.stopCode()).isEqualTo("ServiceSchedulerInitiated");
        assertThat(first.stoppedReason()).isEqualTo("Task failed container health checks");
        TaskRecord second = only(running());
        assertThat(second).isNotSameAs(first);
        List<String> messages =
                service().events().stream().map(ServiceEvent::message).toList();
        assertThat(messages.subList(0, 3))
                .containsExactly(
                        "(service web) has started 1 tasks: (task " + second.id()
                                + "). Amazon ECS replaced 1 tasks due to " + "an unhealthy status.",
                        "(service web) has stopped 1 running tasks: (task " + first.id() + ").",
                        "(service web) (task " + first.id() + ") failed container health checks.");
        assertThat(service().deployments().get(0).failedTasks()).isZero(); // its deployment had completed
    }

    private List<TaskRecord> running() {
        return backend.allTasks().stream()
                .filter(t -> "RUNNING".equals(t.desiredStatus()))
                .toList();
    }

    private static TaskRecord only(List<TaskRecord> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private Service service() {
        return backend.describeServices("shop", List.of("web"), false).found().get(0);
    }
}
