package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * On a real Docker engine (cgroupfs, cgroup v1, where the task's containers nest under its sandbox's cgroup): the
 * task's memory is the limit its containers share, as on Fargate. Neither container has a memory limit of its own.
 */
class TaskSizeDockerTest {
    private static final String IMAGE = "drydock/busybox:1.35-local";

    @Test
    void twoContainersTogetherOverTheTasksMemoryAreOutOfMemoryKilled() {
        try (Drydock drydock = Drydock.start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("size"));
            // "holder" keeps 300 MiB in a tmpfs (charged to its memory cgroup, never swapped: the task gets no swap);
            // once it is healthy, "hungry" asks for a 300 MiB buffer: 600 MiB together, the task has 512.
            ecs.registerTaskDefinition(r -> r.family("size")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(
                            ContainerDefinition.builder()
                                    .name("holder")
                                    .image(IMAGE)
                                    .linuxParameters(l -> l.initProcessEnabled(true)
                                            .tmpfs(t ->
                                                    t.containerPath("/scratch").size(400)))
                                    .command(
                                            "sh",
                                            "-c",
                                            "dd if=/dev/zero of=/scratch/fill bs=1M count=300"
                                                    + " && touch /scratch/done && exec sleep 3600")
                                    .healthCheck(h -> h.command("CMD-SHELL", "test -f /scratch/done")
                                            .interval(5)
                                            .retries(10))
                                    .build(),
                            ContainerDefinition.builder()
                                    .name("hungry")
                                    .image(IMAGE)
                                    .dependsOn(d -> d.containerName("holder").condition(ContainerCondition.HEALTHY))
                                    .command("dd", "if=/dev/zero", "of=/dev/null", "bs=300M", "count=1")
                                    .build()));
            Task task = ecs.runTask(r -> r.cluster("size")
                            .taskDefinition("size")
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                    .tasks()
                    .get(0);

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> describe(ecs, task).lastStatus().equals("STOPPED"));
            Task stopped = describe(ecs, task);
            assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
            Container hungry = stopped.containers().stream()
                    .filter(c -> c.name().equals("hungry"))
                    .findFirst()
                    .orElseThrow();
            assertThat(hungry.exitCode())
                    .as("hungry's dd, killed by the task's limit")
                    .isEqualTo(137);
        }
    }

    private static Task describe(EcsClient ecs, Task task) {
        return ecs.describeTasks(r -> r.cluster("size").tasks(task.taskArn()))
                .tasks()
                .get(0);
    }
}
