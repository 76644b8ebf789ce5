package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupResponse;

/**
 * ModifyTargetGroup, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyTargetGroup.html">the
 * Elastic Load Balancing API reference</a> describes it: new health check settings take effect at the next check.
 */
public final class ModifyTargetGroup extends ElbOperation
        implements Operation<ModifyTargetGroupRequest, ModifyTargetGroupResponse> {

    public ModifyTargetGroup(ElbBackend backend) {
        super(backend);
    }

    @Override
    public ModifyTargetGroupResponse call(ModifyTargetGroupRequest r, CallContext c) {
        authorizeOn(c, "ModifyTargetGroup", r.targetGroupArn());
        return ModifyTargetGroupResponse.builder()
                .targetGroups(backend.modifyTargetGroup(r))
                .build();
    }
}
