package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * A task's life on the simulated runtime: container exits, StopTask, image pull failures, timestamps, versions and
 * the SDK's task waiters.
 */
class TaskLifecycleApiTest extends EcsApiTestBase {
    private GatedRuntime gate;
    private String cluster;

    @Override
    Supplier<ContainerRuntime> runtime(SimulatedRuntime simulated) {
        gate = new GatedRuntime(simulated);
        return () -> gate;
    }

    private String cluster() {
        if (cluster == null) {
            cluster = createCluster();
        }
        return cluster;
    }

    private Task runRunning(String family) {
        Task t = runOne(cluster(), family);
        return awaitRunning(cluster(), t.taskArn());
    }

    private static Container container(Task t, String name) {
        return t.containers().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void outOfMemoryKillIsReportedAsEcsReportsIt() {
        String family = unique("oom");
        registerFargate(family);
        Task running = runRunning(family);

        sim.oomKill(container(running, "app").runtimeId());
        Task stopped = awaitStopped(cluster(), running.taskArn());

        assertThat(container(stopped, "app").exitCode()).isEqualTo(137);
        assertThat(container(stopped, "app").reason())
                .isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void anOutOfMemoryReportAfterTheExitStillGivesTheReason() {
        String family = unique("oomlate");
        registerFargate(family);
        Task running = runRunning(family);
        String id = container(running, "app").runtimeId();

        sim.exit(id, 137); // Docker 20.10 under load: die (OOMKilled false), then the oom event
        Task stopped = awaitStopped(cluster(), running.taskArn());
        assertThat(container(stopped, "app").reason()).isNull();
        sim.reportOutOfMemoryLate(id);

        Task t =
                awaitTask(cluster(), running.taskArn(), x -> container(x, "app").reason() != null);
        assertThat(container(t, "app").reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        assertThat(container(t, "app").exitCode()).isEqualTo(137);
        assertThat(t.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void plainExitHasNoOutOfMemoryReason() {
        String family = unique("exit137");
        registerFargate(family);
        Task running = runRunning(family);

        sim.exit(container(running, "app").runtimeId(), 137);
        Task stopped = awaitStopped(cluster(), running.taskArn());

        assertThat(container(stopped, "app").exitCode()).isEqualTo(137);
        assertThat(container(stopped, "app").reason()).isNull();
    }

    @Test
    void essentialContainerExitStopsTheTask() {
        String family = unique("exit");
        registerFargate(family);
        Task running = runRunning(family);

        sim.exit(container(running, "app").runtimeId(), 3);
        Task stopped = awaitStopped(cluster(), running.taskArn());

        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(container(stopped, "app").lastStatus()).isEqualTo("STOPPED");
        assertThat(container(stopped, "app").exitCode()).isEqualTo(3);
        assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
        assertThat(stopped.executionStoppedAt()).isNotNull();
    }

    @Test
    void essentialExitStopsTheOtherContainersToo() {
        String family = unique("exit2");
        register(fargate(family)
                .containerDefinitions(EcsApiTestBase.container("app"), EcsApiTestBase.container("worker")));
        Task running = runRunning(family);

        sim.exit(container(running, "worker").runtimeId(), 0);
        Task stopped = awaitStopped(cluster(), running.taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(container(stopped, "worker").exitCode()).isZero();
        assertThat(container(stopped, "app").lastStatus()).isEqualTo("STOPPED");
        assertThat(container(stopped, "app").exitCode()).isNotNull();
    }

    @Test
    void nonEssentialContainerExitKeepsTheTaskRunning() {
        String family = unique("sidecar");
        register(fargate(family)
                .containerDefinitions(
                        EcsApiTestBase.container("app"),
                        EcsApiTestBase.container("init").toBuilder()
                                .essential(false)
                                .build()));
        Task running = runRunning(family);

        sim.exit(container(running, "init").runtimeId(), 0);
        Task after = awaitTask(
                cluster(),
                running.taskArn(),
                t -> "STOPPED".equals(container(t, "init").lastStatus()));

        assertThat(container(after, "init").exitCode()).isZero();
        assertThat(after.lastStatus()).isEqualTo("RUNNING");
        assertThat(after.desiredStatus()).isEqualTo("RUNNING");
        assertThat(after.stopCode()).isNull();
        assertThat(container(after, "app").lastStatus()).isEqualTo("RUNNING");
        assertThat(after.version()).isGreaterThan(running.version());
    }

    @Test
    void stopTaskKeepsTheReason() {
        String family = unique("stop");
        registerFargate(family);
        Task running = runRunning(family);

        Task answered = ecs.stopTask(
                        r -> r.cluster(cluster()).task(running.taskArn()).reason("deploy 42 replaced it"))
                .task();

        assertThat(answered.desiredStatus()).isEqualTo("STOPPED");
        assertThat(answered.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(answered.stoppedReason()).isEqualTo("deploy 42 replaced it");
        Task stopped = awaitStopped(cluster(), running.taskArn());
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("deploy 42 replaced it");
        assertThat(container(stopped, "app").lastStatus()).isEqualTo("STOPPED");

        // stopping it again changes nothing
        Task again = ecs.stopTask(
                        r -> r.cluster(cluster()).task(running.taskArn()).reason("again"))
                .task();
        assertThat(again.stoppedReason()).isEqualTo("deploy 42 replaced it");
        assertThat(again.lastStatus()).isEqualTo("STOPPED");
        assertThat(again.version()).isEqualTo(stopped.version());
    }

    @Test
    void stopTaskWithoutAReasonIsStoppedByUser() {
        String family = unique("stopdefault");
        registerFargate(family);
        Task running = runRunning(family);

        ecs.stopTask(r -> r.cluster(cluster()).task(taskId(running.taskArn())));
        Task stopped = awaitStopped(cluster(), running.taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Task stopped by user");
    }

    @Test
    void missingImageFailsToStart() {
        String family = unique("noimage");
        String image = "ghcr.io/nobody/" + family + ":1";
        sim.missingImage(image);
        register(fargate(family)
                .containerDefinitions(
                        EcsApiTestBase.container("app").toBuilder().image(image).build()));

        Task stopped = awaitStopped(cluster(), runOne(cluster(), family).taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason())
                .startsWith("CannotPullContainerError")
                .contains(image);
        assertThat(container(stopped, "app").reason()).startsWith("CannotPullContainerError");
        assertThat(container(stopped, "app").lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.startedAt()).isNull();
        assertThat(stopped.pullStartedAt()).isNotNull();
        assertThat(stopped.stoppedAt()).isNotNull();
    }

    @Test
    void timestampsFollowTheLifecycleAndVersionGrows() {
        String family = unique("times");
        registerFargate(family);
        Task provisioning = runOne(cluster(), family);
        Task running = awaitRunning(cluster(), provisioning.taskArn());

        ecs.stopTask(r -> r.cluster(cluster()).task(provisioning.taskArn()));
        Task stopped = awaitStopped(cluster(), provisioning.taskArn());

        List<Instant> order = List.of(
                stopped.createdAt(),
                stopped.connectivityAt(),
                stopped.pullStartedAt(),
                stopped.pullStoppedAt(),
                stopped.startedAt(),
                stopped.stoppingAt(),
                stopped.executionStoppedAt(),
                stopped.stoppedAt());
        assertThat(order).doesNotContainNull().isSorted();
        assertThat(stopped.createdAt()).isEqualTo(provisioning.createdAt());
        assertThat(stopped.startedAt()).isEqualTo(running.startedAt());
        assertThat(provisioning.version()).isLessThan(running.version());
        assertThat(running.version()).isLessThan(stopped.version());
    }

    @Test
    void waitersSeeTasksRunningAndStopped() {
        String family = unique("waiter");
        registerFargate(family);
        List<String> arns = ecs.runTask(runFargate(cluster(), family).count(3).build()).tasks().stream()
                .map(Task::taskArn)
                .toList();

        WaiterResponse<DescribeTasksResponse> running =
                ecs.waiter().waitUntilTasksRunning(r -> r.cluster(cluster()).tasks(arns), fastWaiter());

        assertThat(running.matched().response())
                .hasValueSatisfying(r -> assertThat(r.tasks())
                        .extracting(Task::lastStatus)
                        .containsOnly("RUNNING")
                        .hasSize(3));

        arns.forEach(arn -> ecs.stopTask(r -> r.cluster(cluster()).task(arn)));
        WaiterResponse<DescribeTasksResponse> stopped =
                ecs.waiter().waitUntilTasksStopped(r -> r.cluster(cluster()).tasks(arns), fastWaiter());

        assertThat(stopped.matched().response())
                .hasValueSatisfying(r -> assertThat(r.tasks())
                        .extracting(Task::lastStatus)
                        .containsOnly("STOPPED")
                        .hasSize(3));
    }

    @Test
    void runningWaiterFailsWhenTheTaskStops() {
        String family = unique("waitfail");
        String image = "ghcr.io/nobody/" + family + ":1";
        sim.missingImage(image);
        register(fargate(family)
                .containerDefinitions(
                        EcsApiTestBase.container("app").toBuilder().image(image).build()));
        Task t = runOne(cluster(), family);

        Throwable failure = catchThrowable(() ->
                ecs.waiter().waitUntilTasksRunning(r -> r.cluster(cluster()).tasks(t.taskArn()), fastWaiter()));

        assertThat(failure).isInstanceOf(SdkClientException.class).hasMessageContaining("failure state");
        assertThat(describeTask(cluster(), t.taskArn()).lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void taskStoppedWhilePendingNeverRuns() {
        String family = unique("stoppending");
        String image = "example.com/" + family + ":1";
        register(fargate(family)
                .containerDefinitions(
                        EcsApiTestBase.container("app").toBuilder().image(image).build()));
        gate.hold(image);
        Task t;
        try {
            t = runOne(cluster(), family);
            awaitTask(cluster(), t.taskArn(), x -> x.pullStartedAt() != null);

            Task answered = ecs.stopTask(
                            r -> r.cluster(cluster()).task(t.taskArn()).reason("changed my mind"))
                    .task();

            assertThat(answered.lastStatus()).isEqualTo("PENDING");
            assertThat(answered.desiredStatus()).isEqualTo("STOPPED");
        } finally {
            gate.release(image);
        }
        Task stopped = awaitStopped(cluster(), t.taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("changed my mind");
        assertThat(stopped.startedAt()).isNull();
        assertThat(container(stopped, "app").lastStatus()).isEqualTo("STOPPED");
    }
}
