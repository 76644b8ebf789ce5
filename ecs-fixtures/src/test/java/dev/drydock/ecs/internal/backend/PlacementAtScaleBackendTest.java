package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

/**
 * 10,000 EC2 tasks placed on 1,000 container instances by the model alone (no runtime, no HTTP): every task is placed,
 * the AZ spread is even, and every instance's remaining CPU and memory are exactly what its tasks left. Prints the
 * time per placement (no timed assertion: benchmarks/ measures it through the SDK).
 */
class PlacementAtScaleBackendTest {
    private static final int INSTANCES = 1_000;
    private static final int TASKS = 10_000;

    @Test
    void tenThousandTasksOnAThousandInstancesAreAllPlacedAndAccountedExactly() {
        BackendFixture model = new BackendFixture(null);
        String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int i = 0; i < INSTANCES; i++) {
            model.backend
                    .capacity()
                    .registerContainerInstance(RegisterContainerInstanceRequest.builder()
                            .cluster("shop")
                            .instanceIdentityDocument(
                                    "{\"instanceType\":\"m5.xlarge\",\"availabilityZone\":\"" + zones[i % 3] + "\"}")
                            .build());
        }
        TaskDefinition td = model.backend.registerTaskDefinition(
                RegisterTaskDefinitionRequest.builder()
                        .family("worker")
                        .requiresCompatibilitiesWithStrings("EC2")
                        .networkMode("bridge")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image("app:1")
                                .cpu(256)
                                .memoryReservation(1024)
                                .memory(2048)
                                .build())
                        .build(),
                "test");
        RunTaskRequest request = RunTaskRequest.builder()
                .cluster("shop")
                .taskDefinition("worker")
                .launchType(LaunchType.EC2)
                .count(10)
                .placementStrategy(
                        PlacementStrategy.builder()
                                .type(PlacementStrategyType.SPREAD)
                                .field("attribute:ecs.availability-zone")
                                .build(),
                        PlacementStrategy.builder()
                                .type(PlacementStrategyType.BINPACK)
                                .field("memory")
                                .build())
                .build();

        long start = System.nanoTime();
        int placed = 0;
        for (int i = 0; i < TASKS / 10; i++) {
            EcsBackend.Described<Task> run = model.backend.runTask(request, td);
            assertThat(run.failures()).isEmpty();
            placed += run.found().size();
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf(
                Locale.ROOT,
                "placed %d tasks on %d instances in %.0f ms: %.1f us per task%n",
                placed,
                INSTANCES,
                elapsed / 1e6,
                elapsed / 1e3 / placed);

        assertThat(placed).isEqualTo(TASKS);
        Map<String, Integer> tasksPerInstance = new HashMap<>();
        Map<String, Integer> tasksPerZone = new HashMap<>();
        for (TaskRecord t : model.backend.allTasks()) {
            Task task = model.backend.read(() -> t.toModel(false));
            tasksPerInstance.merge(task.containerInstanceArn(), 1, Integer::sum);
            tasksPerZone.merge(task.availabilityZone(), 1, Integer::sum);
        }
        // 10,000 over 3 zones of 334, 333 and 333 instances: spread evens the zones, binpack fills instances first
        assertThat(tasksPerZone.values()).allSatisfy(n -> assertThat(n).isBetween(3333, 3334));
        List<String> arns = model.backend.capacity().listContainerInstanceArns("shop", null, null);
        for (int i = 0; i < arns.size(); i += 100) {
            List<ContainerInstance> page = model.backend
                    .capacity()
                    .describeContainerInstances("shop", arns.subList(i, Math.min(arns.size(), i + 100)), false)
                    .found();
            for (ContainerInstance ci : page) {
                int n = tasksPerInstance.getOrDefault(ci.containerInstanceArn(), 0);
                assertThat(remaining(ci, "CPU")).isEqualTo(4096 - n * 256);
                assertThat(remaining(ci, "MEMORY")).isEqualTo(16384 - n * 1024);
                assertThat(n).isLessThanOrEqualTo(16); // 16,384 MiB / 1,024 MiB reserved
            }
        }
    }

    /**
     * The placement decision alone (the engine, no model), for one more task once 10,000 tasks of its group are placed
     * on 10, 100 and 1,000 instances, with AWS's "spread over zones, then binpack on memory" strategies and a memberOf
     * constraint. Prints the median of 2,000 decisions per size (no timed assertion).
     */
    @Test
    void oneDecisionAmongManyInstances() {
        PlacementEngine.Rules rules = PlacementEngine.Rules.of(
                List.of(PlacementConstraint.builder()
                        .type("memberOf")
                        .expression("attribute:ecs.instance-type =~ m5.*")
                        .build()),
                List.of(),
                List.of(
                        PlacementStrategy.builder()
                                .type(PlacementStrategyType.SPREAD)
                                .field("attribute:ecs.availability-zone")
                                .build(),
                        PlacementStrategy.builder()
                                .type(PlacementStrategyType.BINPACK)
                                .field("memory")
                                .build()));
        PlacementEngine.Demand one = new PlacementEngine.Demand(16, 16, Set.of(), Set.of(), Map.of(), "service:web");
        Random random = new Random(1);
        for (int size : new int[] {10, 100, 1_000}) {
            List<ContainerInstanceRecord> instances = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ContainerInstanceRecord ci = new ContainerInstanceRecord(
                        "ci" + i,
                        "arn:aws:ecs:us-east-1:123456789012:container-instance/shop/ci" + i,
                        "shop",
                        "i-" + i,
                        "m5.24xlarge",
                        "us-east-1" + "abc".charAt(i % 3),
                        "10.0.0.1",
                        Instant.EPOCH,
                        VersionInfo.builder().agentVersion("1.89.2").build(),
                        98_304,
                        393_216,
                        Set.of("22"),
                        Set.of());
                ci.attributes.put("ecs.availability-zone", ci.availabilityZone);
                ci.attributes.put("ecs.instance-type", "m5.24xlarge");
                instances.add(ci);
            }
            for (int i = 0; i < TASKS; i++) {
                PlacementEngine.place(instances, one, rules, random).chosen().reserve(one);
            }
            long[] samples = new long[2_000];
            for (int i = 0; i < samples.length; i++) {
                long start = System.nanoTime();
                PlacementEngine.Decision d = PlacementEngine.place(instances, one, rules, random);
                samples[i] = System.nanoTime() - start;
                assertThat(d.placed()).isTrue();
            }
            Arrays.sort(samples);
            System.out.printf(
                    Locale.ROOT,
                    "one placement decision among %d instances holding %d tasks: median %.1f us, p90 %.1f us%n",
                    size,
                    TASKS,
                    samples[samples.length / 2] / 1e3,
                    samples[samples.length * 9 / 10] / 1e3);
        }
    }

    private static int remaining(ContainerInstance ci, String name) {
        return ci.remainingResources().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .map(Resource::integerValue)
                .orElseThrow();
    }
}
