package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;

/**
 * DescribeTargetGroups, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetGroups.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class DescribeTargetGroups extends ElbOperation
        implements Operation<DescribeTargetGroupsRequest, DescribeTargetGroupsResponse> {

    public DescribeTargetGroups(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeTargetGroupsResponse call(DescribeTargetGroupsRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeTargetGroups");
        var page = ElbErrors.PAGINATOR.page(
                backend.describeTargetGroups(r.loadBalancerArn(), r.targetGroupArns(), r.names()),
                r.pageSize(),
                r.marker());
        return DescribeTargetGroupsResponse.builder()
                .targetGroups(page.items())
                .nextMarker(page.nextToken())
                .build();
    }
}
