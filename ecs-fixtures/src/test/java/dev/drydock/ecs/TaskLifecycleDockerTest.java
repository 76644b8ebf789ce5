package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.Labels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
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
        ecs.registerTaskDefinition(r -> r.family("sleeper")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image("drydock/busybox:1.35-local")
                        .command("sh", "-c", "echo hello from app; sleep 1000")
                        .build()));
        Task task = ecs.runTask(r -> r.cluster("shop")
                        .taskDefinition("sleeper")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
        assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
        ecs.waiter()
                .waitUntilTasksRunning(
                        r -> r.cluster("shop").tasks(task.taskArn()),
                        w -> w.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100)))
                                .maxAttempts(300));
        Task running = ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn()))
                .tasks()
                .get(0);
        System.out.println(running);
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.containers().get(0).lastStatus()).isEqualTo("RUNNING");
        ecs.stopTask(r -> r.cluster("shop").task(task.taskArn()).reason("test over"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn()))
                        .tasks()
                        .get(0)
                        .lastStatus()
                        .equals("STOPPED"));
        Task stopped = ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn()))
                .tasks()
                .get(0);
        System.out.println(stopped);
        assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(stopped.stoppedReason()).isEqualTo("test over");
    }

    @Test
    void closingDrydockCutsShortAStopAlreadyUnderWay() {
        Drydock own = Drydock.start();
        String session = own.sessionId();
        try (EcsClient client = own.client(EcsClient.builder())) {
            client.createCluster(r -> r.clusterName("closing"));
            // PID 1 is a shell that ignores SIGTERM: only SIGKILL after stopTimeout (120 s) would end it
            client.registerTaskDefinition(r -> r.family("stubborn")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(ContainerDefinition.builder()
                            .name("app")
                            .image("drydock/busybox:1.35-local")
                            .command("sh", "-c", "sleep 3600")
                            .stopTimeout(120)
                            .build()));
            String arn = client.runTask(r -> r.cluster("closing")
                            .taskDefinition("stubborn")
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                    .tasks()
                    .get(0)
                    .taskArn();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "RUNNING"
                            .equals(client.describeTasks(
                                            r -> r.cluster("closing").tasks(arn))
                                    .tasks()
                                    .get(0)
                                    .lastStatus()));
            client.stopTask(r -> r.cluster("closing").task(arn).reason("cleanup"));
            // the task's own stop (SIGTERM, then 120 s) is under way when Drydock closes
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !"RUNNING"
                            .equals(client.describeTasks(
                                            r -> r.cluster("closing").tasks(arn))
                                    .tasks()
                                    .get(0)
                                    .lastStatus()));
        } catch (RuntimeException | AssertionError e) {
            own.close();
            throw e;
        }
        long t0 = System.nanoTime();
        own.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0))
                .as("closing gives the container 2 s, not its stopTimeout of 120 s")
                .isLessThan(Duration.ofSeconds(15));
        try (var docker = ContainerRuntime.docker()) {
            assertThat(docker.labelledObjects(Map.of(Labels.SESSION, session)))
                    .as("nothing is left")
                    .isEmpty();
        }
    }
}
