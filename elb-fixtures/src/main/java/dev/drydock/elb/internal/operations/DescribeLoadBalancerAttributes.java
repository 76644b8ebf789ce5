package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;

/**
 * DescribeLoadBalancerAttributes, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeLoadBalancerAttributes.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class DescribeLoadBalancerAttributes extends ElbOperation
        implements Operation<DescribeLoadBalancerAttributesRequest, DescribeLoadBalancerAttributesResponse> {

    public DescribeLoadBalancerAttributes(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeLoadBalancerAttributesResponse call(DescribeLoadBalancerAttributesRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeLoadBalancerAttributes");
        return DescribeLoadBalancerAttributesResponse.builder()
                .attributes(toList(backend.loadBalancerAttributes(r.loadBalancerArn())))
                .build();
    }

    static List<LoadBalancerAttribute> toList(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(e -> LoadBalancerAttribute.builder()
                        .key(e.getKey())
                        .value(e.getValue())
                        .build())
                .toList();
    }
}
