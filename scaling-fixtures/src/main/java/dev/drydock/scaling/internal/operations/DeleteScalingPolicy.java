package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.backend.TargetKey;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyResponse;

/**
 * DeleteScalingPolicy, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DeleteScalingPolicy.html">the Application
 * Auto Scaling API reference</a> describes it: the alarms target tracking created go with it; ObjectNotFoundException
 * for a policy that does not exist. IAM: {@code application-autoscaling:DeleteScalingPolicy}.
 */
public final class DeleteScalingPolicy extends ScalingOperation
        implements Operation<DeleteScalingPolicyRequest, DeleteScalingPolicyResponse> {

    public DeleteScalingPolicy(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public DeleteScalingPolicyResponse call(DeleteScalingPolicyRequest r, CallContext c) {
        TargetKey k = ScalingBackend.key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
        authorizeOn(c, "DeleteScalingPolicy", k);
        backend.deletePolicy(r.policyName(), k);
        return DeleteScalingPolicyResponse.builder().build();
    }
}
