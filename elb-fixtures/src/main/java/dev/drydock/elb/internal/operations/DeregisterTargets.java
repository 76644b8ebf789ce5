package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;

/**
 * DeregisterTargets, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeregisterTargets.html">the
 * Elastic Load Balancing API reference</a> describes it: the target drains ({@code draining}) for the deregistration delay, then is gone.
 */
public final class DeregisterTargets extends ElbOperation
        implements Operation<DeregisterTargetsRequest, DeregisterTargetsResponse> {

    public DeregisterTargets(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DeregisterTargetsResponse call(DeregisterTargetsRequest r, CallContext c) {
        authorizeOn(c, "DeregisterTargets", r.targetGroupArn());
        backend.deregisterTargets(r.targetGroupArn(), r.targets());
        return DeregisterTargetsResponse.builder().build();
    }
}
