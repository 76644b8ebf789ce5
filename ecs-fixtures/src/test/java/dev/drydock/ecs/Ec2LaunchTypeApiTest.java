package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * RunTask, StartTask and CreateService with the EC2 launch type through the SDK, on the simulated runtime: tasks placed
 * on container instances, their resources taken and given back, RunTask's failures and the service's event when a task
 * fits nowhere.
 */
class Ec2LaunchTypeApiTest extends EcsApiTestBase {

    /** An EC2 task definition (bridge network mode) of one container {@code app}: cpu units, MiB and host port. */
    static RegisterTaskDefinitionRequest.Builder ec2(String family, int cpu, int memory, int hostPort) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .requiresCompatibilitiesWithStrings("EC2")
                .networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .cpu(cpu)
                        .memory(memory)
                        .portMappings(
                                p -> p.containerPort(80).hostPort(hostPort).protocol(TransportProtocol.TCP))
                        .build());
    }

    private String clusterWith(int count, String type) {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, count, type));
        return cluster;
    }

    private List<ContainerInstance> instances(String cluster) {
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        return ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns))
                .containerInstances();
    }

    private static int remaining(ContainerInstance ci, String name) {
        return ci.remainingResources().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .map(Resource::integerValue)
                .orElseThrow();
    }

    private static List<String> remainingPorts(ContainerInstance ci) {
        return ci.remainingResources().stream()
                .filter(r -> r.name().equals("PORTS"))
                .findFirst()
                .orElseThrow()
                .stringSetValue();
    }

    @Test
    void runTaskPlacesEc2TasksOnInstancesAndTakesTheirResourcesUntilTheyStop() {
        String cluster = clusterWith(2, "t3.medium"); // 2,048 CPU units, 4,096 MiB each
        String td = register(ec2(unique("web"), 512, 1024, 8080)).taskDefinitionArn();

        RunTaskResponse run = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .count(2)
                .placementStrategy(s -> s.type(PlacementStrategyType.SPREAD).field("instanceId")));

        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).hasSize(2);
        List<ContainerInstance> before = instances(cluster);
        for (Task t : run.tasks()) {
            assertThat(t.launchType()).isEqualTo(LaunchType.EC2);
            assertThat(t.containerInstanceArn())
                    .isIn(before.stream()
                            .map(ContainerInstance::containerInstanceArn)
                            .collect(Collectors.toList()));
            assertThat(t.attachments()).isEmpty();
            assertThat(t.platformVersion()).isNull();
            awaitRunning(cluster, t.taskArn());
        }
        assertThat(run.tasks()).extracting(Task::containerInstanceArn).doesNotHaveDuplicates();
        for (ContainerInstance ci : instances(cluster)) {
            assertThat(remaining(ci, "CPU")).isEqualTo(2048 - 512);
            assertThat(remaining(ci, "MEMORY")).isEqualTo(4096 - 1024);
            assertThat(remainingPorts(ci)).contains("8080", "22");
            assertThat(ci.runningTasksCount()).isEqualTo(1);
        }

        for (Task t : run.tasks()) {
            ecs.stopTask(r -> r.cluster(cluster).task(t.taskArn()));
            awaitStopped(cluster, t.taskArn());
        }
        for (ContainerInstance ci : instances(cluster)) {
            assertThat(remaining(ci, "CPU")).isEqualTo(2048);
            assertThat(remaining(ci, "MEMORY")).isEqualTo(4096);
            assertThat(remainingPorts(ci)).doesNotContain("8080");
            assertThat(ci.runningTasksCount()).isZero();
        }
    }

    @Test
    void tasksThatFitNowhereAreFailuresNamingTheClosestInstanceAndItsReason() {
        String cluster = clusterWith(1, "t3.small"); // 2,048 CPU units, 2,048 MiB
        String arn = instances(cluster).get(0).containerInstanceArn();
        String td = register(ec2(unique("big"), 256, 1536, 0)).taskDefinitionArn();

        RunTaskResponse run = ecs.runTask(r ->
                r.cluster(cluster).taskDefinition(td).launchType(LaunchType.EC2).count(3));

        assertThat(run.tasks()).hasSize(1);
        assertThat(run.failures())
                .containsExactly(
                        Failure.builder().arn(arn).reason("RESOURCE:MEMORY").build(),
                        Failure.builder().arn(arn).reason("RESOURCE:MEMORY").build());
        String fixedPort = register(ec2(unique("port"), 10, 10, 22)).taskDefinitionArn();
        assertThat(ecs.runTask(r -> r.cluster(cluster).taskDefinition(fixedPort).launchType(LaunchType.EC2))
                        .failures())
                .extracting(Failure::reason)
                .containsExactly("RESOURCE:PORTS");
        String cpu = register(ec2(unique("cpu"), 4096, 10, 0)).taskDefinitionArn();
        assertThat(ecs.runTask(r -> r.cluster(cluster).taskDefinition(cpu).launchType(LaunchType.EC2))
                        .failures())
                .extracting(Failure::reason)
                .containsExactly("RESOURCE:CPU");
    }

    @Test
    void constraintsBindAndABadExpressionCreatesNothing() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "m5.large").availabilityZones("us-east-1a"));
        drydock.apply(EcsFixtures.containerInstances(cluster, 2, "c6i.large").availabilityZones("us-east-1b"));
        String td = register(ec2(unique("app"), 128, 128, 0)).taskDefinitionArn();
        Map<String, String> typeByArn = instances(cluster).stream()
                .collect(Collectors.toMap(
                        ContainerInstance::containerInstanceArn,
                        ci -> ci.attributes().stream()
                                .filter(a -> a.name().equals("ecs.instance-type"))
                                .findFirst()
                                .orElseThrow()
                                .value()));

        RunTaskResponse onC6i = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .count(4)
                .placementConstraints(c ->
                        c.type(PlacementConstraintType.MEMBER_OF).expression("attribute:ecs.instance-type =~ c6i.*")));
        assertThat(onC6i.tasks()).hasSize(4);
        assertThat(onC6i.tasks())
                .extracting(t -> typeByArn.get(t.containerInstanceArn()))
                .containsOnly("c6i.large");

        RunTaskResponse distinct = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .group("singleton")
                .count(4)
                .placementConstraints(c -> c.type(PlacementConstraintType.DISTINCT_INSTANCE)));
        assertThat(distinct.tasks())
                .extracting(Task::containerInstanceArn)
                .hasSize(3)
                .doesNotHaveDuplicates();
        assertThat(distinct.failures())
                .extracting(Failure::reason)
                .containsExactly("DistinctInstance placement constraint unsatisfied.");

        int tasksBefore = ecs.listTasks(r -> r.cluster(cluster)).taskArns().size();
        InvalidParameterException e = assertEcsErrorCode(
                () -> ecs.runTask(r -> r.cluster(cluster)
                        .taskDefinition(td)
                        .launchType(LaunchType.EC2)
                        .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF)
                                .expression("attribute:ecs.instance-type ~= c6i"))),
                InvalidParameterException.class);
        assertThat(e.awsErrorDetails().errorMessage()).contains("cluster query expression");
        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).hasSize(tasksBefore);
    }

    @Test
    void theLaunchTypeNeedsInstancesAndBridgeTasksTakeNoNetworkConfiguration() {
        String empty = createCluster();
        String td = register(ec2(unique("app"), 128, 128, 0)).taskDefinitionArn();
        assertEcsError(
                () -> ecs.runTask(r -> r.cluster(empty).taskDefinition(td).launchType(LaunchType.EC2)),
                InvalidParameterException.class,
                "No Container Instances were found in your cluster.");

        String cluster = clusterWith(1, "t3.micro");
        assertEcsError(
                () -> ecs.runTask(r -> r.cluster(cluster)
                        .taskDefinition(td)
                        .launchType(LaunchType.EC2)
                        .networkConfiguration(network())),
                InvalidParameterException.class,
                "Network Configuration is not valid for the given networkMode of this task definition.");
        // without a launch type or capacity provider strategy, a cluster with instances runs EC2 tasks
        assertThat(ecs.runTask(r -> r.cluster(cluster).taskDefinition(td)).tasks())
                .extracting(Task::launchType)
                .containsExactly(LaunchType.EC2);
    }

    @Test
    void startTaskRunsOneTaskOnEachNamedInstance() {
        String cluster = clusterWith(3, "m5.large");
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        String td = register(ec2(unique("pinned"), 128, 256, 0)).taskDefinitionArn();
        String missing = "arn:aws:ecs:us-east-1:123456789012:container-instance/" + cluster + "/" + "f".repeat(32);
        String id = arns.get(2).substring(arns.get(2).lastIndexOf('/') + 1);

        StartTaskResponse started =
                ecs.startTask(r -> r.cluster(cluster).taskDefinition(td).containerInstances(arns.get(0), id, missing));

        assertThat(started.tasks()).extracting(Task::containerInstanceArn).containsExactly(arns.get(0), arns.get(2));
        assertThat(started.failures())
                .containsExactly(
                        Failure.builder().arn(missing).reason("MISSING").build());
        ecs.deregisterContainerInstance(r -> r.cluster(cluster).containerInstance(arns.get(1)));
        assertThat(ecs.startTask(r -> r.cluster(cluster).taskDefinition(td).containerInstances(arns.get(1)))
                        .failures())
                .containsExactly(
                        Failure.builder().arn(arns.get(1)).reason("INACTIVE").build());
    }

    @Test
    void anEc2ServiceSpreadsOverZonesAndSaysWhenATaskFitsNowhere() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 2, "t3.small").availabilityZones("us-east-1a"));
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "t3.small").availabilityZones("us-east-1b"));
        String td = register(ec2(unique("svc"), 256, 1024, 0)).taskDefinitionArn();
        String service = unique("web");

        ecs.createService(r -> r.cluster(cluster)
                .serviceName(service)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .desiredCount(2));
        Service s = awaitService(cluster, service, x -> x.runningCount() == 2);

        assertThat(s.launchType()).isEqualTo(LaunchType.EC2);
        List<Task> tasks = ecs.describeTasks(r -> r.cluster(cluster)
                        .tasks(ecs.listTasks(l -> l.cluster(cluster).serviceName(service))
                                .taskArns()))
                .tasks();
        assertThat(tasks).extracting(Task::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b");

        // 3 instances x 2,048 MiB hold 6 tasks of 1,024 MiB: the seventh fits nowhere
        ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(7));
        Service full = awaitService(
                cluster,
                service,
                x -> x.runningCount() == 6
                        && x.events().stream().anyMatch(ev -> ev.message().contains("unable to place")));
        String event = full.events().stream()
                .filter(ev -> ev.message().contains("unable to place"))
                .findFirst()
                .orElseThrow()
                .message();
        assertThat(event)
                .matches(
                        "\\(service " + service + "\\) was unable to place a task because no container instance met all"
                                + " of its requirements\\. The closest matching container-instance [0-9a-f]{32} has "
                                + "insufficient memory available\\. For more information, see the Troubleshooting section of"
                                + " the Amazon ECS Developer Guide\\.");
    }

    @Test
    void bridgePortsAreBoundOnTheInstanceDynamicallyFromTheEphemeralRangeAndHostPortsAreTheContainerPorts() {
        String cluster = clusterWith(1, "m5.large");
        String dynamic = register(ec2(unique("dyn"), 128, 128, 0)).taskDefinitionArn();

        List<Task> two = ecs.runTask(r -> r.cluster(cluster)
                        .taskDefinition(dynamic)
                        .launchType(LaunchType.EC2)
                        .count(2))
                .tasks();
        List<Integer> hostPorts = new ArrayList<>();
        for (Task t : two) {
            Task running = awaitRunning(cluster, t.taskArn());
            assertThat(running.containers().get(0).networkBindings())
                    .singleElement()
                    .satisfies(b -> {
                        assertThat(b.bindIP()).isEqualTo("0.0.0.0");
                        assertThat(b.containerPort()).isEqualTo(80);
                        assertThat(b.hostPort()).isBetween(32768, 61000);
                        assertThat(b.protocol()).isEqualTo(TransportProtocol.TCP);
                    });
            assertThat(running.containers().get(0).networkInterfaces()).isEmpty();
            hostPorts.add(running.containers().get(0).networkBindings().get(0).hostPort());
        }
        assertThat(hostPorts).doesNotHaveDuplicates();
        assertThat(remainingPorts(instances(cluster).get(0)))
                .contains(String.valueOf(hostPorts.get(0)), String.valueOf(hostPorts.get(1)));
        ecs.stopTask(r -> r.cluster(cluster).task(two.get(0).taskArn()));
        awaitStopped(cluster, two.get(0).taskArn());
        assertThat(remainingPorts(instances(cluster).get(0)))
                .doesNotContain(String.valueOf(hostPorts.get(0)))
                .contains(String.valueOf(hostPorts.get(1)));

        String host = register(RegisterTaskDefinitionRequest.builder()
                        .family(unique("host"))
                        .requiresCompatibilitiesWithStrings("EC2")
                        .networkMode(NetworkMode.HOST)
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(IMAGE)
                                .memory(128)
                                .portMappings(p -> p.containerPort(9090))
                                .build()))
                .taskDefinitionArn();
        Task onHost = ecs.runTask(r -> r.cluster(cluster).taskDefinition(host).launchType(LaunchType.EC2))
                .tasks()
                .get(0);
        assertThat(awaitRunning(cluster, onHost.taskArn()).containers().get(0).networkBindings())
                .extracting(b -> b.hostPort())
                .containsExactly(9090);
        // the instance's port 9090 is taken now: a second host-mode task does not fit
        assertThat(ecs.runTask(r -> r.cluster(cluster).taskDefinition(host).launchType(LaunchType.EC2))
                        .failures())
                .extracting(Failure::reason)
                .containsExactly("RESOURCE:PORTS");
    }

    @Test
    void aDrainingInstancesServiceTasksAreReplacedElsewhereAndStandaloneTasksKeepRunning() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 3, "m5.large"));
        String td = register(ec2(unique("drain"), 128, 256, 0)).taskDefinitionArn();
        String service = unique("web");
        ecs.createService(r -> r.cluster(cluster)
                .serviceName(service)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .desiredCount(2)
                .placementStrategy(s -> s.type(PlacementStrategyType.SPREAD).field("instanceId")));
        awaitService(
                cluster, service, x -> x.runningCount() == 2 && x.deployments().size() == 1);
        List<Task> before = serviceTasks(cluster, service);
        String drained = before.get(0).containerInstanceArn();
        String standalone = ecs.startTask(
                        r -> r.cluster(cluster).taskDefinition(td).containerInstances(drained))
                .tasks()
                .get(0)
                .taskArn();
        awaitRunning(cluster, standalone);

        ecs.updateContainerInstancesState(
                r -> r.cluster(cluster).containerInstances(drained).status(ContainerInstanceStatus.DRAINING));

        waiting().until(() -> {
            List<Task> now = serviceTasks(cluster, service);
            return now.size() == 2
                    && now.stream().allMatch(t -> "RUNNING".equals(t.lastStatus()))
                    && now.stream().noneMatch(t -> t.containerInstanceArn().equals(drained));
        });
        Task replaced = awaitStopped(cluster, before.get(0).taskArn());
        assertThat(replaced.stoppedReason()).contains("DRAINING");
        assertThat(describeTask(cluster, standalone).lastStatus()).isEqualTo("RUNNING");
        ContainerInstance drainedNow = ecs.describeContainerInstances(
                        r -> r.cluster(cluster).containerInstances(drained))
                .containerInstances()
                .get(0);
        assertThat(drainedNow.status()).isEqualTo("DRAINING");
        assertThat(drainedNow.runningTasksCount()).isEqualTo(1);
        // no new task goes to a DRAINING instance
        assertThat(ecs.runTask(r -> r.cluster(cluster)
                                .taskDefinition(td)
                                .launchType(LaunchType.EC2)
                                .count(6)
                                .placementStrategy(s ->
                                        s.type(PlacementStrategyType.SPREAD).field("instanceId")))
                        .tasks())
                .extracting(Task::containerInstanceArn)
                .doesNotContain(drained);
    }

    private List<Task> serviceTasks(String cluster, String service) {
        List<String> arns =
                ecs.listTasks(l -> l.cluster(cluster).serviceName(service)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks();
    }
}
