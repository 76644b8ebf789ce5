package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.RuntimeFailure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * On a real Docker engine: what ECS reports when a task cannot run. A missing image, a container that cannot start,
 * an engine that goes away, and no engine at all each give a STOPPED task with ECS's stop code and a reason, never a
 * hung test; nothing is left on the engine.
 */
class TaskFailureDockerTest {
    private static final String IMAGE = "drydock/busybox:1.35-local";

    @Test
    void aMissingImageStopsTheTaskWithCannotPullContainerError() {
        try (Drydock drydock = Drydock.start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            Task task = runOne(
                    ecs,
                    ContainerDefinition.builder()
                            .name("app")
                            .image("drydock/no-such-image:1")
                            .build());
            Task stopped = awaitStopped(ecs, task);
            assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
            assertThat(stopped.stoppedReason())
                    .startsWith("CannotPullContainerError: pull image manifest has been "
                            + "retried 1 time(s): failed to resolve ref drydock/no-such-image:1: ");
            assertThat(stopped.containers().get(0).reason()).startsWith("CannotPullContainerError");
            assertThat(stopped.containers().get(0).lastStatus()).isEqualTo("STOPPED");
        }
    }

    @Test
    void aContainerThatCannotStartStopsTheTaskWithCannotStartContainerError() {
        try (Drydock drydock = Drydock.start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            Task task = runOne(
                    ecs,
                    ContainerDefinition.builder()
                            .name("app")
                            .image(IMAGE)
                            .entryPoint("/no/such/binary")
                            .build());
            Task stopped = awaitStopped(ecs, task);
            assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
            assertThat(stopped.stoppedReason())
                    .startsWith("CannotStartContainerError: ")
                    .contains("/no/such/binary");
        }
    }

    @Test
    void aContainerOverItsMemoryLimitIsReportedAsOutOfMemory() {
        try (Drydock drydock = Drydock.start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            // 6 MiB is ECS's (and Docker's) smallest container memory; dd's 120 MiB buffer cannot fit.
            Task task = runOne(
                    ecs,
                    ContainerDefinition.builder()
                            .name("app")
                            .image(IMAGE)
                            .memory(6)
                            .command("dd", "if=/dev/zero", "of=/dev/null", "bs=120M", "count=1")
                            .build());
            Task stopped = awaitStopped(ecs, task);
            assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
            assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
            assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
            // Docker 20.10 may report the OOM kill (its oom event) just after the exit: the reason follows it
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    describe(ecs, task).containers().get(0).reason())
                            .isEqualTo("OutOfMemoryError: Container killed due to memory usage"));
        }
    }

    @Test
    void anEngineThatGoesAwayStopsRunningTasks() {
        AtomicBoolean engineDown = new AtomicBoolean();
        try (Drydock drydock = Drydock.builder()
                        .runtime(() -> switchable(ContainerRuntime.docker(), engineDown))
                        .start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            Task task = runOne(
                    ecs,
                    ContainerDefinition.builder()
                            .name("app")
                            .image(IMAGE)
                            .command("sleep", "600")
                            .build());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> describe(ecs, task).lastStatus().equals("RUNNING"));
            engineDown.set(true);
            Task stopped = awaitStopped(ecs, task);
            assertThat(stopped.stoppedReason()).startsWith("Task stopped because Drydock lost its Docker engine");
            engineDown.set(false);
        }
    }

    @Test
    void noEngineAtAllFailsTasksWithAnExplanation() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(() -> {
                            throw new DrydockException("no Docker engine answers (test)");
                        })
                        .start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            Task task = runOne(
                    ecs, ContainerDefinition.builder().name("app").image(IMAGE).build());
            Task stopped = awaitStopped(ecs, task);
            assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
            assertThat(stopped.stoppedReason())
                    .startsWith("ResourceInitializationError: ")
                    .contains("no Docker engine answers (test)");
        }
    }

    private static Task runOne(EcsClient ecs, ContainerDefinition container) {
        ecs.createCluster(r -> r.clusterName("failures"));
        ecs.registerTaskDefinition(r -> r.family("failing")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(container));
        return ecs.runTask(r -> r.cluster("failures")
                        .taskDefinition("failing")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
    }

    private static Task awaitStopped(EcsClient ecs, Task task) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> describe(ecs, task).lastStatus().equals("STOPPED"));
        return describe(ecs, task);
    }

    private static Task describe(EcsClient ecs, Task task) {
        return ecs.describeTasks(r -> r.cluster("failures").tasks(task.taskArn()))
                .tasks()
                .get(0);
    }

    /** A runtime whose every call fails as if the engine stopped answering while {@code down} is set. */
    private static ContainerRuntime switchable(ContainerRuntime delegate, AtomicBoolean down) {
        return (ContainerRuntime) Proxy.newProxyInstance(
                ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class},
                (proxy, method, args) -> {
                    if (down.get()
                            && !method.getName().equals("close")
                            && !method.getName().equals("description")
                            && method.getDeclaringClass() != Object.class) {
                        throw new RuntimeFailure(
                                RuntimeFailure.Kind.ENGINE_UNAVAILABLE,
                                "the Docker engine does not answer (test)",
                                null);
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
