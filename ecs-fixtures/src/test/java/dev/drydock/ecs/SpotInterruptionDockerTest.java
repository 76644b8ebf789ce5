package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A Fargate Spot interruption on real containers: the task's containers get SIGTERM with the two-minute warning (here
 * shortened to 3 seconds with {@code ecs.spot-interruption-warning}), a container that ignores it is killed once the
 * warning period is over although its stopTimeout is longer, and the task stops with stopCode SpotInterruption.
 */
class SpotInterruptionDockerTest {
    private static final String CLUSTER = "spot";
    private static Drydock drydock;
    private static EcsClient ecs;
    private static EcsModule module;

    @BeforeAll
    static void start() {
        drydock = Drydock.builder()
                .setting("ecs.spot-interruption-warning", "PT3S")
                .start();
        ecs = drydock.client(EcsClient.builder());
        module = drydock.service(EcsModule.class);
        ecs.createCluster(r -> r.clusterName(CLUSTER).capacityProviders("FARGATE", "FARGATE_SPOT"));
    }

    @AfterAll
    static void stop() {
        if (ecs != null) {
            ecs.close();
        }
        if (drydock != null) {
            drydock.close();
        }
    }

    private static Task runOnSpot(String family, String script, int stopTimeout) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image("drydock/busybox:1.35-local")
                        .command("sh", "-c", script)
                        .stopTimeout(stopTimeout)
                        .build()));
        Task task = ecs.runTask(r -> r.cluster(CLUSTER)
                        .taskDefinition(family)
                        .capacityProviderStrategy(
                                s -> s.capacityProvider("FARGATE_SPOT").weight(1))
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
        assertThat(task.capacityProviderName()).isEqualTo("FARGATE_SPOT");
        // the script says "ready" once its SIGTERM trap is set
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        module.containerOutput(CLUSTER, task.taskArn(), "app").contains("ready"));
        return task;
    }

    private static Task describe(String taskArn) {
        return ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(taskArn)).tasks().get(0);
    }

    private static Task awaitStopped(String taskArn) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "STOPPED".equals(describe(taskArn).lastStatus()));
        return describe(taskArn);
    }

    @Test
    void theTaskGetsSigtermAndStopsWithSpotInterruption() {
        Task task = runOnSpot(
                "spot-graceful",
                "trap 'echo got SIGTERM; exit 42' TERM; echo ready; while true; do sleep 1 & wait $!; done",
                120);

        List<String> interrupted = module.interruptFargateSpotTasks(CLUSTER, null, 0);

        assertThat(interrupted).containsExactly(task.taskArn());
        Task stopped = awaitStopped(task.taskArn());
        assertThat(stopped.stopCodeAsString()).isEqualTo("SpotInterruption");
        assertThat(stopped.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(42);
        assertThat(module.containerOutput(CLUSTER, task.taskArn(), "app")).contains("got SIGTERM");
    }

    @Test
    void aContainerIgnoringSigtermIsKilledWhenTheWarningPeriodEnds() {
        // stopTimeout 120 s, but Fargate takes the capacity back after the warning (3 s here)
        Task task = runOnSpot("spot-stubborn", "trap '' TERM; echo ready; while true; do sleep 1 & wait $!; done", 120);

        assertThat(module.interruptFargateSpotTasks(CLUSTER, null, 1)).containsExactly(task.taskArn());

        Task stopped = awaitStopped(task.taskArn());
        assertThat(stopped.stopCodeAsString()).isEqualTo("SpotInterruption");
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
        // SIGKILL came with the end of the warning, long before the container's own 120 s
        assertThat(Duration.between(stopped.stoppingAt(), stopped.executionStoppedAt()))
                .isLessThan(Duration.ofSeconds(60));
    }
}
