package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * DescribeTargetGroupAttributes, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetGroupAttributes.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class DescribeTargetGroupAttributes extends ElbOperation
        implements Operation<DescribeTargetGroupAttributesRequest, DescribeTargetGroupAttributesResponse> {

    public DescribeTargetGroupAttributes(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeTargetGroupAttributesResponse call(DescribeTargetGroupAttributesRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeTargetGroupAttributes");
        return DescribeTargetGroupAttributesResponse.builder()
                .attributes(toList(backend.targetGroupAttributes(r.targetGroupArn())))
                .build();
    }

    static List<TargetGroupAttribute> toList(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(e -> TargetGroupAttribute.builder()
                        .key(e.getKey())
                        .value(e.getValue())
                        .build())
                .toList();
    }
}
