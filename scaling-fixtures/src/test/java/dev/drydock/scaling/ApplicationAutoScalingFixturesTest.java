package dev.drydock.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.DrydockException;
import dev.drydock.ecs.EcsModule;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/** {@link ApplicationAutoScalingFixtures}: what it creates acts, and what Application Auto Scaling refuses leaves nothing. */
class ApplicationAutoScalingFixturesTest extends ScalingTestBase {

    @Test
    void aServicesScalableTargetAndTargetTrackingPolicyThatActs() {
        String name = unique("fixture");
        String id = service(name, 1);

        drydock.apply(ApplicationAutoScalingFixtures.serviceScaling(CLUSTER, name, 1, 3)
                .targetTracking("cpu50", "ECSServiceAverageCPUUtilization", 50));

        ScalableTarget target = aas.describeScalableTargets(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(id))
                .scalableTargets()
                .get(0);
        assertThat(target.minCapacity()).isEqualTo(1);
        assertThat(target.maxCapacity()).isEqualTo(3);
        ScalingPolicy policy = aas.describeScalingPolicies(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                .scalingPolicies()
                .get(0);
        assertThat(policy.policyName()).isEqualTo("cpu50");
        assertThat(policy.targetTrackingScalingPolicyConfiguration().targetValue())
                .isEqualTo(50.0);
        assertThat(policy.alarms()).hasSize(2);
        drydock.service(EcsModule.class).simulateUtilization(CLUSTER, name, 90, 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> desiredCount(name) == 2);
    }

    @Test
    void aRefusedTargetFailsWithApplicationAutoScalingsError() {
        String name = unique("upside-down");
        service(name, 1);

        assertThatThrownBy(() -> drydock.apply(ApplicationAutoScalingFixtures.serviceScaling(CLUSTER, name, 3, 1)))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("Application Auto Scaling refuses the scaling of 'service/shop/" + name + "'")
                .hasMessageContaining("ValidationException: Minimum capacity cannot be greater than maximum capacity");
        assertThat(aas.describeScalableTargets(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds("service/shop/" + name))
                        .scalableTargets())
                .isEmpty();
    }

    @Test
    void aRefusedPolicyDeregistersTheTargetAgain() {
        String name = unique("no-such-metric");
        String id = service(name, 1);

        assertThatThrownBy(() -> drydock.apply(ApplicationAutoScalingFixtures.serviceScaling(CLUSTER, name, 1, 2)
                        .targetTracking("cpu", "ECSServiceAverageCPUUtilization", 50)
                        .targetTracking("requests", "ALBRequestCountPerTargets", 100)))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("ValidationException")
                .hasMessageContaining("predefinedMetricType");
        assertThat(aas.describeScalableTargets(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(id))
                        .scalableTargets())
                .isEmpty();
        assertThat(aas.describeScalingPolicies(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                        .scalingPolicies())
                .isEmpty();
        assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("TargetTracking-" + id + "-"))
                        .metricAlarms())
                .isEmpty();
    }
}
