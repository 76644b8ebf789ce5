package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/** RunTask, DescribeTasks and StopTask's argument checks, through the SDK, on the simulated runtime. */
class RunTaskApiTest extends EcsApiTestBase {
    private GatedRuntime gate;

    @Override
    Supplier<ContainerRuntime> runtime(SimulatedRuntime simulated) {
        gate = new GatedRuntime(simulated);
        return () -> gate;
    }

    /** The value of one detail of an ENI attachment ({@code subnetId}, {@code privateIPv4Address} ...), or null. */
    static String detail(Attachment eni, String name) {
        return eni.details().stream()
                .filter(d -> d.name().equals(name))
                .map(KeyValuePair::value)
                .findFirst()
                .orElse(null);
    }

    /** Every task of the cluster, whatever its status. */
    private List<String> allTasks(String cluster) {
        List<String> all =
                new ArrayList<>(ecs.listTasks(r -> r.cluster(cluster)).taskArns());
        all.addAll(ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED))
                .taskArns());
        return all;
    }

    @Test
    void runTaskAnswersAProvisioningTask() {
        String cluster = createCluster();
        String family = unique("web");
        String tdArn = registerFargate(family).taskDefinitionArn();

        RunTaskResponse response = ecs.runTask(runFargate(cluster, family).build());

        assertThat(response.failures()).isEmpty();
        assertThat(response.tasks()).hasSize(1);
        Task t = response.tasks().get(0);
        assertThat(t.taskArn()).matches("arn:aws:ecs:us-east-1:123456789012:task/" + cluster + "/[0-9a-f]{32}");
        assertThat(t.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/" + cluster);
        assertThat(t.taskDefinitionArn()).isEqualTo(tdArn);
        assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(t.desiredStatus()).isEqualTo("RUNNING");
        assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(t.group()).isEqualTo("family:" + family);
        assertThat(t.startedBy()).isNull();
        assertThat(t.cpu()).isEqualTo("256");
        assertThat(t.memory()).isEqualTo("512");
        assertThat(t.createdAt()).isNotNull();
        assertThat(t.startedAt()).isNull();
        assertThat(t.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("app");
            assertThat(c.image()).isEqualTo(IMAGE);
            assertThat(c.lastStatus()).isEqualTo("PENDING");
            assertThat(c.taskArn()).isEqualTo(t.taskArn());
        });
        assertThat(t.attachments()).singleElement().satisfies(eni -> {
            assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(eni.status()).isEqualTo("PRECREATED");
            assertThat(detail(eni, "subnetId")).isEqualTo(SUBNET);
        });
    }

    @Test
    void taskMovesFromPendingToRunning() {
        String cluster = createCluster();
        String family = unique("gated");
        String image = "example.com/" + family + ":1";
        register(fargate(family)
                .containerDefinitions(container("app").toBuilder().image(image).build()));
        gate.hold(image);
        Task provisioning;
        Task pending;
        try {
            provisioning = runOne(cluster, family);

            // the image pull is held: the task waits in PENDING, its ENI attached
            pending = awaitTask(cluster, provisioning.taskArn(), t -> t.pullStartedAt() != null);

            assertThat(pending.lastStatus()).isEqualTo("PENDING");
            assertThat(pending.desiredStatus()).isEqualTo("RUNNING");
            assertThat(pending.connectivityAsString()).isEqualTo("CONNECTED");
            assertThat(pending.connectivityAt()).isNotNull();
            assertThat(pending.pullStartedAt()).isNotNull();
            assertThat(pending.startedAt()).isNull();
            assertThat(pending.containers()).extracting(Container::lastStatus).containsExactly("PENDING");
            Attachment eni = pending.attachments().get(0);
            assertThat(eni.status()).isEqualTo("ATTACHED");
            assertThat(detail(eni, "privateIPv4Address")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            assertThat(detail(eni, "networkInterfaceId")).matches("eni-[0-9a-f]{17}");
            assertThat(detail(eni, "macAddress")).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            assertThat(pending.version()).isGreaterThan(provisioning.version());
        } finally {
            gate.release(image);
        }

        Task running = awaitRunning(cluster, provisioning.taskArn());

        assertThat(running.version()).isGreaterThan(pending.version());
        assertThat(running.pullStoppedAt()).isNotNull();
        assertThat(running.startedAt()).isNotNull();
        String ip = detail(running.attachments().get(0), "privateIPv4Address");
        assertThat(ip).isEqualTo(detail(pending.attachments().get(0), "privateIPv4Address"));
        assertThat(running.containers()).singleElement().satisfies(c -> {
            assertThat(c.lastStatus()).isEqualTo("RUNNING");
            assertThat(c.runtimeId()).isNotBlank();
            assertThat(c.networkInterfaces())
                    .singleElement()
                    .satisfies(n -> assertThat(n.privateIpv4Address()).isEqualTo(ip));
        });
    }

    @Test
    void groupStartedByAndTagsAreKept() {
        String cluster = createCluster();
        String family = unique("batch");
        registerFargate(family);
        Tag tag = Tag.builder().key("job").value("nightly").build();

        Task t = ecs.runTask(runFargate(cluster, family)
                        .group("batch:nightly")
                        .startedBy("ci-job-42")
                        .tags(tag)
                        .build())
                .tasks()
                .get(0);

        assertThat(t.group()).isEqualTo("batch:nightly");
        assertThat(t.startedBy()).isEqualTo("ci-job-42");
        Task described = ecs.describeTasks(
                        r -> r.cluster(cluster).tasks(t.taskArn()).include(TaskField.TAGS))
                .tasks()
                .get(0);
        assertThat(described.tags()).containsExactly(tag);
        assertThat(described.group()).isEqualTo("batch:nightly");
        assertThat(described.startedBy()).isEqualTo("ci-job-42");
        assertThat(describeTask(cluster, t.taskArn()).hasTags()).isFalse();
    }

    @Test
    void overridesReachTheTaskAndItsContainers() {
        String cluster = createCluster();
        String family = unique("override");
        register(fargate(family)
                .containerDefinitions(container("app").toBuilder()
                        .command("sleep", "1000")
                        .environment(KeyValuePair.builder()
                                .name("MODE")
                                .value("default")
                                .build())
                        .build()));
        ContainerOverride override = ContainerOverride.builder()
                .name("app")
                .command("sh", "-c", "echo hi; sleep 600")
                .environment(
                        KeyValuePair.builder().name("MODE").value("override").build())
                .build();

        Task t = ecs.runTask(runFargate(cluster, family)
                        .overrides(
                                o -> o.containerOverrides(override).cpu("512").memory("1024"))
                        .build())
                .tasks()
                .get(0);

        assertThat(t.overrides().containerOverrides()).containsExactly(override);
        assertThat(t.cpu()).isEqualTo("512");
        assertThat(t.memory()).isEqualTo("1024");
        Task running = awaitRunning(cluster, t.taskArn());
        ContainerSpec spec = sim.spec(running.containers().get(0).runtimeId());
        assertThat(spec.command()).containsExactly("sh", "-c", "echo hi; sleep 600");
        assertThat(spec.environment()).containsEntry("MODE", "override");
    }

    /** A Fargate task is in its subnet's Availability Zone (core's VPC model: the id's last hex digit picks it). */
    @Test
    void aFargateTaskIsInTheZoneOfItsSubnet() {
        String cluster = createCluster();
        String family = unique("zone");
        registerFargate(family);
        Map<String, String> zoneOf = Map.of(
                "subnet-0a1b2c3d4e5f60000", "us-east-1a",
                "subnet-0a1b2c3d4e5f60001", "us-east-1b",
                "subnet-0a1b2c3d4e5f60002", "us-east-1c");
        zoneOf.forEach((subnet, zone) -> {
            Task t = ecs.runTask(runFargate(cluster, family)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(subnet)))
                            .build())
                    .tasks()
                    .get(0);
            assertThat(t.availabilityZone()).as(subnet).isEqualTo(zone);
            assertThat(t.attachments().get(0).details())
                    .as(subnet)
                    .contains(KeyValuePair.builder()
                            .name("subnetId")
                            .value(subnet)
                            .build());
        });
    }

    @Test
    void taskSizeOverridesAreReportedInUnits() {
        String cluster = createCluster();
        String family = unique("units");
        registerFargate(family);

        Task t = ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.cpu("1 vCPU").memory("2 GB"))
                        .build())
                .tasks()
                .get(0);

        assertThat(t.cpu()).isEqualTo("1024");
        assertThat(t.memory()).isEqualTo("2048");
        assertThat(t.overrides().cpu()).isEqualTo("1 vCPU");
    }

    @Test
    void countStartsUpToTenTasks() {
        String cluster = createCluster();
        String family = unique("count");
        registerFargate(family);

        List<Task> ten =
                ecs.runTask(runFargate(cluster, family).count(10).build()).tasks();

        assertThat(ten).hasSize(10);
        assertThat(ten).extracting(Task::taskArn).doesNotHaveDuplicates();
        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns())
                .containsExactlyInAnyOrderElementsOf(
                        ten.stream().map(Task::taskArn).toList());

        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family).count(11).build()),
                InvalidParameterException.class,
                "Task count can not be greater than 10");
        assertEcsErrorCode(
                () -> ecs.runTask(runFargate(cluster, family).count(0).build()), InvalidParameterException.class);
        assertThat(allTasks(cluster)).hasSize(10);
    }

    @Test
    void ec2AndOtherLaunchTypesFindNoContainerInstances() {
        String cluster = createCluster();
        String family = unique("ec2");
        registerFargate(family);

        for (LaunchType type : List.of(LaunchType.EC2, LaunchType.EXTERNAL)) {
            assertEcsError(
                    () -> ecs.runTask(
                            runFargate(cluster, family).launchType(type).build()),
                    InvalidParameterException.class,
                    "No Container Instances were found in your cluster.");
        }
        // without a launch type or capacity provider strategy, ECS uses EC2
        assertEcsError(
                () -> ecs.runTask(
                        runFargate(cluster, family).launchType((String) null).build()),
                InvalidParameterException.class,
                "No Container Instances were found in your cluster.");
        assertThat(allTasks(cluster)).isEmpty();
    }

    @Test
    void fargateCapacityProvidersRunTasks() {
        String cluster = createCluster();
        ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(List.of()));
        String family = unique("spot");
        registerFargate(family);

        Task spot = ecs.runTask(runFargate(cluster, family)
                        .launchType((String) null)
                        .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE_SPOT")
                                .weight(1)
                                .build())
                        .build())
                .tasks()
                .get(0);
        assertThat(spot.capacityProviderName()).isEqualTo("FARGATE_SPOT");
        assertThat(spot.launchType()).isEqualTo(LaunchType.FARGATE);
        awaitRunning(cluster, spot.taskArn());

        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE")
                                .build())
                        .build()),
                InvalidParameterException.class,
                "Specifying both a launch type and capacity provider strategy is "
                        + "not supported. Remove one and try again.");
        assertEcsErrorCode(
                () -> ecs.runTask(runFargate(cluster, family)
                        .launchType((String) null)
                        .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider("my-asg-provider")
                                .build())
                        .build()),
                InvalidParameterException.class);
        // FARGATE_SPOT must be associated with the cluster first
        String bare = createCluster();
        assertEcsError(
                () -> ecs.runTask(runFargate(bare, family)
                        .launchType((String) null)
                        .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE_SPOT")
                                .weight(1)
                                .build())
                        .build()),
                InvalidParameterException.class,
                "The specified capacity provider strategy cannot contain a capacity provider that is not associated "
                        + "with the cluster. Associate the capacity provider with the cluster or specify a valid "
                        + "capacity provider and try again.");
        assertThat(allTasks(bare)).isEmpty();
        assertThat(allTasks(cluster)).containsExactly(spot.taskArn());
    }

    @Test
    void clusterDefaultCapacityProviderStrategyApplies() {
        String cluster = unique("fargate-default");
        ecs.createCluster(r -> r.clusterName(cluster)
                .capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder()
                        .capacityProvider("FARGATE")
                        .weight(1)
                        .build()));
        String family = unique("default-cp");
        registerFargate(family);

        Task t = ecs.runTask(
                        runFargate(cluster, family).launchType((String) null).build())
                .tasks()
                .get(0);

        assertThat(t.capacityProviderName()).isEqualTo("FARGATE");
        assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(awaitRunning(cluster, t.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void awsvpcNeedsAValidNetworkConfiguration() {
        String cluster = createCluster();
        String family = unique("net");
        registerFargate(family);

        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .networkConfiguration((NetworkConfiguration) null)
                        .build()),
                InvalidParameterException.class,
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(List.of())))
                        .build()),
                InvalidParameterException.class,
                "subnets can not be empty.");
        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("birdzview")))
                        .build()),
                InvalidParameterException.class,
                "Error retrieving subnet information for [birdzview]: The subnet ID 'birdzview' does not exist "
                        + "(ErrorCode: InvalidSubnetID.NotFound)");
        assertEcsErrorCode(
                () -> ecs.runTask(runFargate(cluster, family)
                        .networkConfiguration(n ->
                                n.awsvpcConfiguration(v -> v.subnets(SUBNET).securityGroups("default")))
                        .build()),
                InvalidParameterException.class);
        assertThat(allTasks(cluster)).isEmpty();
    }

    @Test
    void taskDefinitionMustExistBeActiveAndFitFargate() {
        String cluster = createCluster();
        String family = unique("td");
        registerFargate(family);
        registerFargate(family);
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":1"));
        String ec2Only = unique("ec2only");
        register(RegisterTaskDefinitionRequest.builder()
                .family(ec2Only)
                .networkMode("awsvpc")
                .containerDefinitions(container("app").toBuilder().memory(128).build()));

        assertEcsError(() -> runOne(cluster, unique("missing")), ClientException.class, "TaskDefinition not found.");
        assertEcsError(() -> runOne(cluster, family + ":7"), ClientException.class, "TaskDefinition not found.");
        assertEcsError(
                () -> runOne(cluster, family + ":1"), InvalidParameterException.class, "TaskDefinition is inactive");
        assertEcsError(
                () -> runOne(cluster, ec2Only),
                InvalidParameterException.class,
                "Task definition does not support launch_type FARGATE.");
        assertEcsError(() -> runOne(unique("nocluster"), family), ClusterNotFoundException.class, "Cluster not found.");
        assertThat(allTasks(cluster)).isEmpty();

        // the family alone runs its latest ACTIVE revision
        assertThat(runOne(cluster, family).taskDefinitionArn()).endsWith(":task-definition/" + family + ":2");
    }

    @Test
    void overridesAndStartedByAreChecked() {
        String cluster = createCluster();
        String family = unique("checks");
        registerFargate(family);

        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.containerOverrides(
                                ContainerOverride.builder().name("django").build()))
                        .build()),
                InvalidParameterException.class,
                "Override for container named django is not a container in the TaskDefinition.");
        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.containerOverrides(
                                ContainerOverride.builder().command("true").build()))
                        .build()),
                InvalidParameterException.class,
                "name cannot be blank.");
        assertEcsError(
                () -> ecs.runTask(
                        runFargate(cluster, family).startedBy("x".repeat(37)).build()),
                InvalidParameterException.class,
                "startedBy longer than 36.");
        assertThat(allTasks(cluster)).isEmpty();
    }

    @Test
    void describeTasksByIdAndArnAndReportsMissingOnes() {
        String cluster = createCluster();
        String family = unique("describe");
        registerFargate(family);
        Task t = runOne(cluster, family);
        String missingId = "0123456789abcdef0123456789abcdef";

        DescribeTasksResponse r =
                ecs.describeTasks(b -> b.cluster(cluster).tasks(taskId(t.taskArn()), t.taskArn(), missingId));

        assertThat(r.tasks()).extracting(Task::taskArn).containsExactly(t.taskArn(), t.taskArn());
        assertThat(r.failures())
                .containsExactly(Failure.builder()
                        .arn("arn:aws:ecs:us-east-1:123456789012:task/" + cluster + "/" + missingId)
                        .reason("MISSING")
                        .build());
        assertEcsError(
                () -> ecs.describeTasks(b -> b.cluster(cluster).tasks(List.of())),
                InvalidParameterException.class,
                "Tasks cannot be empty.");
        // a task of another cluster is not found in this one
        String other = createCluster();
        assertThat(ecs.describeTasks(b -> b.cluster(other).tasks(t.taskArn())).failures())
                .extracting(Failure::reason)
                .containsExactly("MISSING");
    }

    @Test
    void stopTaskNeedsAKnownTask() {
        String cluster = createCluster();
        String family = unique("stopcheck");
        registerFargate(family);
        Task t = runOne(cluster, family);
        String other = createCluster();

        assertEcsError(
                () -> ecs.stopTask(r -> r.cluster(cluster).task("0123456789abcdef0123456789abcdef")),
                InvalidParameterException.class,
                "The referenced task was not found.");
        assertEcsError(
                () -> ecs.stopTask(r -> r.cluster(other).task(taskId(t.taskArn()))),
                InvalidParameterException.class,
                "The referenced task was not found.");
        assertEcsError(
                () -> ecs.stopTask(r -> r.cluster(cluster).task("not-a-task")),
                InvalidParameterException.class,
                "Task Identifier is invalid");
        assertEcsError(
                () -> ecs.stopTask(r -> r.cluster(unique("nocluster")).task(t.taskArn())),
                ClusterNotFoundException.class,
                "Cluster not found.");
        assertThat(awaitRunning(cluster, t.taskArn()).desiredStatus()).isEqualTo("RUNNING");
    }

    @Test
    void tasksRunInTheirOwnNetworkNamespace() {
        String cluster = createCluster();
        String family = unique("ns");
        register(fargate(family).containerDefinitions(container("app"), container("sidecar")));

        Task running = awaitRunning(cluster, runOne(cluster, family).taskArn());

        Map<String, String> ids = new HashMap<>();
        running.containers().forEach(c -> ids.put(c.name(), c.runtimeId()));
        String sandbox = sim.spec(ids.get("app")).joinNetworkOf();
        assertThat(sandbox).isNotNull();
        assertThat(sim.spec(ids.get("sidecar")).joinNetworkOf()).isEqualTo(sandbox);
    }

    @Test
    void overridesComeBackOnePerContainerAsEcsReportsThem() {
        String cluster = createCluster();
        String family = unique("two-containers");
        register(fargate(family)
                .containerDefinitions(
                        container("app"),
                        container("sidecar").toBuilder().essential(false).build()));
        Task task = ecs.runTask(runFargate(cluster, family)
                        .overrides(
                                o -> o.containerOverrides(c -> c.name("sidecar").command("sleep", "5")))
                        .build())
                .tasks()
                .get(0);
        Task described = describeTask(cluster, task.taskArn());
        for (Task t : List.of(task, described)) {
            assertThat(t.overrides().containerOverrides())
                    .extracting(ContainerOverride::name)
                    .containsExactly("app", "sidecar");
            assertThat(t.overrides().containerOverrides().get(0).hasCommand()).isFalse();
            assertThat(t.overrides().containerOverrides().get(1).command()).containsExactly("sleep", "5");
        }
    }
}
