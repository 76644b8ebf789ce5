package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.AutoScalingErrors;
import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityResponse;

/**
 * SetDesiredCapacity, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetDesiredCapacity.html">the
 * EC2 Auto Scaling API reference</a> describes it: within the group's min and max ("New SetDesiredCapacity value N is
 * above max value M for the AutoScalingGroup."), launching or terminating instances at once. With HonorCooldown,
 * refused with {@code ScalingActivityInProgress} during the cooldown a simple scaling policy started. IAM:
 * {@code autoscaling:SetDesiredCapacity} on the group's ARN.
 */
public final class SetDesiredCapacity extends AutoScalingOperation
        implements Operation<SetDesiredCapacityRequest, SetDesiredCapacityResponse> {

    public SetDesiredCapacity(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public SetDesiredCapacityResponse call(SetDesiredCapacityRequest r, CallContext c) {
        authorizeGroup(c, "SetDesiredCapacity", r.autoScalingGroupName(), null, null);
        if (Boolean.TRUE.equals(r.honorCooldown()) && policies.inCooldown(r.autoScalingGroupName())) {
            throw AutoScalingErrors.scalingActivityInProgress("Scaling activity is in progress for Auto Scaling group "
                    + r.autoScalingGroupName() + ": its cooldown has not ended yet.");
        }
        groups.setDesiredCapacity(r.autoScalingGroupName(), r.desiredCapacity());
        return SetDesiredCapacityResponse.builder().build();
    }
}
