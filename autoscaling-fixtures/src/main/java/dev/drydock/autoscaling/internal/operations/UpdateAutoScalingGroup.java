package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.AutoScalingErrors;
import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.VpcModel;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * UpdateAutoScalingGroup, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_UpdateAutoScalingGroup.html">the
 * EC2 Auto Scaling API reference</a> describes it: sizes (a new MinSize above the group's size without
 * DesiredCapacity raises the desired capacity to it; a new MaxSize below lowers it), LaunchTemplate (for instances
 * launched from then on) or MixedInstancesPolicy (replacing one another, not both in one request: AWS's "Valid
 * requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy
 * parameter."), zones and subnets, DefaultCooldown, HealthCheckType, HealthCheckGracePeriod,
 * NewInstancesProtectedFromScaleIn. Instances in zones no longer in the group are not rebalanced yet. IAM:
 * {@code autoscaling:UpdateAutoScalingGroup} on the group's ARN.
 */
public final class UpdateAutoScalingGroup extends AutoScalingOperation
        implements Operation<UpdateAutoScalingGroupRequest, UpdateAutoScalingGroupResponse> {

    public UpdateAutoScalingGroup(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public UpdateAutoScalingGroupResponse call(UpdateAutoScalingGroupRequest r, CallContext c) {
        authorizeGroup(c, "UpdateAutoScalingGroup", r.autoScalingGroupName(), r.minSize(), r.maxSize());
        if (Stream.of(r.launchTemplate(), r.mixedInstancesPolicy(), r.launchConfigurationName())
                        .filter(Objects::nonNull)
                        .count()
                > 1) {
            throw AutoScalingErrors.oneLaunchSource();
        }
        if (r.launchConfigurationName() != null) {
            throw AutoScalingErrors.launchTemplateOnly();
        }
        groups.update(
                r.autoScalingGroupName(),
                new AutoScalingGroups.Settings(
                        r.launchTemplate(),
                        r.mixedInstancesPolicy(),
                        r.minSize(),
                        r.maxSize(),
                        r.desiredCapacity(),
                        r.hasAvailabilityZones() ? r.availabilityZones() : null,
                        r.vpcZoneIdentifier(),
                        r.defaultCooldown(),
                        r.healthCheckType(),
                        r.healthCheckGracePeriod(),
                        r.newInstancesProtectedFromScaleIn(),
                        r.defaultInstanceWarmup()),
                zonesOf(r.vpcZoneIdentifier(), r.availabilityZones()));
        return UpdateAutoScalingGroupResponse.builder().build();
    }
}
