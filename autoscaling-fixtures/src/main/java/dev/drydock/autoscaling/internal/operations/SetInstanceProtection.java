package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionResponse;

/**
 * SetInstanceProtection, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetInstanceProtection.html">the
 * EC2 Auto Scaling API reference</a> describes it: sets or clears the scale-in protection of InService instances of the
 * group (all or none: an instance not in the group, or not InService, refuses the whole request); scale-in never
 * terminates a protected instance, and instances kept above the desired capacity by their protection are terminated
 * when it is cleared. IAM: {@code autoscaling:SetInstanceProtection} on the group's ARN.
 */
public final class SetInstanceProtection extends AutoScalingOperation
        implements Operation<SetInstanceProtectionRequest, SetInstanceProtectionResponse> {

    public SetInstanceProtection(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public SetInstanceProtectionResponse call(SetInstanceProtectionRequest r, CallContext c) {
        authorizeGroup(c, "SetInstanceProtection", r.autoScalingGroupName(), null, null);
        groups.setInstanceProtection(r.autoScalingGroupName(), r.instanceIds(), r.protectedFromScaleIn());
        return SetInstanceProtectionResponse.builder().build();
    }
}
