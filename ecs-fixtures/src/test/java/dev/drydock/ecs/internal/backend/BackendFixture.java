package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsArns;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** A bare model (no runtime, no HTTP) with cluster {@code shop} and the Fargate task definition {@code web:1}. */
final class BackendFixture {
    static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))
            .build();

    final EcsBackend backend;
    final TaskDefinition web;

    BackendFixture(TaskPlacement placement) {
        backend = new EcsBackend(new EcsArns("us-east-1", "123456789012"), Clock.systemUTC(), placement);
        backend.createCluster(CreateClusterRequest.builder().clusterName("shop").build());
        web = backend.registerTaskDefinition(
                RegisterTaskDefinitionRequest.builder()
                        .family("web")
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image("app:1")
                                .build())
                        .build(),
                "test");
    }

    RunTaskRequest.Builder runTask() {
        return RunTaskRequest.builder()
                .cluster("shop")
                .taskDefinition("web")
                .launchType("FARGATE")
                .networkConfiguration(NETWORK);
    }

    void createService(String name, int desiredCount) {
        backend.createService(
                CreateServiceRequest.builder()
                        .cluster("shop")
                        .serviceName(name)
                        .desiredCount(desiredCount)
                        .launchType("FARGATE")
                        .networkConfiguration(NETWORK)
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
}
