package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

class TaskLifecycleDockerTest {
    static Drydock drydock;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        drydock = Drydock.start();
        ecs = drydock.client(EcsClient.builder());
        ecs.createCluster(r -> r.clusterName("shop"));
    }

    @AfterAll
    static void stop() {
        ecs.close();
        drydock.close();
    }

    @Test
    void runsATaskToRunningAndStopsIt() {
        ecs.registerTaskDefinition(r -> r.family("sleeper").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("drydock/busybox:1.35-local")
                        .command("sh", "-c", "echo hello from app; sleep 1000").build()));
        Task task = ecs.runTask(r -> r.cluster("shop").taskDefinition("sleeper").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678")))).tasks().get(0);
        assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
        ecs.waiter().waitUntilTasksRunning(r -> r.cluster("shop").tasks(task.taskArn()),
                w -> w.backoffStrategy(software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy.create(
                        Duration.ofMillis(100))).maxAttempts(300));
        Task running = ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn())).tasks().get(0);
        System.out.println(running);
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.containers().get(0).lastStatus()).isEqualTo("RUNNING");
        ecs.stopTask(r -> r.cluster("shop").task(task.taskArn()).reason("test over"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ecs.describeTasks(r -> r.cluster("shop")
                .tasks(task.taskArn())).tasks().get(0).lastStatus().equals("STOPPED"));
        Task stopped = ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn())).tasks().get(0);
        System.out.println(stopped);
        assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(stopped.stoppedReason()).isEqualTo("test over");
    }
}
