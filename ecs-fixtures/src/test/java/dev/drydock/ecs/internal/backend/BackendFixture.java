package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsArns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A bare model (no runtime, no HTTP: the test plays the lifecycle's callbacks) with cluster {@code shop} and the
 * Fargate task definition {@code web:1}, on a clock the test moves.
 */
final class BackendFixture {
    static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))
            .build();

    final MutableClock clock = new MutableClock();
    final EcsBackend backend;
    final TaskDefinition web;

    BackendFixture(TaskPlacement placement) {
        backend = new EcsBackend(new EcsArns("us-east-1", "123456789012"), clock, placement);
        backend.createCluster(CreateClusterRequest.builder().clusterName("shop").build());
        web = registerWeb("app:1");
    }

    /** The next revision of family {@code web}: one container {@code app} running {@code image}. */
    TaskDefinition registerWeb(String image) {
        return register(
                "web", ContainerDefinition.builder().name("app").image(image).build());
    }

    /** The next revision of a Fargate family (256 CPU units, 512 MiB) of one container. */
    TaskDefinition register(String family, ContainerDefinition container) {
        return backend.registerTaskDefinition(
                RegisterTaskDefinitionRequest.builder()
                        .family(family)
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(container)
                        .build(),
                "test");
    }

    /** Plays the lifecycle: the task's sandbox and containers run. */
    void run(TaskRecord t) {
        backend.eniAttached(t, "sandbox-" + t.id(), "10.0.0.2", Map.of());
        backend.taskRunning(t);
    }

    /** Plays the lifecycle: the task could not start, and its resources are released. */
    void failToStart(TaskRecord t, String reason) {
        backend.failedToStart(t, reason, null, null);
        backend.stopped(t);
    }

    RunTaskRequest.Builder runTask() {
        return RunTaskRequest.builder()
                .cluster("shop")
                .taskDefinition("web")
                .launchType("FARGATE")
                .networkConfiguration(NETWORK);
    }

    void createService(String name, int desiredCount) {
        createService(name, desiredCount, null);
    }

    void createService(String name, int desiredCount, DeploymentConfiguration deploymentConfiguration) {
        backend.createService(
                CreateServiceRequest.builder()
                        .cluster("shop")
                        .serviceName(name)
                        .desiredCount(desiredCount)
                        .launchType("FARGATE")
                        .networkConfiguration(NETWORK)
                        .deploymentConfiguration(deploymentConfiguration)
                        .build(),
                web,
                "test");
    }

    Service service(String name) {
        return backend.describeServices("shop", List.of(name), false).found().get(0);
    }

    List<String> events(String service) {
        return service(service).events().stream().map(ServiceEvent::message).toList();
    }

    /** The tasks whose desired status is RUNNING. */
    List<TaskRecord> running() {
        return backend.allTasks().stream()
                .filter(t -> "RUNNING".equals(t.desiredStatus()))
                .toList();
    }

    /** A clock that stands still until the test moves it. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
