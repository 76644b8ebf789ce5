package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.Labels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * On a real Docker engine: a task volume with only a name (Fargate task storage) is shared by the task's containers,
 * carries Drydock's labels and is gone when Drydock closes.
 */
class TaskStorageDockerTest {
    private static final String IMAGE = "drydock/busybox:1.35-local";

    @Test
    void aNamedVolumeIsSharedByTheTasksContainersAndRemovedAfterwards() {
        String session;
        Drydock drydock = Drydock.start();
        try (EcsClient ecs = drydock.client(EcsClient.builder())) {
            session = drydock.sessionId();
            ecs.createCluster(r -> r.clusterName("storage"));
            ecs.registerTaskDefinition(r -> r.family("shared-scratch")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .volumes(v -> v.name("scratch"))
                    .containerDefinitions(
                            ContainerDefinition.builder()
                                    .name("writer")
                                    .image(IMAGE)
                                    .essential(false)
                                    .mountPoints(m -> m.sourceVolume("scratch").containerPath("/scratch"))
                                    .entryPoint("sh", "-c")
                                    .command("echo shared > /scratch/file")
                                    .build(),
                            ContainerDefinition.builder()
                                    .name("reader")
                                    .image(IMAGE)
                                    .mountPoints(m -> m.sourceVolume("scratch")
                                            .containerPath("/in")
                                            .readOnly(true))
                                    .dependsOn(d -> d.containerName("writer").condition("START"))
                                    .entryPoint("sh", "-c")
                                    .command("for i in 1 2 3 4 5 6 7 8 9 10; do grep -q shared /in/file && exit 0; "
                                            + "sleep 0.2; done; exit 1")
                                    .build()));
            Task task = ecs.runTask(r -> r.cluster("storage")
                            .taskDefinition("shared-scratch")
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                    .tasks()
                    .get(0);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> describe(ecs, task).lastStatus().equals("STOPPED"));
            Task stopped = describe(ecs, task);
            assertThat(stopped.containers())
                    .filteredOn(c -> c.name().equals("reader"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.exitCode())
                            .as("the reader saw the writer's file")
                            .isZero());
            assertThat(drydock.runtime().labelledObjects(Map.of(Labels.SESSION, session)))
                    .as("the task's volume carries the session label")
                    .anySatisfy(labels -> assertThat(labels).containsEntry(Labels.TASK, task.taskArn()));
        } finally {
            drydock.close();
        }
        try (var docker = ContainerRuntime.docker()) {
            assertThat(docker.labelledObjects(Map.of(Labels.SESSION, session))).isEmpty();
        }
    }

    private static Task describe(EcsClient ecs, Task task) {
        return ecs.describeTasks(r -> r.cluster("storage").tasks(task.taskArn()))
                .tasks()
                .get(0);
    }
}
