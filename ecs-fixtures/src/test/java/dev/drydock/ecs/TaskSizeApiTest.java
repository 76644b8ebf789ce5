package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.ContainerLimits;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.SimulatedRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A task's size (task-level memory and cpu) as the limit its containers share, on the simulated runtime: the task's
 * sandbox carries the limits and the containers go under its cgroup; where the engine cannot nest cgroups, each
 * container without its own memory gets the task's; task cpu becomes a quota only with {@code ecs.task-cpu-limit}.
 */
class TaskSizeApiTest extends EcsApiTestBase {

    @AfterEach
    void nestAgain() {
        sim.nestsCgroups(true);
    }

    @Test
    void theContainersShareTheTasksMemoryUnderItsSandbox() {
        Task task = runTwoContainers(sim, ecs, createCluster(), null);

        ContainerSpec a = sim.spec(runtimeId(task, "a"));
        ContainerSpec b = sim.spec(runtimeId(task, "b"));
        assertThat(a.cgroupParent()).startsWith("/simulated/").isEqualTo(b.cgroupParent());
        String sandbox = a.cgroupParent().substring("/simulated/".length());
        assertThat(sim.limits(sandbox)).isEqualTo(new ContainerLimits(512L, null));
        // each container's own settings still apply inside the task's limit
        assertThat(a.memoryMiB()).isNull();
        assertThat(b.memoryMiB()).isEqualTo(128L);
        assertThat(b.cpuShares()).isEqualTo(128);
    }

    @Test
    void runTasksMemoryOverrideIsTheSharedLimit() {
        Task task = runTwoContainers(sim, ecs, createCluster(), "1024");

        String parent = sim.spec(runtimeId(task, "a")).cgroupParent();
        assertThat(sim.limits(parent.substring("/simulated/".length()))).isEqualTo(new ContainerLimits(1024L, null));
    }

    @Test
    void anEngineThatCannotNestCgroupsLimitsEachContainerToTheTasksMemory() {
        sim.nestsCgroups(false);
        Task task = runTwoContainers(sim, ecs, createCluster(), null);

        ContainerSpec a = sim.spec(runtimeId(task, "a"));
        ContainerSpec b = sim.spec(runtimeId(task, "b"));
        assertThat(a.cgroupParent()).isNull();
        assertThat(b.cgroupParent()).isNull();
        assertThat(a.memoryMiB()).isEqualTo(512L);
        assertThat(b.memoryMiB()).isEqualTo(128L);
    }

    @Test
    void taskCpuBecomesAQuotaOnlyWithTheSetting() {
        SimulatedRuntime limited = new SimulatedRuntime();
        try (Drydock cpuLimited = Drydock.builder()
                        .runtime(() -> limited)
                        .setting("ecs.task-cpu-limit", "true")
                        .start();
                EcsClient client = cpuLimited.client(EcsClient.builder())) {
            cpuLimited.apply(IamFixtures.role("ecsTaskExecutionRole")
                    .managedPolicy("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
            client.createCluster(r -> r.clusterName("cpu"));
            Task task = runTwoContainers(limited, client, "cpu", null);

            String parent = limited.spec(runtimeId(task, "a")).cgroupParent();
            assertThat(limited.limits(parent.substring("/simulated/".length())))
                    .isEqualTo(new ContainerLimits(512L, 256));
        }
    }

    /** A Fargate task of 256 CPU units and 512 MiB: {@code a} without limits, {@code b} with 128 MiB and 128 units. */
    private Task runTwoContainers(SimulatedRuntime runtime, EcsClient client, String cluster, String memoryOverride) {
        String family = unique("size");
        client.registerTaskDefinition(fargate(family)
                .containerDefinitions(
                        container("a"),
                        ContainerDefinition.builder()
                                .name("b")
                                .image(IMAGE)
                                .memory(128)
                                .cpu(128)
                                .build())
                .build());
        Task task = client.runTask(runFargate(cluster, family)
                        .overrides(o -> o.memory(memoryOverride))
                        .build())
                .tasks()
                .get(0);
        waiting()
                .until(() -> "RUNNING"
                        .equals(client.describeTasks(r -> r.cluster(cluster).tasks(task.taskArn()))
                                .tasks()
                                .get(0)
                                .lastStatus()));
        return client.describeTasks(r -> r.cluster(cluster).tasks(task.taskArn()))
                .tasks()
                .get(0);
    }

    private static String runtimeId(Task task, String name) {
        return task.containers().stream()
                .filter(c -> c.name().equals(name))
                .map(Container::runtimeId)
                .findFirst()
                .orElseThrow();
    }
}
