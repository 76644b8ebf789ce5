package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyResponse;

/**
 * DeletePolicy, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DeletePolicy.html">the EC2
 * Auto Scaling API reference</a> describes it: the policy named (by name with the group, or by ARN), and the alarms a
 * target tracking policy created with it ("Deleting a scaling policy deletes the underlying alarm action, but it does
 * not delete the CloudWatch alarm" holds for the alarms a user made: those stay). IAM: {@code autoscaling:DeletePolicy}
 * on the group's ARN.
 */
public final class DeletePolicy extends AutoScalingOperation
        implements Operation<DeletePolicyRequest, DeletePolicyResponse> {

    public DeletePolicy(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public DeletePolicyResponse call(DeletePolicyRequest r, CallContext c) {
        if (r.autoScalingGroupName() != null) {
            authorizeGroup(c, "DeletePolicy", r.autoScalingGroupName(), null, null);
        } else {
            authorizeAll(c, "DeletePolicy");
        }
        policies.delete(r.autoScalingGroupName(), r.policyName());
        return DeletePolicyResponse.builder().build();
    }
}
