package dev.drydock.scaling;

import dev.drydock.core.Drydock;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.scaling.internal.ScalingServiceModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/**
 * Programmatic fixtures for Application Auto Scaling (the twins of the JUnit extension's {@code @ServiceAutoScaling}):
 * an ECS service's scalable target and its target tracking policies, created through the API's own handlers as the
 * test principal, so they are checked as a RegisterScalableTarget / PutScalingPolicy request is.
 *
 * <pre>{@code
 * drydock.apply(ApplicationAutoScalingFixtures.serviceScaling("shop", "web", 1, 4)
 *         .targetTracking("cpu50", "ECSServiceAverageCPUUtilization", 50));
 * }</pre>
 */
public final class ApplicationAutoScalingFixtures {
    private static final String SIGNING_NAME = "application-autoscaling";

    private ApplicationAutoScalingFixtures() {}

    /**
     * An ECS service's scalable target ({@code service/<cluster>/<service>}, {@code ecs:service:DesiredCount}).
     *
     * @param cluster the cluster's name; the service must exist when the fixture is applied
     * @param service the service's name
     * @param minCapacity the fewest tasks scaling may leave, 0 or more
     * @param maxCapacity the most tasks scaling may set, at least {@code minCapacity}
     */
    public static ServiceScalingFixture serviceScaling(
            String cluster, String service, int minCapacity, int maxCapacity) {
        return new ServiceScalingFixture(cluster, service, minCapacity, maxCapacity);
    }

    /** A scalable target and its policies to create; see {@link ApplicationAutoScalingFixtures}. */
    public static final class ServiceScalingFixture implements Fixture {
        private final String resourceId;
        private final int minCapacity;
        private final int maxCapacity;
        private final List<PutScalingPolicyRequest> policies = new ArrayList<>();

        private ServiceScalingFixture(String cluster, String service, int minCapacity, int maxCapacity) {
            this.resourceId = "service/" + Objects.requireNonNull(cluster, "cluster") + "/"
                    + Objects.requireNonNull(service, "service");
            this.minCapacity = minCapacity;
            this.maxCapacity = maxCapacity;
        }

        /**
         * A target tracking policy on a predefined metric, with Application Auto Scaling's default cooldowns (300 s)
         * and scale-in.
         *
         * @param policyName the policy's name, unique for the target
         * @param predefinedMetricType {@code ECSServiceAverageCPUUtilization} or
         *     {@code ECSServiceAverageMemoryUtilization} (percent)
         * @param targetValue the value to keep the metric at, above 0
         */
        public ServiceScalingFixture targetTracking(
                String policyName, String predefinedMetricType, double targetValue) {
            return targetTracking(
                    policyName,
                    TargetTrackingScalingPolicyConfiguration.builder()
                            .targetValue(targetValue)
                            .predefinedMetricSpecification(m -> m.predefinedMetricType(predefinedMetricType))
                            .build());
        }

        /**
         * A target tracking policy as PutScalingPolicy takes it (cooldowns in seconds, {@code disableScaleIn}, a
         * predefined or customized metric).
         */
        public ServiceScalingFixture targetTracking(
                String policyName, TargetTrackingScalingPolicyConfiguration configuration) {
            policies.add(PutScalingPolicyRequest.builder()
                    .policyName(Objects.requireNonNull(policyName, "policyName"))
                    .serviceNamespace(ServiceNamespace.ECS)
                    .resourceId(resourceId)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(Objects.requireNonNull(configuration, "configuration"))
                    .build());
            return this;
        }

        /**
         * Registers the target, then puts the policies; when Application Auto Scaling refuses one, the target is
         * deregistered again (with the policies already put) and the refusal is thrown.
         *
         * @throws dev.drydock.core.DrydockException naming the target, with Application Auto Scaling's error code and
         *     message (e.g. {@code ValidationException: Minimum capacity cannot be greater than maximum capacity})
         */
        @Override
        public void apply(Drydock drydock) {
            AdminCalls calls = ScalingServiceModule.of(drydock).adminCalls();
            AdminCalls.undoingOnRefusal(
                    "Application Auto Scaling refuses the scaling of '" + resourceId + "'", null, "", undo -> {
                        calls.call(
                                SIGNING_NAME,
                                RegisterScalableTargetRequest.builder()
                                        .serviceNamespace(ServiceNamespace.ECS)
                                        .resourceId(resourceId)
                                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                        .minCapacity(minCapacity)
                                        .maxCapacity(maxCapacity)
                                        .build(),
                                RegisterScalableTargetResponse.class);
                        undo.onRefusal(() -> calls.call(
                                SIGNING_NAME,
                                DeregisterScalableTargetRequest.builder()
                                        .serviceNamespace(ServiceNamespace.ECS)
                                        .resourceId(resourceId)
                                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                        .build(),
                                DeregisterScalableTargetResponse.class));
                        for (PutScalingPolicyRequest policy : policies) {
                            calls.call(SIGNING_NAME, policy, PutScalingPolicyResponse.class);
                        }
                        return null;
                    });
        }

        @Override
        public String describe() {
            String[] parts = resourceId.split("/", 3);
            return "ApplicationAutoScalingFixtures.serviceScaling(\"" + parts[1] + "\", \"" + parts[2] + "\", "
                    + minCapacity + ", " + maxCapacity + ")";
        }
    }
}
