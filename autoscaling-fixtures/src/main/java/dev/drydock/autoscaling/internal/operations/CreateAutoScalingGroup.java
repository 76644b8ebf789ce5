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
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;

/**
 * CreateAutoScalingGroup, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html">the
 * EC2 Auto Scaling API reference</a> describes it: MinSize, MaxSize, DesiredCapacity (MinSize when left out), a
 * LaunchTemplate by id or name and version ({@code $Default} when left out, {@code $Latest}, a number) or a
 * MixedInstancesPolicy (its launch template and instance type overrides: instances get the first override's type, as
 * the default {@code prioritized} allocation launches them), AvailabilityZones and/or VPCZoneIdentifier subnets,
 * DefaultCooldown, HealthCheckType, HealthCheckGracePeriod, NewInstancesProtectedFromScaleIn; the desired capacity is
 * launched at once. Exactly one of LaunchTemplate, MixedInstancesPolicy, LaunchConfigurationName and InstanceId is
 * taken, as the API reference's LaunchTemplate member says ("Conditional: You must specify either a launch template
 * (LaunchTemplate or MixedInstancesPolicy) or a launch configuration (LaunchConfigurationName or InstanceId)"), with
 * AWS's "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or
 * MixedInstancesPolicy parameter." otherwise. Refused with a message saying so: LaunchConfigurationName (AWS no
 * longer offers launch configurations to new accounts), InstanceId, instance weights, InstanceRequirements. Not modelled: load balancers and target groups, tags, lifecycle hooks, warm pools. IAM:
 * {@code autoscaling:CreateAutoScalingGroup} on the group's ARN with {@code autoscaling:MinSize}/{@code MaxSize}.
 */
public final class CreateAutoScalingGroup extends AutoScalingOperation
        implements Operation<CreateAutoScalingGroupRequest, CreateAutoScalingGroupResponse> {

    public CreateAutoScalingGroup(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public CreateAutoScalingGroupResponse call(CreateAutoScalingGroupRequest r, CallContext c) {
        authorizeGroup(c, "CreateAutoScalingGroup", r.autoScalingGroupName(), r.minSize(), r.maxSize());
        long sources = Stream.of(
                        r.launchTemplate(), r.mixedInstancesPolicy(), r.launchConfigurationName(), r.instanceId())
                .filter(Objects::nonNull)
                .count();
        if (sources != 1) {
            throw AutoScalingErrors.oneLaunchSource();
        }
        if (r.launchConfigurationName() != null || r.instanceId() != null) {
            throw AutoScalingErrors.launchTemplateOnly();
        }
        groups.create(
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
        return CreateAutoScalingGroupResponse.builder().build();
    }
}
