package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Managed instance draining: when the group of a capacity provider with managedDraining ENABLED (the default) scales
 * in, ECS drains the instance first (DRAINING: its service task is replaced on the other instance, then stopped) and
 * only then lets the group terminate it; the service keeps its tasks running throughout. Simulated runtime, a minute a
 * second.
 */
class ManagedDrainingTest {

    @Test
    void aScaledInInstanceIsDrainedBeforeItTerminates() {
        try (Drydock drydock = CapacityFixtures.fastScaling();
                Ec2Client ec2 = drydock.client(Ec2Client.builder());
                AutoScalingClient autoscaling = drydock.client(AutoScalingClient.builder());
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("drain"));
            CapacityFixtures.launchTemplate(ec2, "drain-capacity", "drain");
            CapacityFixtures.emptyGroup(autoscaling, "drain-asg", "drain-capacity", 3);
            ecs.createCapacityProvider(
                    r -> r.name("drain-cp").autoScalingGroupProvider(p -> p.autoScalingGroupArn("drain-asg")));
            ecs.putClusterCapacityProviders(r -> r.cluster("drain")
                    .capacityProviders("drain-cp")
                    .defaultCapacityProviderStrategy(
                            s -> s.capacityProvider("drain-cp").weight(1)));
            ecs.registerTaskDefinition(r -> r.family("web")
                    .requiresCompatibilitiesWithStrings("EC2")
                    .networkMode("bridge")
                    .containerDefinitions(c -> c.name("app").image("busybox").memory(512)));
            autoscaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("drain-asg").desiredCapacity(2));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> containerInstances(ecs).size() == 2);
            // the service's default spread puts one task on each instance
            ecs.createService(r ->
                    r.cluster("drain").serviceName("web").taskDefinition("web").desiredCount(2));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(tasks(ecs))
                            .hasSize(2)
                            .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING")));

            autoscaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("drain-asg").desiredCapacity(1));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(containerInstances(ecs))
                            .extracting(ContainerInstance::status)
                            .contains("DRAINING"));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(instances(autoscaling)).hasSize(1));
            String remaining = instances(autoscaling).get(0).instanceId();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(tasks(ecs))
                            .hasSize(2)
                            .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING")));
            assertThat(containerInstances(ecs))
                    .singleElement()
                    .satisfies(ci -> assertThat(ci.ec2InstanceId()).isEqualTo(remaining));
        }
    }

    private static List<Task> tasks(EcsClient ecs) {
        List<String> arns =
                ecs.listTasks(r -> r.cluster("drain").serviceName("web")).taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(r -> r.cluster("drain").tasks(arns)).tasks().stream()
                        .filter(t -> "RUNNING".equals(t.desiredStatus()))
                        .toList();
    }

    private static List<ContainerInstance> containerInstances(EcsClient ecs) {
        List<String> arns = ecs.listContainerInstances(r -> r.cluster("drain")).containerInstanceArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeContainerInstances(r -> r.cluster("drain").containerInstances(arns))
                        .containerInstances();
    }

    private static List<Instance> instances(AutoScalingClient autoscaling) {
        return autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("drain-asg"))
                .autoScalingGroups()
                .get(0)
                .instances()
                .stream()
                .filter(i -> !"Terminated".equals(i.lifecycleStateAsString()))
                .toList();
    }
}
