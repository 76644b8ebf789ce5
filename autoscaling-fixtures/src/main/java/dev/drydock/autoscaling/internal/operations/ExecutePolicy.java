package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyResponse;

/**
 * ExecutePolicy, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_ExecutePolicy.html">the EC2
 * Auto Scaling API reference</a> describes it: a simple scaling policy applies its adjustment (with HonorCooldown,
 * refused with {@code ScalingActivityInProgress} during the group's cooldown; AWS's default is not to honour it); a
 * step scaling policy needs MetricValue and BreachThreshold and applies the step they select; a target tracking policy
 * cannot be executed. IAM: {@code autoscaling:ExecutePolicy} on the group's ARN.
 */
public final class ExecutePolicy extends AutoScalingOperation
        implements Operation<ExecutePolicyRequest, ExecutePolicyResponse> {

    public ExecutePolicy(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public ExecutePolicyResponse call(ExecutePolicyRequest r, CallContext c) {
        if (r.autoScalingGroupName() != null) {
            authorizeGroup(c, "ExecutePolicy", r.autoScalingGroupName(), null, null);
        } else {
            authorizeAll(c, "ExecutePolicy");
        }
        policies.execute(
                r.autoScalingGroupName(),
                r.policyName(),
                Boolean.TRUE.equals(r.honorCooldown()),
                r.metricValue(),
                r.breachThreshold());
        return ExecutePolicyResponse.builder().build();
    }
}
