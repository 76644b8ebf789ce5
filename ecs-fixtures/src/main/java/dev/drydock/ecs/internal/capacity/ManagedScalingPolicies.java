package dev.drydock.ecs.internal.capacity;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.backend.EcsCapacityProviders;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.autoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.MetricDimension;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;

/**
 * The target tracking scaling policy ECS keeps on the Auto Scaling group of each capacity provider with managed scaling
 * ENABLED that is associated with a cluster, as "Automatically manage Amazon ECS capacity with cluster auto scaling"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html) describes it: named
 * {@code ECSManagedAutoScalingPolicy-<uuid>}, tracking the customized metric {@code CapacityProviderReservation}
 * (namespace {@code AWS/ECS/ManagedScaling}, dimensions {@code CapacityProviderName} and {@code ClusterName}, Average)
 * at the provider's {@code targetCapacity}, with the provider's instance warm-up. "When you turn off managed scaling or
 * disassociate the capacity provider from a cluster, Amazon ECS removes ... the target tracking scaling policy". ECS
 * puts it with EC2 Auto Scaling's PutScalingPolicy and removes it with DeletePolicy, through {@link AutoScalingCalls}.
 * A call Auto Scaling refuses leaves the provider's {@code updateStatus} UPDATE_FAILED with the refusal as
 * {@code updateStatusReason}, as ECS reports a provider it could not set up.
 */
public final class ManagedScalingPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedScalingPolicies.class);
    /** The metric ECS publishes and its policy tracks. */
    public static final String NAMESPACE = "AWS/ECS/ManagedScaling";

    public static final String METRIC = "CapacityProviderReservation";

    private final AutoScalingCalls calls;
    private final EcsCapacityProviders providers;
    private final Runnable metrics;

    /**
     * @param metrics starts ECS's CapacityProviderReservation metric ({@link ReservationMetrics#start}), called when a
     *     provider needs managed scaling
     */
    public ManagedScalingPolicies(AutoScalingCalls calls, EcsCapacityProviders providers, Runnable metrics) {
        this.calls = calls;
        this.providers = providers;
        this.metrics = metrics;
    }

    /**
     * Puts, updates or deletes the policy of one Auto Scaling group capacity provider as its settings and cluster say;
     * nothing for FARGATE, FARGATE_SPOT or a provider that no longer exists.
     */
    public void apply(String provider) {
        EcsCapacityProviders.Provider p;
        try {
            p = providers.provider(provider);
        } catch (AwsException e) {
            return;
        }
        boolean wanted = "ENABLED".equals(p.managedScaling().statusAsString()) && p.cluster() != null;
        try {
            if (wanted) {
                String name = p.scalingPolicyName() != null
                        ? p.scalingPolicyName()
                        : "ECSManagedAutoScalingPolicy-" + UUID.randomUUID();
                metrics.run(); // ECS publishes the metric for the provider whether or not the policy is in place
                calls.call(put(p, name), PutScalingPolicyResponse.class);
                providers.scalingPolicy(p.name(), name, null);
            } else if (p.scalingPolicyName() != null) {
                delete(p);
                providers.scalingPolicy(p.name(), null, null);
            }
        } catch (AwsException e) {
            LOG.warn("ECS could not set up managed scaling of capacity provider {}: {}", p.name(), e.getMessage());
            providers.scalingPolicy(
                    p.name(),
                    p.scalingPolicyName(),
                    "Amazon EC2 Auto Scaling refused " + (wanted ? "PutScalingPolicy" : "DeletePolicy") + ": "
                            + e.errorCode() + ": " + e.getMessage());
        }
    }

    /** Deletes the policy of a provider that was deleted, if it had one. */
    public void removed(EcsCapacityProviders.Provider before) {
        if (before.scalingPolicyName() == null) {
            return;
        }
        try {
            delete(before);
        } catch (AwsException e) {
            LOG.warn(
                    "ECS could not delete the scaling policy of capacity provider {}: {}",
                    before.name(),
                    e.getMessage());
        }
    }

    private void delete(EcsCapacityProviders.Provider p) {
        try {
            calls.call(
                    DeletePolicyRequest.builder()
                            .autoScalingGroupName(p.groupName())
                            .policyName(p.scalingPolicyName())
                            .build(),
                    DeletePolicyResponse.class);
        } catch (AwsException e) {
            if (!"ValidationError".equals(e.errorCode())) {
                throw e; // the group (and its policies) may be gone already
            }
        }
    }

    static PutScalingPolicyRequest put(EcsCapacityProviders.Provider p, String policyName) {
        return PutScalingPolicyRequest.builder()
                .autoScalingGroupName(p.groupName())
                .policyName(policyName)
                .policyType("TargetTrackingScaling")
                .estimatedInstanceWarmup(p.managedScaling().instanceWarmupPeriod())
                .targetTrackingConfiguration(TargetTrackingConfiguration.builder()
                        .customizedMetricSpecification(CustomizedMetricSpecification.builder()
                                .namespace(NAMESPACE)
                                .metricName(METRIC)
                                .dimensions(
                                        MetricDimension.builder()
                                                .name("CapacityProviderName")
                                                .value(p.name())
                                                .build(),
                                        MetricDimension.builder()
                                                .name("ClusterName")
                                                .value(p.cluster())
                                                .build())
                                .statistic("Average")
                                .build())
                        .targetValue(p.managedScaling().targetCapacity().doubleValue())
                        .disableScaleIn(false)
                        .build())
                .build();
    }
}
