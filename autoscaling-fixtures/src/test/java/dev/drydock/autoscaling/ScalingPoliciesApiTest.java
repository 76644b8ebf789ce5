package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Alarm;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.MetricStatistic;
import software.amazon.awssdk.services.autoscaling.model.MetricType;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * EC2 Auto Scaling's scaling policies through the real SDK v2 clients, without Docker, on a scaling clock of a minute a
 * second: target tracking creates AWS's alarms in CloudWatch and, fed a custom metric, moves the desired capacity out
 * and back in within the group's bounds; step and simple scaling through ExecutePolicy, with warmup and cooldown;
 * DescribePolicies and DeletePolicy (which deletes the alarms).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScalingPoliciesApiTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    Drydock drydock;
    AutoScalingClient autoscaling;
    CloudWatchClient cloudWatch;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .setting("autoscaling.instance-pending-time", "PT10S")
                .start();
        autoscaling = drydock.client(AutoScalingClient.builder());
        cloudWatch = drydock.client(CloudWatchClient.builder());
        try (Ec2Client ec2 = drydock.client(Ec2Client.builder())) {
            ec2.createLaunchTemplate(r -> r.launchTemplateName("capacity")
                    .launchTemplateData(d -> d.instanceType("m5.large").imageId("ami-0abcdef1234567890")));
        }
    }

    @AfterAll
    void stop() {
        cloudWatch.close();
        autoscaling.close();
        drydock.close();
    }

    /** A group with the given bounds and a warmup of {@code warmup} AWS seconds. */
    private String group(int min, int max, int desired, int warmup) {
        String name = "asg-" + NAMES.incrementAndGet();
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateName("capacity"))
                .minSize(min)
                .maxSize(max)
                .desiredCapacity(desired)
                .defaultInstanceWarmup(warmup)
                .availabilityZones("us-east-1a", "us-east-1b"));
        return name;
    }

    private int desired(String name) {
        return autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups()
                .get(0)
                .desiredCapacity();
    }

    private int instances(String name) {
        return autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups()
                .get(0)
                .instances()
                .size();
    }

    private MetricAlarm alarm(String name) {
        return cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
    }

    private static String policyName(PutScalingPolicyResponse put) {
        return put.policyARN().substring(put.policyARN().indexOf(":policyName/") + ":policyName/".length());
    }

    private PutScalingPolicyResponse targetTracking(String group, String namespace, double target, boolean noScaleIn) {
        return autoscaling.putScalingPolicy(r -> r.autoScalingGroupName(group)
                .policyName("ECSManagedAutoScalingPolicy-" + NAMES.incrementAndGet())
                .policyType("TargetTrackingScaling")
                .targetTrackingConfiguration(c -> c.targetValue(target)
                        .disableScaleIn(noScaleIn)
                        .customizedMetricSpecification(m -> m.namespace(namespace)
                                .metricName("CapacityProviderReservation")
                                .dimensions(d -> d.name("ClusterName").value("orders"))
                                .statistic(MetricStatistic.AVERAGE))));
    }

    @Test
    void targetTrackingCreatesAwsAlarmsAndScalesOutThenInWithinBounds() {
        String name = group(1, 5, 1, 60);
        String ns = "Drydock/Test" + NAMES.incrementAndGet();
        PutScalingPolicyResponse put = targetTracking(name, ns, 100.0, false);

        assertThat(put.policyARN())
                .matches("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName/"
                        + name + ":policyName/ECSManagedAutoScalingPolicy-\\d+");
        assertThat(put.alarms()).extracting(Alarm::alarmName).hasSize(2).satisfies(names -> {
            assertThat(names.get(0)).matches("TargetTracking-" + name + "-AlarmHigh-[0-9a-f-]{36}");
            assertThat(names.get(1)).matches("TargetTracking-" + name + "-AlarmLow-[0-9a-f-]{36}");
        });
        MetricAlarm high = alarm(put.alarms().get(0).alarmName());
        assertThat(high.alarmArn()).isEqualTo(put.alarms().get(0).alarmARN());
        assertThat(high.namespace()).isEqualTo(ns);
        assertThat(high.metricName()).isEqualTo("CapacityProviderReservation");
        assertThat(high.threshold()).isEqualTo(100.0);
        assertThat(high.comparisonOperatorAsString()).isEqualTo("GreaterThanThreshold");
        assertThat(high.period()).isEqualTo(60);
        assertThat(high.evaluationPeriods()).isEqualTo(3);
        assertThat(high.datapointsToAlarm()).isEqualTo(3);
        assertThat(high.alarmActions()).containsExactly(put.policyARN());
        assertThat(high.alarmDescription())
                .isEqualTo("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + put.policyARN() + ".");
        MetricAlarm low = alarm(put.alarms().get(1).alarmName());
        assertThat(low.threshold()).isEqualTo(90.0);
        assertThat(low.comparisonOperatorAsString()).isEqualTo("LessThanThreshold");
        assertThat(low.evaluationPeriods()).isEqualTo(15);

        assertThat(autoscaling
                        .describePolicies(r -> r.autoScalingGroupName(name))
                        .scalingPolicies())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.policyARN()).isEqualTo(put.policyARN());
                    assertThat(p.policyType()).isEqualTo("TargetTrackingScaling");
                    assertThat(p.targetTrackingConfiguration().targetValue()).isEqualTo(100.0);
                    assertThat(p.alarms()).isEqualTo(put.alarms());
                    assertThat(p.enabled()).isTrue();
                });

        // 300% of the target: 1 x 300 / 100 -> 3; the warm-up (1 minute) passes, and 3 x 300 / 100 -> 9, bounded to 5
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    cloudWatch.putMetricData(r -> r.namespace(ns)
                            .metricData(d -> d.metricName("CapacityProviderReservation")
                                    .dimensions(x -> x.name("ClusterName").value("orders"))
                                    .value(300.0)));
                    return desired(name) == 5;
                });
        assertThat(instances(name)).isEqualTo(5);
        assertThat(alarm(high.alarmName()).stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(autoscaling
                        .describeScalingActivities(r -> r.autoScalingGroupName(name))
                        .activities())
                .first()
                .satisfies(a -> {
                    assertThat(a.description()).matches("Launching a new EC2 instance: i-[0-9a-f]{17}");
                    assertThat(a.cause())
                            .matches("At \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ a monitor alarm "
                                    + high.alarmName() + " in state ALARM triggered policy " + policyName(put)
                                    + " changing the desired capacity from 3 to 5\\.  At .* an instance was started "
                                    + "in response to a difference between desired and actual capacity, increasing "
                                    + "the capacity from 3 to 5\\.");
                });

        // 20% for 15 minutes (15 s): scale in, proportionally, to the minimum
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    cloudWatch.putMetricData(r -> r.namespace(ns)
                            .metricData(d -> d.metricName("CapacityProviderReservation")
                                    .dimensions(x -> x.name("ClusterName").value("orders"))
                                    .value(20.0)));
                    return desired(name) == 1;
                });
        assertThat(instances(name)).isEqualTo(1);
    }

    @Test
    void disableScaleInCreatesNoLowAlarmAndDeletePolicyDeletesTheAlarms() {
        String name = group(0, 2, 0, 0);
        PutScalingPolicyResponse put = targetTracking(name, "Drydock/NoScaleIn", 50.0, true);
        assertThat(put.alarms())
                .singleElement()
                .satisfies(a -> assertThat(a.alarmName()).contains("-AlarmHigh-"));

        String policyName = autoscaling
                .describePolicies(r -> r.autoScalingGroupName(name))
                .scalingPolicies()
                .get(0)
                .policyName();
        autoscaling.deletePolicy(r -> r.autoScalingGroupName(name).policyName(policyName));

        assertThat(autoscaling
                        .describePolicies(r -> r.autoScalingGroupName(name))
                        .scalingPolicies())
                .isEmpty();
        assertThat(cloudWatch
                        .describeAlarms(r -> r.alarmNames(put.alarms().get(0).alarmName()))
                        .metricAlarms())
                .isEmpty();
        AutoScalingException again = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.deletePolicy(r -> r.autoScalingGroupName(name).policyName(policyName)));
        assertThat(again.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    }

    @Test
    void predefinedInstanceMetricsAreAcceptedAndTheirAlarmsWaitForData() {
        String name = group(1, 3, 1, 0);
        PutScalingPolicyResponse put = autoscaling.putScalingPolicy(r -> r.autoScalingGroupName(name)
                .policyName("cpu50")
                .policyType("TargetTrackingScaling")
                .targetTrackingConfiguration(c -> c.targetValue(50.0)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ASG_AVERAGE_CPU_UTILIZATION))));
        MetricAlarm high = alarm(put.alarms().get(0).alarmName());
        assertThat(high.namespace()).isEqualTo("AWS/EC2");
        assertThat(high.metricName()).isEqualTo("CPUUtilization");
        assertThat(high.dimensions())
                .singleElement()
                .satisfies(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("AutoScalingGroupName=" + name));
        assertThat(high.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    }

    @Test
    void stepScalingCountsWarmingInstancesAsCapacitySoARepeatedBreachAddsOnce() {
        // warm-up 10 minutes: 10 s of the wall clock
        String name = group(0, 10, 0, 600);
        autoscaling.putScalingPolicy(r -> r.autoScalingGroupName(name)
                .policyName("backlog")
                .policyType("StepScaling")
                .adjustmentType("ChangeInCapacity")
                .stepAdjustments(
                        s -> s.metricIntervalLowerBound(0.0)
                                .metricIntervalUpperBound(100.0)
                                .scalingAdjustment(1),
                        s -> s.metricIntervalLowerBound(100.0).scalingAdjustment(2)));

        autoscaling.executePolicy(r -> r.autoScalingGroupName(name)
                .policyName("backlog")
                .metricValue(250.0)
                .breachThreshold(100.0));
        assertThat(desired(name)).isEqualTo(2);
        autoscaling.executePolicy(r -> r.autoScalingGroupName(name)
                .policyName("backlog")
                .metricValue(250.0)
                .breachThreshold(100.0));
        assertThat(desired(name))
                .as("the two warming instances count as capacity")
                .isEqualTo(2);
        autoscaling.executePolicy(r -> r.autoScalingGroupName(name)
                .policyName("backlog")
                .metricValue(100.0)
                .breachThreshold(150.0));
        assertThat(desired(name)).as("no matching step: nothing").isEqualTo(2);

        AutoScalingException math = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.executePolicy(
                        r -> r.autoScalingGroupName(name).policyName("backlog")));
        assertThat(math.awsErrorDetails().errorMessage())
                .isEqualTo("MetricValue and BreachThreshold are required to execute a step scaling policy.");
    }

    @Test
    void simpleScalingHonoursTheCooldownWhenAsked() {
        String name = group(0, 4, 0, 0);
        autoscaling.putScalingPolicy(r -> r.autoScalingGroupName(name)
                .policyName("add-two")
                .adjustmentType("ChangeInCapacity")
                .scalingAdjustment(2)
                .cooldown(3600));
        assertThat(autoscaling
                        .describePolicies(r -> r.autoScalingGroupName(name).policyNames("add-two"))
                        .scalingPolicies())
                .extracting(ScalingPolicy::policyType)
                .containsExactly("SimpleScaling");

        autoscaling.executePolicy(r -> r.autoScalingGroupName(name).policyName("add-two"));
        assertThat(desired(name)).isEqualTo(2);
        AutoScalingException cooling = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.executePolicy(
                        r -> r.autoScalingGroupName(name).policyName("add-two").honorCooldown(true)));
        assertThat(cooling.awsErrorDetails().errorCode()).isEqualTo("ScalingActivityInProgress");
        assertThat(desired(name)).isEqualTo(2);

        // without HonorCooldown (AWS's default) it acts, up to the maximum
        autoscaling.executePolicy(r -> r.autoScalingGroupName(name).policyName("add-two"));
        autoscaling.executePolicy(r -> r.autoScalingGroupName(name).policyName("add-two"));
        assertThat(desired(name)).isEqualTo(4);
    }

    @Test
    void policyTypesRefuseMembersTheyDoNotTake() {
        String name = group(0, 1, 0, 0);
        AutoScalingException e = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.putScalingPolicy(r -> r.autoScalingGroupName(name)
                        .policyName("tt")
                        .policyType("TargetTrackingScaling")
                        .cooldown(60)
                        .targetTrackingConfiguration(c -> c.targetValue(50.0)
                                .predefinedMetricSpecification(
                                        m -> m.predefinedMetricType(MetricType.ASG_AVERAGE_CPU_UTILIZATION)))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Cooldown is not supported for a policy of type TargetTrackingScaling.");
        assertThat(autoscaling
                        .describePolicies(r -> r.autoScalingGroupName(name))
                        .scalingPolicies())
                .isEmpty();
        assertThat(cloudWatch
                        .describeAlarms(r -> r.alarmNamePrefix("TargetTracking-" + name + "-"))
                        .metricAlarms())
                .isEqualTo(List.of());
    }
}
