package dev.drydock.autoscaling.internal.backend;

import static dev.drydock.autoscaling.internal.AutoScalingErrors.validation;

import dev.drydock.core.spi.LaunchTemplateSource.LaunchSpec;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.autoscaling.model.InstancesDistribution;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplate;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;

/**
 * A group's MixedInstancesPolicy as far as the instance type is concerned
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_MixedInstancesPolicy.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-mixed-instances-groups.html): its
 * LaunchTemplate.LaunchTemplateSpecification, and Overrides each naming an InstanceType and, optionally, a launch
 * template of its own. Instances are launched with the first override's type: OnDemandAllocationStrategy
 * {@code prioritized} ("the default value for Auto Scaling groups that don't specify InstanceRequirements",
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html) launches the highest
 * priority type first and moves to the next only when capacity runs out, which in Drydock it never does. Drydock has no
 * prices, so {@code lowest-price} launches in the same order. Spot and On-Demand are not told apart: the
 * InstancesDistribution is kept and echoed with AWS's defaults. WeightedCapacity other than 1 and InstanceRequirements
 * are refused with a message saying so.
 */
final class MixedInstances {

    private MixedInstances() {}

    /**
     * Checks a policy and every launch template it names.
     *
     * @param resolve resolves a launch template reference as a plain LaunchTemplate is resolved (throws ValidationError)
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} naming the member at fault
     */
    static void check(MixedInstancesPolicy policy, Function<LaunchTemplateSpecification, LaunchSpec> resolve) {
        LaunchTemplate lt = policy.launchTemplate();
        if (lt == null || lt.launchTemplateSpecification() == null) {
            throw validation("MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification is required: name the "
                    + "launch template by LaunchTemplateId or LaunchTemplateName (and Version).");
        }
        resolve.apply(lt.launchTemplateSpecification());
        List<LaunchTemplateOverrides> overrides = lt.hasOverrides() ? lt.overrides() : List.of();
        for (int i = 0; i < overrides.size(); i++) {
            LaunchTemplateOverrides o = overrides.get(i);
            String member = "MixedInstancesPolicy.LaunchTemplate.Overrides.member." + (i + 1);
            if (o.instanceRequirements() != null) {
                throw validation(member + ".InstanceRequirements: Drydock does not support attribute-based instance "
                        + "type selection yet: name the type in InstanceType instead.");
            }
            if (o.instanceType() == null || o.instanceType().isBlank()) {
                throw validation(member + ": an override must specify InstanceType.");
            }
            if (o.weightedCapacity() != null && !o.weightedCapacity().equals("1")) {
                throw validation(member + ".WeightedCapacity is " + o.weightedCapacity() + ": Drydock does not "
                        + "support instance weights yet (every instance counts as one unit of capacity): leave "
                        + "WeightedCapacity out or set it to 1.");
            }
            if (o.launchTemplateSpecification() != null) {
                resolve.apply(o.launchTemplateSpecification());
            }
        }
    }

    /**
     * What the next instance is launched with: the highest priority override's instance type, from the override's
     * launch template when it names one, else the policy's; the launch template's own type when there are no
     * overrides.
     */
    static LaunchSpec next(MixedInstancesPolicy policy, Function<LaunchTemplateSpecification, LaunchSpec> resolve) {
        LaunchTemplate lt = policy.launchTemplate();
        if (!lt.hasOverrides() || lt.overrides().isEmpty()) {
            return resolve.apply(lt.launchTemplateSpecification());
        }
        LaunchTemplateOverrides first = lt.overrides().get(0);
        LaunchSpec spec = resolve.apply(
                first.launchTemplateSpecification() != null
                        ? first.launchTemplateSpecification()
                        : lt.launchTemplateSpecification());
        return new LaunchSpec(
                spec.launchTemplateId(),
                spec.launchTemplateName(),
                spec.version(),
                first.instanceType(),
                spec.imageId(),
                spec.iamInstanceProfile(),
                spec.userData());
    }

    /**
     * The policy as DescribeAutoScalingGroups shows it: InstancesDistribution with AWS's defaults for members left
     * out (OnDemandAllocationStrategy {@code prioritized}, OnDemandBaseCapacity 0, OnDemandPercentageAboveBaseCapacity
     * 100, SpotAllocationStrategy {@code lowest-price}, SpotInstancePools 2 with it).
     */
    static MixedInstancesPolicy described(MixedInstancesPolicy policy) {
        InstancesDistribution d = policy.instancesDistribution() == null
                ? InstancesDistribution.builder().build()
                : policy.instancesDistribution();
        String spot = d.spotAllocationStrategy() == null ? "lowest-price" : d.spotAllocationStrategy();
        return policy.toBuilder()
                .instancesDistribution(d.toBuilder()
                        .onDemandAllocationStrategy(
                                d.onDemandAllocationStrategy() == null ? "prioritized" : d.onDemandAllocationStrategy())
                        .onDemandBaseCapacity(d.onDemandBaseCapacity() == null ? 0 : d.onDemandBaseCapacity())
                        .onDemandPercentageAboveBaseCapacity(
                                d.onDemandPercentageAboveBaseCapacity() == null
                                        ? 100
                                        : d.onDemandPercentageAboveBaseCapacity())
                        .spotAllocationStrategy(spot)
                        .spotInstancePools(
                                d.spotInstancePools() == null && spot.equals("lowest-price")
                                        ? Integer.valueOf(2)
                                        : d.spotInstancePools())
                        .build())
                .build();
    }
}
