package dev.drydock.ecs;

import static dev.drydock.ecs.Ec2LaunchTypeApiTest.ec2;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * AWS's placement examples through the SDK (RunTask, launch type EC2, simulated runtime), each with the
 * {@code placementStrategy} or {@code placementConstraints} JSON of the page and the placement it documents:
 * "Example Amazon ECS task placement strategies"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/strategy-examples.html) and "Example Amazon ECS task
 * placement constraints"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/constraint-examples.html). The placement engine's own
 * tests (PlacementEngineTest) cover the same examples without the API.
 */
class PlacementExamplesApiTest extends EcsApiTestBase {

    private static final PlacementStrategy SPREAD_AZ = PlacementStrategy.builder()
            .field("attribute:ecs.availability-zone")
            .type(PlacementStrategyType.SPREAD)
            .build();
    private static final PlacementStrategy SPREAD_INSTANCE = PlacementStrategy.builder()
            .field("instanceId")
            .type(PlacementStrategyType.SPREAD)
            .build();
    private static final PlacementStrategy BINPACK_MEMORY = PlacementStrategy.builder()
            .field("memory")
            .type(PlacementStrategyType.BINPACK)
            .build();

    /** Registers one instance per {@code type@zone}, in order; their ARNs, in the same order. */
    private List<String> capacity(String cluster, String... specs) {
        for (String spec : specs) {
            String[] p = spec.split("@");
            drydock.apply(EcsFixtures.containerInstances(cluster, 1, p[0]).availabilityZones(p[1]));
        }
        return ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
    }

