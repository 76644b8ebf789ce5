package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;

/**
 * DeleteTargetGroup, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteTargetGroup.html">the
 * Elastic Load Balancing API reference</a> describes it: refused with {@code ResourceInUse} while a listener or rule forwards to the group.
 */
public final class DeleteTargetGroup extends ElbOperation
        implements Operation<DeleteTargetGroupRequest, DeleteTargetGroupResponse> {

    public DeleteTargetGroup(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DeleteTargetGroupResponse call(DeleteTargetGroupRequest r, CallContext c) {
        authorizeOn(c, "DeleteTargetGroup", r.targetGroupArn());
        backend.deleteTargetGroup(r.targetGroupArn());
        return DeleteTargetGroupResponse.builder().build();
    }
}
