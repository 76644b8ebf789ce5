package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;

/**
 * DescribeTargetHealth, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetHealth.html">the
 * Elastic Load Balancing API reference</a> describes it: the states and reason codes of the TargetHealth reference, from real health checks.
 */
public final class DescribeTargetHealth extends ElbOperation
        implements Operation<DescribeTargetHealthRequest, DescribeTargetHealthResponse> {

    public DescribeTargetHealth(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeTargetHealthResponse call(DescribeTargetHealthRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeTargetHealth");
        return DescribeTargetHealthResponse.builder()
                .targetHealthDescriptions(backend.describeTargetHealth(r.targetGroupArn(), r.targets())
                        .descriptions())
                .build();
    }
}
