package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * awsvpc tasks on EC2 container instances, on the simulated runtime: each attaches one network interface to its
 * instance, within the instance type's limit minus the primary interface ("Increasing Amazon ECS Linux container
 * instance network interfaces"); one that does not fit is RESOURCE:ENI ("API failure reasons").
 */
class Ec2NetworkInterfacesApiTest extends EcsApiTestBase {
    /** Zone us-east-1b in Drydock's VPC model (an undeclared subnet's zone follows its last hex digit). */
    private static final String SUBNET_B = "subnet-0123456789abcdef1";

    private static RegisterTaskDefinitionRequest.Builder awsvpcEc2(String family) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .requiresCompatibilitiesWithStrings("EC2")
                .networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .cpu(128)
                        .memory(128)
                        .portMappings(p -> p.containerPort(8080))
                        .build());
    }

    @Test
    void anM5LargeTakesTwoAwsvpcTasksTheThirdIsResourceEniUntilOneStops() {
        String cluster = createCluster();
        // m5.large: 3 network interfaces, the primary one included
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "m5.large").availabilityZones("us-east-1b"));
        String instance = ecs.listContainerInstances(r -> r.cluster(cluster))
                .containerInstanceArns()
                .get(0);
        String td = register(awsvpcEc2(unique("eni"))).taskDefinitionArn();

        RunTaskResponse run = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .count(3)
                .networkConfiguration(n ->
                        n.awsvpcConfiguration(v -> v.subnets(SUBNET, SUBNET_B).securityGroups(SECURITY_GROUP))));

        assertThat(run.tasks()).hasSize(2);
        assertThat(run.failures())
                .containsExactly(
                        Failure.builder().arn(instance).reason("RESOURCE:ENI").build());
        for (Task t : run.tasks()) {
            Task running = awaitRunning(cluster, t.taskArn());
            assertThat(running.containerInstanceArn()).isEqualTo(instance);
            assertThat(running.availabilityZone()).isEqualTo("us-east-1b");
            Attachment eni = running.attachments().get(0);
            assertThat(running.attachments()).hasSize(1);
            assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(eni.status()).isEqualTo("ATTACHED");
            // the subnet of the awsvpc configuration in the instance's zone
            assertThat(RunTaskApiTest.detail(eni, "subnetId")).isEqualTo(SUBNET_B);
            assertThat(RunTaskApiTest.detail(eni, "networkInterfaceId")).startsWith("eni-");
            assertThat(RunTaskApiTest.detail(eni, "privateIPv4Address"))
                    .isEqualTo(running.containers()
                            .get(0)
                            .networkInterfaces()
                            .get(0)
                            .privateIpv4Address());
        }

        ecs.stopTask(r -> r.cluster(cluster).task(run.tasks().get(0).taskArn()));
        awaitStopped(cluster, run.tasks().get(0).taskArn());
        RunTaskResponse again = ecs.runTask(r -> r.cluster(cluster)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .networkConfiguration(
                        n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET_B).securityGroups(SECURITY_GROUP))));
        assertThat(again.failures()).isEmpty();
        assertThat(again.tasks()).hasSize(1);
    }

    @Test
    void bridgeTasksTakeNoNetworkInterface() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "t3.micro")); // 2 interfaces: 1 for tasks
        String td =
                register(Ec2LaunchTypeApiTest.ec2(unique("bridge"), 64, 64, 0)).taskDefinitionArn();

        RunTaskResponse run = ecs.runTask(r ->
                r.cluster(cluster).taskDefinition(td).launchType(LaunchType.EC2).count(5));

        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks())
                .hasSize(5)
                .allSatisfy(t -> assertThat(t.attachments()).isEmpty());
    }

    @Test
    void aServiceThatRunsOutOfInterfacesSaysSoInItsEvent() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "t3.micro")); // 1 interface for tasks
        String td = register(awsvpcEc2(unique("svc"))).taskDefinitionArn();
        String service = unique("web");

        ecs.createService(r -> r.cluster(cluster)
                .serviceName(service)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .desiredCount(2)
                .networkConfiguration(
                        n -> n.awsvpcConfiguration(v -> v.subnets(SUBNET).securityGroups(SECURITY_GROUP))));
        Service s = awaitService(
                cluster,
                service,
                x -> x.runningCount() == 1
                        && x.events().stream().anyMatch(ev -> ev.message().contains("unable to place")));

        List<String> placement = s.events().stream()
                .map(ev -> ev.message())
                .filter(m -> m.contains("unable to place"))
                .toList();
        // "Amazon ECS service event messages": "... The closest matching container-instance
        // container-instance-id encountered error "AGENT"." (RESOURCE:ENI likewise)
        assertThat(placement.get(0))
                .matches("\\(service " + service + "\\) was unable to place a task because no container instance met"
                        + " all of its requirements\\. The closest matching container-instance [0-9a-f]{32}"
                        + " encountered error \"RESOURCE:ENI\"\\.");
    }
}
