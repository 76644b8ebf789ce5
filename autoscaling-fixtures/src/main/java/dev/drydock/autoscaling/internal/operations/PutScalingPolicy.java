package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;

/**
 * PutScalingPolicy, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html">the
 * EC2 Auto Scaling API reference</a> describes it: SimpleScaling (the default), StepScaling and TargetTrackingScaling
 * (predefined or customized metric; its CloudWatch alarms are created and answered in {@code Alarms}); a policy of the
 * same name is replaced, keeping its ARN
 * ({@code arn:aws:autoscaling:<region>:<account>:scalingPolicy:<uuid>:autoScalingGroupName/<group>:policyName/<name>}).
 * What each type does is {@link ScalingPolicies}'. PredictiveScaling is refused with a message. IAM:
 * {@code autoscaling:PutScalingPolicy} on the group's ARN.
 */
public final class PutScalingPolicy extends AutoScalingOperation
        implements Operation<PutScalingPolicyRequest, PutScalingPolicyResponse> {

    public PutScalingPolicy(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public PutScalingPolicyResponse call(PutScalingPolicyRequest r, CallContext c) {
        authorizeGroup(c, "PutScalingPolicy", r.autoScalingGroupName(), null, null);
        ScalingPolicy p = policies.put(r);
        return PutScalingPolicyResponse.builder()
                .policyARN(p.policyARN())
                .alarms(p.alarms())
                .build();
    }
}
