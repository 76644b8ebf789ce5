package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.events.AwsEvent;
import dev.drydock.core.events.EventStream;
import dev.drydock.ecs.EcsModule;
import dev.drydock.junit.DrydockSetting;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A worker service on Fargate Spot, and what happens when AWS takes a Spot task's capacity back: the test interrupts
 * one of its two tasks ({@code EcsModule.interruptFargateSpotTasks}); ECS sends the two-minute warning (an
 * {@code ECS Task State Change} event with {@code stopCode} {@code TerminationNotice} while the task still runs), the
 * worker gets SIGTERM and finishes its work, the task stops with {@code stopCode} {@code SpotInterruption}, and the
 * service starts a replacement on FARGATE_SPOT. The warning is shortened to 5 seconds with
 * {@code ecs.spot-interruption-warning} (the longest a container that ignores SIGTERM keeps running).
 */
@DrydockSetting(key = "ecs.spot-interruption-warning", value = "PT5S")
class FargateSpotInterruptionSampleTest {
    private static final String SPOT_REASON = "Your Spot Task was interrupted.";

    @Test
    void anInterruptedSpotTaskGetsTheWarningStopsAndIsReplaced(Drydock drydock, EcsClient ecs, EventStream events) {
        ecs.createCluster(r -> r.clusterName("batch")
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(
                        s -> s.capacityProvider("FARGATE_SPOT").weight(1)));
        ecs.registerTaskDefinition(r -> r.family("worker")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("worker")
                        .image("drydock/busybox:1.35-local")
                        .command(
                                "sh",
                                "-c",
                                "trap 'echo SIGTERM: checkpointing the current job; exit 0' TERM; "
                                        + "echo working; while true; do sleep 1 & wait $!; done")
                        .build()));
        // no launch type and no strategy: the cluster's default strategy, FARGATE_SPOT
        ecs.createService(r -> r.cluster("batch")
                .serviceName("worker")
                .taskDefinition("worker")
                .desiredCount(2)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))));
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("batch").services("worker"));
        List<Task> before = ServiceTasks.running(ecs, "batch", "worker");
        assertThat(before)
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT"));
        EcsModule ecsModule = drydock.service(EcsModule.class);
        // the trap is set once the worker says so
        await().atMost(Duration.ofSeconds(30))
                .until(() -> before.stream()
                        .allMatch(t -> ecsModule
                                .containerOutput("batch", t.taskArn(), "worker")
                                .contains("working")));

        List<String> interrupted = ecsModule.interruptFargateSpotTasks("batch", "worker", 1);

        assertThat(interrupted).hasSize(1);
        String victim = interrupted.get(0);
        // the warning, as EventBridge delivers it: desiredStatus STOPPED while the task still runs
        AwsEvent warning = events.await(
                AwsEvent.ofType("ECS Task State Change")
                        .and(AwsEvent.about(victim))
                        .and(AwsEvent.withDetail("stopCode", "TerminationNotice")),
                30);
        assertThat(warning.detail())
                .containsEntry("desiredStatus", "STOPPED")
                .containsEntry("lastStatus", "RUNNING")
                .containsEntry("stoppedReason", SPOT_REASON)
                .containsEntry("capacityProviderName", "FARGATE_SPOT");

        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("batch").tasks(victim));
        Task stopped =
                ecs.describeTasks(r -> r.cluster("batch").tasks(victim)).tasks().get(0);
        assertThat(stopped.stopCodeAsString()).isEqualTo("SpotInterruption");
        assertThat(stopped.stoppedReason()).isEqualTo(SPOT_REASON);
        // the worker used its warning: SIGTERM, a clean exit
        assertThat(stopped.containers().get(0).exitCode()).isZero();
        assertThat(ecsModule.containerOutput("batch", victim, "worker"))
                .contains("SIGTERM: checkpointing the current job");

        // the service replaces it, on FARGATE_SPOT, and keeps the task that was not interrupted
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(ServiceTasks.running(ecs, "batch", "worker"))
                        .hasSize(2)
                        .extracting(Task::taskArn)
                        .doesNotContain(victim));
        List<Task> after = ServiceTasks.running(ecs, "batch", "worker");
        assertThat(after).allSatisfy(t -> assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT"));
        assertThat(after)
                .extracting(Task::taskArn)
                .containsAll(before.stream()
                        .map(Task::taskArn)
                        .filter(arn -> !arn.equals(victim))
                        .toList());
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("batch").services("worker"));
    }
}