    /** Tasks per instance, by the instance's position in {@code arns}. */
    private static Map<Integer, Integer> perInstance(RunTaskResponse run, List<String> arns) {
        assertThat(run.failures()).isEmpty();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Task t : run.tasks()) {
            counts.merge(arns.indexOf(t.containerInstanceArn()), 1, Integer::sum);
        }
        return counts;
    }

    private static List<Integer> order(RunTaskResponse run, List<String> arns) {
        List<Integer> result = new ArrayList<>();
        for (Task t : run.tasks()) {
            result.add(arns.indexOf(t.containerInstanceArn()));
        }
        return result;
    }

    private RunTaskResponse run(String cluster, String td, int count, PlacementStrategy... strategies) {
        return ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .count(count)
                .placementStrategy(strategies));
    }

    private RunTaskResponse runMemberOf(String cluster, String td, int count, String expression) {
        return ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .count(count)
                .placementConstraints(PlacementConstraint.builder()
                        .expression(expression)
                        .type(PlacementConstraintType.MEMBER_OF)
                        .build()));
    }

    private String td(int memory) {
        return register(ec2(unique("ex"), 128, memory, 0)).taskDefinitionArn();
    }

    // =================================================================================== strategy examples

    @Test
    void distributeTasksEvenlyAcrossAvailabilityZones() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "m5.large@us-east-1a", "m5.large@us-east-1b");

        Map<Integer, Integer> placed = perInstance(run(cluster, td(256), 4, SPREAD_AZ), arns);

        assertThat(placed.getOrDefault(0, 0) + placed.getOrDefault(1, 0)).isEqualTo(2); // us-east-1a
        assertThat(placed.get(2)).isEqualTo(2); // us-east-1b
    }

    @Test
    void distributeTasksEvenlyAcrossAllInstances() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "m5.large@us-east-1a", "m5.large@us-east-1b");

        assertThat(perInstance(run(cluster, td(256), 6, SPREAD_INSTANCE), arns)).isEqualTo(Map.of(0, 2, 1, 2, 2, 2));
    }

    @Test
    void binPackTasksBasedOnMemory() {
        String cluster = createCluster();
        // 8,192, 4,096 and 16,384 MiB: the instance with the least memory left that still fits takes each task
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "c6i.large@us-east-1a", "r6i.large@us-east-1b");

        RunTaskResponse run = run(cluster, td(1024), 6, BINPACK_MEMORY);

        assertThat(order(run, arns)).containsExactly(1, 1, 1, 1, 0, 0);
    }

    @Test
    void placeTasksRandomlyOnlyWhereTheyFit() {
        String cluster = createCluster();
        // a t3.micro (1,024 MiB) cannot take a 1,536 MiB task
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "t3.micro@us-east-1a", "m5.large@us-east-1b");

        RunTaskResponse run = run(
                cluster,
                td(1536),
                10,
                PlacementStrategy.builder().type(PlacementStrategyType.RANDOM).build());

        assertThat(perInstance(run, arns)).doesNotContainKey(1).containsKeys(0, 2);
    }

    @Test
    void distributeTasksEvenlyAcrossZonesThenAcrossTheInstancesWithinEachZone() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "m5.large@us-east-1a", "m5.large@us-east-1b");

        assertThat(perInstance(run(cluster, td(256), 4, SPREAD_AZ, SPREAD_INSTANCE), arns))
                .isEqualTo(Map.of(0, 1, 1, 1, 2, 2));
    }

    @Test
    void distributeTasksEvenlyAcrossZonesThenBinPackOnMemoryWithinEachZone() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "c6i.large@us-east-1a", "r6i.large@us-east-1b");

        // us-east-1a: both on the c6i.large (least memory); us-east-1b: its one instance
        assertThat(perInstance(run(cluster, td(1024), 4, SPREAD_AZ, BINPACK_MEMORY), arns))
                .isEqualTo(Map.of(1, 2, 2, 2));
    }

    @Test
    void distributeTasksEvenlyAcrossInstancesThenBinPackOnMemory() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "c6i.large@us-east-1a", "r6i.large@us-east-1b");

        // one per instance, the one with the least memory left first
        assertThat(order(run(cluster, td(1024), 3, SPREAD_INSTANCE, BINPACK_MEMORY), arns))
                .containsExactly(1, 0, 2);
    }

    // ================================================================================= constraint examples

    @Test
    void memberOfPlacesTasksOnT2Instances() {
        String cluster = createCluster();
        capacity(cluster, "m5.large@us-east-1a");
        // a t2.small registered as its agent registers it (a type whose size Drydock's table does not hold)
        String t2 = ecs.registerContainerInstance(r -> r.cluster(cluster)
                        .instanceIdentityDocument("{\"availabilityZone\":\"us-east-1b\",\"instanceType\":\"t2.small\","
                                + "\"region\":\"us-east-1\",\"accountId\":\"123456789012\"}")
                        .totalResources(
                                Resource.builder()
                                        .name("CPU")
                                        .type("INTEGER")
                                        .integerValue(1024)
                                        .build(),
                                Resource.builder()
                                        .name("MEMORY")
                                        .type("INTEGER")
                                        .integerValue(1993)
                                        .build()))
                .containerInstance()
                .containerInstanceArn();

        RunTaskResponse run = runMemberOf(cluster, td(256), 3, "attribute:ecs.instance-type =~ t2.*");

        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).extracting(Task::containerInstanceArn).containsOnly(t2);
    }

    @Test
    void memberOfPlacesTasksWithTheDatabasesTaskGroup() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "m5.large@us-east-1a", "m5.large@us-east-1b");
        String td = td(256);
        ecs.startTask(
                r -> r.cluster(cluster).taskDefinition(td).group("databases").containerInstances(arns.get(1)));

        RunTaskResponse run = runMemberOf(cluster, td, 3, "task:group == databases");

        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).extracting(Task::containerInstanceArn).containsOnly(arns.get(1));
    }

    @Test
    void memberOfPlacesTasksWithTheDaemonServicesTasks() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "m5.large@us-east-1b", "m5.large@us-east-1c");
        String td = td(256);
        ecs.createService(r -> r.cluster(cluster)
                .serviceName("daemon-service")
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .desiredCount(1));
        awaitService(cluster, "daemon-service", s -> s.runningCount() == 1);
        String daemonInstance = ecs.describeTasks(r -> r.cluster(cluster)
                        .tasks(ecs.listTasks(l -> l.cluster(cluster).serviceName("daemon-service"))
                                .taskArns()))
                .tasks()
                .get(0)
                .containerInstanceArn();

        RunTaskResponse run = runMemberOf(cluster, td, 4, "task:group == service:daemon-service");

        assertThat(arns).contains(daemonInstance);
        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).extracting(Task::containerInstanceArn).containsOnly(daemonInstance);
    }

    @Test
    void distinctInstancePlacesEachTaskOfTheGroupOnADifferentInstance() {
        String cluster = createCluster();
        List<String> arns = capacity(cluster, "m5.large@us-east-1a", "m5.large@us-east-1a", "m5.large@us-east-1b");

        RunTaskResponse run = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td(256))
                .launchType(LaunchType.EC2)
                .count(4)
                .placementConstraints(PlacementConstraint.builder()
                        .type(PlacementConstraintType.DISTINCT_INSTANCE)
                        .build()));

        assertThat(run.tasks()).extracting(Task::containerInstanceArn).containsExactlyInAnyOrderElementsOf(arns);
        assertThat(run.failures())
                .extracting(Failure::reason)
                .containsExactly("DistinctInstance placement constraint unsatisfied.");
    }
}
