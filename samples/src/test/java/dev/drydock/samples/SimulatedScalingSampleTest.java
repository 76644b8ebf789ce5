package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsModule;
import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import dev.drydock.junit.ServiceAutoScaling;
import dev.drydock.junit.TargetTrackingPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The scaling scenarios of {@link ServiceAutoScalingSampleTest} and {@link FargateSpotInterruptionSampleTest} in about
 * a second of scaling each, without Docker: on the simulated runtime tasks only change state, the test sets the
 * utilization ECS reports for a service ({@code EcsModule.simulateUtilization}), and the scaling clock runs a minute
 * a second ({@code scaling.time-scale=1/60}). The first service's scaling is declared with {@code @ServiceAutoScaling}, the
 * second's put through the SDK. Everything else (the AWS/ECS metrics, the target tracking alarms, the
 * policy's arithmetic and cooldowns, the service scheduler, Spot interruptions) is the same code as on Docker.
 */
@DrydockSetting(key = "runtime", value = "simulated")
@DrydockSetting(key = "scaling.time-scale", value = "1/60")
@EcsCluster(name = "shop")
@FargateService(cluster = "shop", name = "cache", taskDefinition = "ecs/cpu-burner.json")
@ServiceAutoScaling(
        cluster = "shop",
        service = "cache",
        minCapacity = 1,
        maxCapacity = 3,
        targetTracking =
                @TargetTrackingPolicy(
                        name = "target",
                        metric = "ECSServiceAverageMemoryUtilization",
                        targetValue = 60,
                        scaleOutCooldown = 60,
                        scaleInCooldown = 60))
class SimulatedScalingSampleTest {

    @Test
    void memoryTargetTrackingFollowsTheUtilizationTheTestSets(
            Drydock drydock, EcsClient ecs, ApplicationAutoScalingClient autoScaling, CloudWatchClient cloudWatch) {
        String resource = "service/shop/cache"; // its scalable target and policy: @ServiceAutoScaling above
        EcsModule ecsModule = drydock.service(EcsModule.class);

        ecsModule.simulateUtilization("shop", "cache", 10, 90);

        // 3 minutes above 60% (3 s): ceil(1 x 90 / 60) = 2; a minute's cooldown later ceil(2 x 90 / 60) = 3, the
        // maximum
        await().atMost(Duration.ofSeconds(30)).until(() -> service(ecs, "cache").desiredCount() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> service(ecs, "cache").runningCount() == 3);
        assertThat(alarmState(cloudWatch, resource, "AlarmHigh")).isEqualTo(StateValue.ALARM);
        assertThat(activities(autoScaling, resource))
                .extracting(ScalingActivity::description)
                .containsExactly("Setting desired count to 3.", "Setting desired count to 2.");

        ecsModule.simulateUtilization("shop", "cache", 10, 20);

        // 15 minutes below 54% (15 s): ceil(3 x 20 / 60) = 1
        await().atMost(Duration.ofSeconds(60)).until(() -> service(ecs, "cache").desiredCount() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> service(ecs, "cache").runningCount() == 1);
        assertThat(alarmState(cloudWatch, resource, "AlarmLow")).isEqualTo(StateValue.ALARM);
        assertThat(activities(autoScaling, resource).get(0).cause())
                .contains("-AlarmLow-")
                .endsWith("in state ALARM triggered policy target");
    }

    @Test
    void spotInterruptionsAreReplacedAtTheDesiredCountScalingSet(
            Drydock drydock, EcsClient ecs, ApplicationAutoScalingClient autoScaling) {
        ecs.putClusterCapacityProviders(r -> r.cluster("shop")
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(List.of()));
        ecs.createService(r -> r.cluster("shop")
                .serviceName("workers")
                .taskDefinition("cpu-burner")
                .desiredCount(1)
                // one task always on FARGATE, the rest one in four on FARGATE, three in four on FARGATE_SPOT
                .capacityProviderStrategy(
                        s -> s.capacityProvider("FARGATE").base(1).weight(1),
                        s -> s.capacityProvider("FARGATE_SPOT").weight(3))
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))));
        String resource = "service/shop/workers";
        // the same as an annotation would declare, through the SDK as a test or the application's own code does it
        targetTracking(autoScaling, resource, 5, MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, 50.0);
        EcsModule ecsModule = drydock.service(EcsModule.class);
        ecsModule.simulateUtilization("shop", "workers", 95, 30);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> service(ecs, "workers").runningCount() == 5);
        // at 48%, between the alarms' thresholds (above 45%, at most 50%), the policy leaves the service at 5
        ecsModule.simulateUtilization("shop", "workers", 48, 30);
        List<Task> before = ServiceTasks.running(ecs, "shop", "workers");
        assertThat(before)
                .extracting(Task::capacityProviderName)
                .containsExactlyInAnyOrder("FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT");
        int activitiesBefore = activities(autoScaling, resource).size();

        List<String> interrupted = ecsModule.interruptFargateSpotTasks("shop", "workers", 0);

        assertThat(interrupted).hasSize(3);
        // the scheduler, not the policy, brings the service back to 5: on FARGATE_SPOT, where the share belongs
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ServiceTasks.running(ecs, "shop", "workers"))
                        .hasSize(5)
                        .extracting(Task::taskArn)
                        .doesNotContainAnyElementsOf(interrupted));
        assertThat(ServiceTasks.running(ecs, "shop", "workers"))
                .filteredOn(t -> "FARGATE_SPOT".equals(t.capacityProviderName()))
                .hasSize(3);
        assertThat(service(ecs, "workers").desiredCount()).isEqualTo(5);
        assertThat(activities(autoScaling, resource)).hasSize(activitiesBefore);
        assertThat(ecs.describeTasks(r -> r.cluster("shop").tasks(interrupted)).tasks())
                .allSatisfy(t -> assertThat(t.stopCodeAsString()).isEqualTo("SpotInterruption"));
    }

    /** A scalable target of 1 to {@code max} tasks and a target tracking policy "target" on a predefined metric. */
    private static void targetTracking(
            ApplicationAutoScalingClient autoScaling, String resource, int max, MetricType metric, double target) {
        autoScaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(resource)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(max));
        autoScaling.putScalingPolicy(r -> r.policyName("target")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(resource)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)
                        .scaleOutCooldown(60)
                        .scaleInCooldown(60)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))));
    }

    private static StateValue alarmState(CloudWatchClient cloudWatch, String resource, String kind) {
        return cloudWatch
                .describeAlarms(r -> r.alarmNamePrefix("TargetTracking-" + resource + "-" + kind + "-"))
                .metricAlarms()
                .get(0)
                .stateValue();
    }

    private static List<ScalingActivity> activities(ApplicationAutoScalingClient autoScaling, String resource) {
        return autoScaling
                .describeScalingActivities(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(resource))
                .scalingActivities();
    }

    private static Service service(EcsClient ecs, String name) {
        return ecs.describeServices(r -> r.cluster("shop").services(name))
                .services()
                .get(0);
    }
}
