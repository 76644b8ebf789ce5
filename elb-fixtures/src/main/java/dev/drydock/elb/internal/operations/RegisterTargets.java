package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;

/**
 * RegisterTargets, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html">the
 * Elastic Load Balancing API reference</a> describes it: IP targets in Drydock's VPC, or with {@code AvailabilityZone=all} in other private ranges;
 * health checks start when a load balancer forwards to the group.
 */
public final class RegisterTargets extends ElbOperation
        implements Operation<RegisterTargetsRequest, RegisterTargetsResponse> {

    public RegisterTargets(ElbBackend backend) {
        super(backend);
    }

    @Override
    public RegisterTargetsResponse call(RegisterTargetsRequest r, CallContext c) {
        authorizeOn(c, "RegisterTargets", r.targetGroupArn());
        backend.registerTargets(r.targetGroupArn(), r.targets());
        return RegisterTargetsResponse.builder().build();
    }
}
