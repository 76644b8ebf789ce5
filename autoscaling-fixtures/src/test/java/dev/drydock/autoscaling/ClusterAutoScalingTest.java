package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECS cluster auto scaling end to end, as on AWS: a cluster whose Auto Scaling group capacity provider (managed scaling
 * and managed termination protection) starts at zero instances; a service that needs capacity has its tasks wait in
 * PROVISIONING, ECS's CapacityProviderReservation rises to 200, ECS's target tracking policy scales the group out, the
 * instances register and the tasks run; when the service shrinks, ECS lifts the scale-in protection of the instance left
 * empty and the group scales in that one only, the task still running. Simulated runtime, a minute a second.
 */
class ClusterAutoScalingTest {

    @Test
    void theGroupScalesOutFromZeroForAServiceAndBackInOnlyOnEmptyInstances() {
        long started = System.nanoTime();
        try (Drydock drydock = CapacityFixtures.fastScaling();
                Ec2Client ec2 = drydock.client(Ec2Client.builder());
                AutoScalingClient autoscaling = drydock.client(AutoScalingClient.builder());
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("shop"));
            CapacityFixtures.launchTemplate(ec2, "shop-capacity", "shop");
            autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("shop-asg")
                    .launchTemplate(t -> t.launchTemplateName("shop-capacity"))
                    .minSize(0)
                    .maxSize(4)
                    .desiredCapacity(0)
                    .newInstancesProtectedFromScaleIn(true)
                    .availabilityZones("us-east-1a"));
            ecs.createCapacityProvider(r -> r.name("shop-cp")
                    .autoScalingGroupProvider(p -> p.autoScalingGroupArn("shop-asg")
                            .managedScaling(
                                    s -> s.status("ENABLED").targetCapacity(100).instanceWarmupPeriod(60))
                            .managedTerminationProtection("ENABLED")));
            ecs.putClusterCapacityProviders(r -> r.cluster("shop")
                    .capacityProviders("shop-cp")
                    .defaultCapacityProviderStrategy(
                            s -> s.capacityProvider("shop-cp").weight(1)));

            ScalingPolicy policy = autoscaling
                    .describePolicies(r -> r.autoScalingGroupName("shop-asg"))
                    .scalingPolicies()
                    .get(0);
            assertThat(policy.policyName()).startsWith("ECSManagedAutoScalingPolicy-");
            assertThat(policy.targetTrackingConfiguration().targetValue()).isEqualTo(100.0);
            assertThat(policy.targetTrackingConfiguration()
                            .customizedMetricSpecification()
                            .metricName())
                    .isEqualTo("CapacityProviderReservation");

            // three tasks of 3 GiB: two fit an m5.large
            ecs.registerTaskDefinition(r -> r.family("web")
                    .requiresCompatibilitiesWithStrings("EC2")
                    .networkMode("bridge")
                    .containerDefinitions(c -> c.name("app").image("busybox").memory(3072)));
            ecs.createService(r ->
                    r.cluster("shop").serviceName("web").taskDefinition("web").desiredCount(3));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(tasks(ecs))
                            .hasSize(3)
                            .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("PROVISIONING")));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(tasks(ecs))
                            .hasSize(3)
                            .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING")));
            assertThat(instances(autoscaling)).hasSize(2);
            long scaledOut = System.nanoTime();

            ecs.updateService(r -> r.cluster("shop").service("web").desiredCount(1));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(tasks(ecs))
                            .singleElement()
                            .satisfies(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING")));
            Task kept = tasks(ecs).get(0);
            String keptOn = ecs.describeContainerInstances(
                            r -> r.cluster("shop").containerInstances(kept.containerInstanceArn()))
                    .containerInstances()
                    .get(0)
                    .ec2InstanceId();
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(instances(autoscaling))
                            .extracting(Instance::instanceId)
                            .containsExactly(keptOn));
            assertThat(instances(autoscaling).get(0).protectedFromScaleIn())
                    .as("the instance running the task stays protected")
                    .isTrue();
            assertThat(tasks(ecs)).extracting(Task::taskArn).containsExactly(kept.taskArn());
            assertThat(tasks(ecs).get(0).lastStatus()).isEqualTo("RUNNING");
            System.out.printf(
                    "cluster auto scaling: scale-out to RUNNING %.1f s, scale-in %.1f s (wall clock)%n",
                    (scaledOut - started) / 1e9, (System.nanoTime() - scaledOut) / 1e9);
        }
    }

    private static List<Task> tasks(EcsClient ecs) {
        List<String> arns =
                ecs.listTasks(r -> r.cluster("shop").serviceName("web")).taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(r -> r.cluster("shop").tasks(arns)).tasks().stream()
                        .filter(t -> "RUNNING".equals(t.desiredStatus()))
                        .toList();
    }

    private static List<Instance> instances(AutoScalingClient autoscaling) {
        List<Instance> all = autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-asg"))
                .autoScalingGroups()
                .get(0)
                .instances();
        Set<String> live = Set.of("Pending", "InService");
        return all.stream()
                .filter(i -> live.contains(i.lifecycleStateAsString()))
                .collect(Collectors.toList());
    }
}
