package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;

/**
 * DescribeRules, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeRules.html">the
 * Elastic Load Balancing API reference</a> describes it: in priority order, the default rule last.
 */
public final class DescribeRules extends ElbOperation
        implements Operation<DescribeRulesRequest, DescribeRulesResponse> {

    public DescribeRules(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeRulesResponse call(DescribeRulesRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeRules");
        var page = ElbErrors.PAGINATOR.page(
                backend.describeRules(r.listenerArn(), r.ruleArns()), r.pageSize(), r.marker());
        return DescribeRulesResponse.builder()
                .rules(page.items())
                .nextMarker(page.nextToken())
                .build();
    }
}
