package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;

/**
 * DeleteAutoScalingGroup, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DeleteAutoScalingGroup.html">the
 * EC2 Auto Scaling API reference</a> describes it: a group with instances answers {@code ResourceInUse} unless
 * ForceDelete, which terminates them with it; its scaling policies are deleted with their alarms. IAM: {@code autoscaling:DeleteAutoScalingGroup} on the group's ARN.
 */
public final class DeleteAutoScalingGroup extends AutoScalingOperation
        implements Operation<DeleteAutoScalingGroupRequest, DeleteAutoScalingGroupResponse> {

    public DeleteAutoScalingGroup(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public DeleteAutoScalingGroupResponse call(DeleteAutoScalingGroupRequest r, CallContext c) {
        authorizeGroup(c, "DeleteAutoScalingGroup", r.autoScalingGroupName(), null, null);
        groups.delete(r.autoScalingGroupName(), Boolean.TRUE.equals(r.forceDelete()));
        policies.groupDeleted(r.autoScalingGroupName());
        return DeleteAutoScalingGroupResponse.builder().build();
    }
}
