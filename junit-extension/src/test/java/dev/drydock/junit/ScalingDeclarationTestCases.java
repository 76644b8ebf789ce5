package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsModule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Fixtures for {@link ScalingDeclarationTest}; run only through it (simulated runtime, drydock.properties). */
class ScalingDeclarationTestCases {

    /** Declared before its service: still registered after it, and its policies act. */
    @DrydockSetting(key = "scaling.time-scale", value = "1/60")
    @ServiceAutoScaling(
            cluster = "load",
            service = "web",
            minCapacity = 1,
            maxCapacity = 3,
            targetTracking = {
                @TargetTrackingPolicy(name = "cpu50", targetValue = 50, scaleOutCooldown = 60, scaleInCooldown = 120),
                @TargetTrackingPolicy(
                        name = "memory80",
                        metric = "ECSServiceAverageMemoryUtilization",
                        targetValue = 80,
                        disableScaleIn = true)
            })
    @EcsCluster(name = "load")
    @FargateService(cluster = "load", name = "web", taskDefinition = "ecs/sleeper.json")
    static class DeclaredScaling {
        @Test
        void targetPoliciesAndAlarmsThatAct(
                Drydock drydock, ApplicationAutoScalingClient autoScaling, CloudWatchClient cloudWatch, EcsClient ecs) {
            ScalableTarget target = autoScaling
                    .describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS))
                    .scalableTargets()
                    .get(0);
            assertThat(target.resourceId()).isEqualTo("service/load/web");
            assertThat(target.minCapacity()).isEqualTo(1);
            assertThat(target.maxCapacity()).isEqualTo(3);
            List<ScalingPolicy> policies = autoScaling
                    .describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS))
                    .scalingPolicies();
            assertThat(policies).extracting(ScalingPolicy::policyName).containsExactlyInAnyOrder("cpu50", "memory80");
            ScalingPolicy cpu = policies.stream()
                    .filter(p -> p.policyName().equals("cpu50"))
                    .findFirst()
                    .orElseThrow();
            assertThat(cpu.targetTrackingScalingPolicyConfiguration().scaleOutCooldown())
                    .isEqualTo(60);
            assertThat(cpu.targetTrackingScalingPolicyConfiguration().scaleInCooldown())
                    .isEqualTo(120);
            assertThat(cpu.targetTrackingScalingPolicyConfiguration()
                            .predefinedMetricSpecification()
                            .predefinedMetricTypeAsString())
                    .isEqualTo("ECSServiceAverageCPUUtilization");
            // cpu50's AlarmHigh and AlarmLow, memory80's AlarmHigh only (scale-in disabled)
            assertThat(cloudWatch
                            .describeAlarms(r -> r.alarmNamePrefix("TargetTracking-service/load/web-"))
                            .metricAlarms())
                    .extracting(MetricAlarm::metricName)
                    .containsExactlyInAnyOrder("CPUUtilization", "CPUUtilization", "MemoryUtilization");

            drydock.service(EcsModule.class).simulateUtilization("load", "web", 90, 10);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ecs.describeServices(r -> r.cluster("load").services("web"))
                                    .services()
                                    .get(0)
                                    .desiredCount()
                            == 2);
        }
    }

    @ServiceAutoScaling(cluster = "load", service = "web", minCapacity = 4, maxCapacity = 2)
    @EcsCluster(name = "load")
    @FargateService(cluster = "load", name = "web", taskDefinition = "ecs/sleeper.json")
    static class MinimumAboveMaximum extends DeclarationErrorsTestCases.NeverRuns {}

    @ServiceAutoScaling(cluster = "load", service = "nobody", minCapacity = 1, maxCapacity = 2)
    @EcsCluster(name = "load")
    static class UndeclaredService extends DeclarationErrorsTestCases.NeverRuns {}

    @ServiceAutoScaling(
            cluster = "load",
            service = "web",
            minCapacity = 1,
            maxCapacity = 2,
            targetTracking = @TargetTrackingPolicy(name = "cpu", targetValue = 50, scaleInCooldown = -5))
    @EcsCluster(name = "load")
    @FargateService(cluster = "load", name = "web", taskDefinition = "ecs/sleeper.json")
    static class NegativeCooldown extends DeclarationErrorsTestCases.NeverRuns {}
}
