package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;

/**
 * DescribeLoadBalancers, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeLoadBalancers.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class DescribeLoadBalancers extends ElbOperation
        implements Operation<DescribeLoadBalancersRequest, DescribeLoadBalancersResponse> {

    public DescribeLoadBalancers(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeLoadBalancersResponse call(DescribeLoadBalancersRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeLoadBalancers");
        var page = ElbErrors.PAGINATOR.page(
                backend.describeLoadBalancers(r.loadBalancerArns(), r.names()), r.pageSize(), r.marker());
        return DescribeLoadBalancersResponse.builder()
                .loadBalancers(page.items())
                .nextMarker(page.nextToken())
                .build();
    }
}
