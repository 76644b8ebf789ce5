package dev.drydock.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Application Auto Scaling's API through the real SDK v2 client: targets, policies and their alarms. */
class ScalingApiTest extends ScalingTestBase {

    private void register(String resourceId, int min, int max) {
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(resourceId)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(min)
                .maxCapacity(max));
    }

    @Test
    void aTargetIsRegisteredDescribedUpdatedAndBringsTheDesiredCountIntoRange() {
        String id = service(unique("range"), 1);
        register(id, 2, 5);
        ScalableTarget t = aas.describeScalableTargets(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(id))
                .scalableTargets()
                .get(0);
        assertThat(t.minCapacity()).isEqualTo(2);
        assertThat(t.maxCapacity()).isEqualTo(5);
        assertThat(t.roleARN())
                .isEqualTo("arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                        + "AWSServiceRoleForApplicationAutoScaling_ECSService");
        assertThat(desiredCount(id.substring(id.lastIndexOf('/') + 1))).isEqualTo(2);
        assertThat(aas.describeScalingActivities(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                        .scalingActivities())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.description()).isEqualTo("Setting desired count to 2.");
                    assertThat(a.statusCodeAsString()).isEqualTo("Successful");
                    assertThat(a.statusMessage())
                            .isEqualTo("Successfully set desired count to 2. Change successfully fulfilled by ecs.");
                });

        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .maxCapacity(8));
        assertThat(aas.describeScalableTargets(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(id))
                        .scalableTargets()
                        .get(0)
                        .maxCapacity())
                .isEqualTo(8);
    }

    @Test
    void aTargetNeedsAnActiveServiceAndARange() {
        var missing = catchThrowableOfType(ValidationException.class, () -> register("service/shop/absent", 1, 2));
        assertThat(missing.getMessage()).contains("ECS service doesn't exist: service/shop/absent");
        String id = service(unique("bad-range"), 1);
        var inverted = catchThrowableOfType(ValidationException.class, () -> register(id, 3, 2));
        assertThat(inverted.getMessage()).contains("Minimum capacity cannot be greater than maximum capacity");
        assertThat(aas.describeScalableTargets(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(id))
                        .scalableTargets())
                .isEmpty();
    }

    @Test
    void targetTrackingCreatesAwssAlarmsAndDeletingThePolicyDeletesThem() {
        String name = unique("tracked");
        String id = service(name, 1);
        register(id, 1, 4);
        var put = aas.putScalingPolicy(r -> r.policyName("cpu50")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
        assertThat(put.policyARN())
                .matches("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource/ecs/"
                        + "service/shop/" + name + ":policyName/cpu50");
        assertThat(put.alarms())
                .extracting(Alarm::alarmName)
                .satisfiesExactly(
                        high -> assertThat(high)
                                .matches("TargetTracking-service/shop/" + name + "-AlarmHigh-[0-9a-f-]{36}"),
                        low -> assertThat(low)
                                .matches("TargetTracking-service/shop/" + name + "-AlarmLow-[0-9a-f-]{36}"));
        List<MetricAlarm> alarms = cw.describeAlarms(
                        r -> r.alarmNamePrefix("TargetTracking-service/shop/" + name + "-"))
                .metricAlarms();
        MetricAlarm high = alarms.stream()
                .filter(a -> a.alarmName().contains("High"))
                .findFirst()
                .orElseThrow();
        MetricAlarm low = alarms.stream()
                .filter(a -> a.alarmName().contains("Low"))
                .findFirst()
                .orElseThrow();
        assertThat(high.namespace()).isEqualTo("AWS/ECS");
        assertThat(high.metricName()).isEqualTo("CPUUtilization");
        assertThat(high.evaluationPeriods()).isEqualTo(3);
        assertThat(high.threshold()).isEqualTo(50.0);
        assertThat(high.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(high.alarmActions()).containsExactly(put.policyARN());
        assertThat(low.evaluationPeriods()).isEqualTo(15);
        assertThat(low.threshold()).isEqualTo(45.0);
        assertThat(low.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
        assertThat(high.alarmDescription()).startsWith("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ");

        assertThat(aas.describeScalingPolicies(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                        .scalingPolicies())
                .singleElement()
                .satisfies(p -> assertThat(p.alarms()).hasSize(2));

        aas.deleteScalingPolicy(r -> r.policyName("cpu50")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("TargetTracking-service/shop/" + name + "-"))
                        .metricAlarms())
                .isEmpty();
        var gone = catchThrowableOfType(
                ObjectNotFoundException.class,
                () -> aas.deleteScalingPolicy(r -> r.policyName("cpu50")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(id)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)));
        assertThat(gone.getMessage())
                .contains("No scaling policy found for service namespace: ecs, resource ID: " + id
                        + ", scalable dimension: ecs:service:DesiredCount, policy name: cpu50");
    }

    @Test
    void albRequestCountPerTargetWatchesTheGroupsRequestsPerTargetNamedByTheResourceLabel() {
        String name = unique("requests");
        String id = service(name, 1);
        register(id, 1, 4);
        String label = "app/front/50dc6c495c0c9188/targetgroup/web/73e2d6bc24d8a067";
        var put = putAlbPolicy(id, label);
        List<MetricAlarm> alarms = cw.describeAlarms(
                        r -> r.alarmNamePrefix("TargetTracking-service/shop/" + name + "-"))
                .metricAlarms();
        assertThat(alarms).hasSize(2).allSatisfy(a -> {
            assertThat(a.namespace()).isEqualTo("AWS/ApplicationELB");
            assertThat(a.metricName()).isEqualTo("RequestCountPerTarget");
            assertThat(a.statistic()).isEqualTo(Statistic.SUM);
            assertThat(a.period()).isEqualTo(60);
            assertThat(a.dimensions())
                    .containsExactlyInAnyOrder(
                            Dimension.builder()
                                    .name("LoadBalancer")
                                    .value("app/front/50dc6c495c0c9188")
                                    .build(),
                            Dimension.builder()
                                    .name("TargetGroup")
                                    .value("targetgroup/web/73e2d6bc24d8a067")
                                    .build());
            assertThat(a.alarmActions()).containsExactly(put.policyARN());
        });
        assertThat(alarms).extracting(MetricAlarm::threshold).containsExactlyInAnyOrder(100.0, 90.0);
    }

    @Test
    void albRequestCountPerTargetNeedsAResourceLabelOfTheLoadBalancerAndTargetGroup() {
        String id = service(unique("unlabelled"), 1);
        register(id, 1, 4);
        var missing = catchThrowableOfType(ValidationException.class, () -> putAlbPolicy(id, null));
        assertThat(missing.getMessage())
                .contains("Resource label should be specified for predefined metric type ALBRequestCountPerTarget");
        for (String bad : List.of(
                "targetgroup/web/73e2d6bc24d8a067",
                "app/front/50dc6c495c0c9188",
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188",
                "net/front/50dc6c495c0c9188/targetgroup/web/73e2d6bc24d8a067")) {
            var malformed = catchThrowableOfType(ValidationException.class, () -> putAlbPolicy(id, bad));
            assertThat(malformed.getMessage())
                    .contains("Invalid resource label '" + bad + "'")
                    .contains("app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/"
                            + "<target-group-id>");
        }
        assertThat(aas.describeScalingPolicies(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                        .scalingPolicies())
                .isEmpty();
    }

    private PutScalingPolicyResponse putAlbPolicy(String id, String label) {
        return aas.putScalingPolicy(r -> r.policyName("requests")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(100.0)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ALB_REQUEST_COUNT_PER_TARGET)
                                        .resourceLabel(label))));
    }

    @Test
    void deregisteringATargetThatIsNotRegisteredIsObjectNotFound() {
        var e = catchThrowableOfType(
                ObjectNotFoundException.class,
                () -> aas.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId("service/shop/never")
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)));
        assertThat(e.getMessage())
                .contains("No scalable target registered for service namespace: ecs, resource ID: service/shop/never, "
                        + "scalable dimension: ecs:service:DesiredCount");
    }
}
