package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;

/**
 * DeleteLoadBalancer, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteLoadBalancer.html">the
 * Elastic Load Balancing API reference</a> describes it: with its listeners and rules; deleting a load balancer that does not exist succeeds.
 */
public final class DeleteLoadBalancer extends ElbOperation
        implements Operation<DeleteLoadBalancerRequest, DeleteLoadBalancerResponse> {

    public DeleteLoadBalancer(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DeleteLoadBalancerResponse call(DeleteLoadBalancerRequest r, CallContext c) {
        authorizeOn(c, "DeleteLoadBalancer", r.loadBalancerArn());
        backend.deleteLoadBalancer(r.loadBalancerArn());
        return DeleteLoadBalancerResponse.builder().build();
    }
}
