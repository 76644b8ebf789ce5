package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;

/**
 * DescribeListeners, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListeners.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class DescribeListeners extends ElbOperation
        implements Operation<DescribeListenersRequest, DescribeListenersResponse> {

    public DescribeListeners(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeListenersResponse call(DescribeListenersRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeListeners");
        var page = ElbErrors.PAGINATOR.page(
                backend.describeListeners(r.loadBalancerArn(), r.listenerArns()), r.pageSize(), r.marker());
        return DescribeListenersResponse.builder()
                .listeners(page.items())
                .nextMarker(page.nextToken())
                .build();
    }
}
