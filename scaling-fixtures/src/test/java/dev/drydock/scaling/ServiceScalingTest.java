package dev.drydock.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.ecs.EcsModule;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.AdjustmentType;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The scaling loop end to end on the simulated runtime under compressed time (a minute a second): the utilization the
 * test sets reaches CloudWatch as AWS/ECS metrics, the target tracking alarms fire, the policy changes the service's
 * desired count and the scheduler runs the tasks; and back in when the load drops. Step scaling on a custom metric.
 */
class ServiceScalingTest extends ScalingTestBase {

    @Test
    void targetTrackingScalesOutUnderCpuLoadAndBackInWhenItDrops() {
        String name = unique("busy");
        String id = service(name, 1);
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(4));
        aas.putScalingPolicy(r -> r.policyName("cpu50")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)
                        .scaleOutCooldown(60)
                        .scaleInCooldown(60)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
        EcsModule module = drydock.service(EcsModule.class);
        module.simulateUtilization(CLUSTER, name, 90, 20);

        // 3 minutes above 50% (3 s), then 1 x 90 / 50 -> 2, and after the cooldown 2 x 90 / 50 -> 4 (the maximum)
        await().atMost(Duration.ofSeconds(60)).until(() -> desiredCount(name) == 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> runningCount(name) == 4);
        assertThat(activities(id))
                .extracting(ScalingActivity::description)
                .containsSubsequence("Setting desired count to 4.", "Setting desired count to 2.");
        assertThat(activities(id).get(0).cause())
                .matches("monitor alarm TargetTracking-service/shop/" + name
                        + "-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy cpu50");

        module.simulateUtilization(CLUSTER, name, 5, 20);
        // 15 minutes below 45% (15 s), then down to the minimum
        await().atMost(Duration.ofSeconds(90)).until(() -> desiredCount(name) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> runningCount(name) == 1);
        assertThat(activities(id).get(0).cause()).contains("-AlarmLow-").endsWith("triggered policy cpu50");
    }

    @Test
    void stepScalingAddsTheStepTheBreachFallsIn() {
        String name = unique("queue");
        String id = service(name, 1);
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(10));
        String policy = aas.putScalingPolicy(r -> r.policyName("backlog")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(id)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.STEP_SCALING)
                        .stepScalingPolicyConfiguration(c -> c.adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                                .cooldown(600)
                                .stepAdjustments(
                                        s -> s.metricIntervalLowerBound(0.0)
                                                .metricIntervalUpperBound(100.0)
                                                .scalingAdjustment(1),
                                        s -> s.metricIntervalLowerBound(100.0).scalingAdjustment(3))))
                .policyARN();
        String ns = unique("Jobs");
        cw.putMetricAlarm(r -> r.alarmName(unique("backlog-high"))
                .namespace(ns)
                .metricName("Backlog")
                .statistic(Statistic.MAXIMUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(100.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .alarmActions(policy));
        // 250 is 150 above the threshold: the second step, +3; the cooldown (10 minutes: 10 s) keeps it there
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    cw.putMetricData(r -> r.namespace(ns)
                            .metricData(d -> d.metricName("Backlog").value(250.0)));
                    return desiredCount(name) == 4;
                });
        assertThat(activities(id))
                .singleElement()
                .satisfies(a -> assertThat(a.cause()).endsWith("in state ALARM triggered policy backlog"));
    }

    private java.util.List<ScalingActivity> activities(String id) {
        return aas.describeScalingActivities(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                .scalingActivities();
    }
}
