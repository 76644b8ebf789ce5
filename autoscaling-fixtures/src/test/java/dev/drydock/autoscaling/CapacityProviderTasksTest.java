package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Tasks of an Auto Scaling group capacity provider: they go only on the container instances of the provider's group
 * (DescribeContainerInstances names the provider, as ECS learns it from EC2 Auto Scaling), wait in PROVISIONING while
 * no instance fits (not RunTask failures), start when an instance of the group registers, and stop with
 * TaskFailedToStart after the provisioning timeout. Simulated runtime; the scaling clock runs a minute a second,
 * instances are Pending for two (AWS) minutes, the provisioning timeout is 10 seconds.
 */
class CapacityProviderTasksTest {
    private static Drydock drydock;
    private static EcsClient ecs;
    private static AutoScalingClient autoscaling;

    @BeforeAll
    static void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .setting("autoscaling.instance-pending-time", "PT2M")
                .setting("ecs.provisioning-timeout", "PT10S")
                .start();
        ecs = drydock.client(EcsClient.builder());
        autoscaling = drydock.client(AutoScalingClient.builder());
        ecs.createCluster(r -> r.clusterName("orders"));
        try (Ec2Client ec2 = drydock.client(Ec2Client.builder())) {
            CapacityFixtures.launchTemplate(ec2, "orders-capacity", "orders");
        }
        CapacityFixtures.emptyGroup(autoscaling, "orders-asg", "orders-capacity", 3);
        ecs.createCapacityProvider(
                r -> r.name("orders-cp").autoScalingGroupProvider(p -> p.autoScalingGroupArn("orders-asg")));
        ecs.putClusterCapacityProviders(r -> r.cluster("orders")
                .capacityProviders("orders-cp")
                .defaultCapacityProviderStrategy(
                        s -> s.capacityProvider("orders-cp").weight(1)));
        ecs.registerTaskDefinition(r -> r.family("worker")
                .requiresCompatibilitiesWithStrings("EC2")
                .networkMode("bridge")
                .containerDefinitions(c -> c.name("app").image("busybox").memory(512)));
        ecs.registerTaskDefinition(r -> r.family("huge")
                .requiresCompatibilitiesWithStrings("EC2")
                .networkMode("bridge")
                .containerDefinitions(c -> c.name("app").image("busybox").memory(64_000)));
    }

    @AfterAll
    static void stop() {
        ecs.close();
        autoscaling.close();
        drydock.close();
    }

    @Test
    void aTaskWaitsInProvisioningUntilAnInstanceOfItsProviderRegistersAndNotOnOtherInstances() {
        String byHand = ecs.registerContainerInstance(r -> r.cluster("orders")
                        .instanceIdentityDocument(
                                "{\"instanceId\":\"i-0000000000000aaaa\",\"instanceType\":\"m5.large\","
                                        + "\"availabilityZone\":\"us-east-1a\",\"region\":\"us-east-1\"}"))
                .containerInstance()
                .containerInstanceArn();
        assertThat(instance(byHand).capacityProviderName()).isNull();

        RunTaskResponse run = ecs.runTask(r -> r.cluster("orders").taskDefinition("worker"));
        assertThat(run.failures()).isEmpty();
        Task waiting = run.tasks().get(0);
        assertThat(waiting.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(waiting.capacityProviderName()).isEqualTo("orders-cp");
        assertThat(waiting.launchTypeAsString()).isEqualTo("EC2");
        assertThat(waiting.containerInstanceArn())
                .as("not on the instance registered by hand")
                .isNull();

        autoscaling.setDesiredCapacity(r -> r.autoScalingGroupName("orders-asg").desiredCapacity(1));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(task(waiting.taskArn()).lastStatus()).isEqualTo("RUNNING"));
        Task running = task(waiting.taskArn());
        ContainerInstance host = instance(running.containerInstanceArn());
        assertThat(host.capacityProviderName()).isEqualTo("orders-cp");
        String launched = autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("orders-asg"))
                .autoScalingGroups()
                .get(0)
                .instances()
                .get(0)
                .instanceId();
        assertThat(host.ec2InstanceId()).isEqualTo(launched);
        assertThat(running.availabilityZone()).isEqualTo("us-east-1a");

        Task hugeTask = ecs.runTask(r -> r.cluster("orders").taskDefinition("huge"))
                .tasks()
                .get(0);
        assertThat(hugeTask.lastStatus()).isEqualTo("PROVISIONING");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(task(hugeTask.taskArn()).lastStatus()).isEqualTo("STOPPED"));
        Task failed = task(hugeTask.taskArn());
        assertThat(failed.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(failed.stoppedReason()).contains("orders-cp").contains("PROVISIONING");
        assertThat(Duration.between(failed.createdAt(), failed.stoppedAt()))
                .as("after the provisioning timeout")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    static Task task(String arn) {
        return ecs.describeTasks(r -> r.cluster("orders").tasks(arn)).tasks().get(0);
    }

    static ContainerInstance instance(String arn) {
        List<ContainerInstance> found = ecs.describeContainerInstances(
                        r -> r.cluster("orders").containerInstances(arn))
                .containerInstances();
        return found.get(0);
    }
}
