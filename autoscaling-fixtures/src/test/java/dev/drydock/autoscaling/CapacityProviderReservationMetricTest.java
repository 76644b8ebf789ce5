package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.cloudwatch.CloudWatchModule;
import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * ECS publishes its CapacityProviderReservation metric (AWS/ECS/ManagedScaling, per CapacityProviderName and
 * ClusterName) every minute of the scaling clock for a capacity provider with managed scaling, as ECS computes it: 100
 * with nothing to do, 200 while tasks wait in PROVISIONING and the group has no instance, M / N x 100 once it has
 * some (here the group is scaled by hand: the target tracking policy acting on it is Auto Scaling's part), 0 when its
 * instances run nothing. Simulated runtime, a minute a second.
 */
class CapacityProviderReservationMetricTest {

    @Test
    void theReservationFollowsWaitingAndRunningTasksOverTheGroupsInstances() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .setting("scaling.time-scale", "1/60")
                        .setting("autoscaling.instance-pending-time", "PT2M")
                        .start();
                Ec2Client ec2 = drydock.client(Ec2Client.builder());
                AutoScalingClient autoscaling = drydock.client(AutoScalingClient.builder());
                CloudWatchClient cloudwatch = drydock.client(CloudWatchClient.builder());
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("batch"));
            CapacityFixtures.launchTemplate(ec2, "batch-capacity", "batch");
            CapacityFixtures.emptyGroup(autoscaling, "batch-asg", "batch-capacity", 4);
            ecs.createCapacityProvider(r -> r.name("batch-cp")
                    .autoScalingGroupProvider(p -> p.autoScalingGroupArn("batch-asg")
                            .managedScaling(s -> s.status("ENABLED").targetCapacity(100))));
            ecs.putClusterCapacityProviders(r -> r.cluster("batch")
                    .capacityProviders("batch-cp")
                    .defaultCapacityProviderStrategy(
                            s -> s.capacityProvider("batch-cp").weight(1)));
            ecs.registerTaskDefinition(r -> r.family("job")
                    .requiresCompatibilitiesWithStrings("EC2")
                    .networkMode("bridge")
                    .containerDefinitions(c -> c.name("app").image("busybox").memory(3072)));
            CloudWatchModule cw = drydock.service(CloudWatchModule.class);

            awaitReservation(cloudwatch, cw, 100.0);

            String task = ecs.runTask(
                            r -> r.cluster("batch").taskDefinition("job").count(3))
                    .tasks()
                    .get(0)
                    .taskArn();
            awaitReservation(cloudwatch, cw, 200.0);

            // three tasks of 3 GiB need two m5.large (7.5 GiB each); with one in the group: 2 / 1 x 100
            autoscaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("batch-asg").desiredCapacity(1));
            awaitReservation(cloudwatch, cw, 200.0);
            autoscaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("batch-asg").desiredCapacity(2));
            awaitReservation(cloudwatch, cw, 100.0);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(
                                    ecs.listTasks(r -> r.cluster("batch").desiredStatus("RUNNING"))
                                            .taskArns())
                            .allSatisfy(arn -> assertThat(ecs.describeTasks(
                                                    r -> r.cluster("batch").tasks(arn))
                                            .tasks()
                                            .get(0)
                                            .lastStatus())
                                    .isEqualTo("RUNNING")));

            for (String arn : ecs.listTasks(r -> r.cluster("batch")).taskArns()) {
                ecs.stopTask(r -> r.cluster("batch").task(arn));
            }
            assertThat(task).isNotNull();
            awaitReservation(cloudwatch, cw, 0.0);
        }
    }

    /** Waits until the newest data point of the metric is {@code expected}. */
    private static void awaitReservation(CloudWatchClient cloudwatch, CloudWatchModule cw, double expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Instant now = cw.clock().instant();
            Datapoint newest = cloudwatch
                    .getMetricStatistics(r -> r.namespace("AWS/ECS/ManagedScaling")
                            .metricName("CapacityProviderReservation")
                            .dimensions(
                                    d -> d.name("CapacityProviderName").value("batch-cp"),
                                    d -> d.name("ClusterName").value("batch"))
                            .startTime(now.minus(Duration.ofMinutes(3)))
                            .endTime(now.plus(Duration.ofMinutes(1)))
                            .period(60)
                            .statistics(Statistic.MAXIMUM))
                    .datapoints()
                    .stream()
                    .max(Comparator.comparing(Datapoint::timestamp))
                    .orElseThrow(() -> new AssertionError("no CapacityProviderReservation data point yet"));
            assertThat(newest.maximum()).isEqualTo(expected);
        });
    }
}
