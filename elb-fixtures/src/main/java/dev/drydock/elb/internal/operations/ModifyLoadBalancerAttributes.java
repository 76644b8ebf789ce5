package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesResponse;

/**
 * ModifyLoadBalancerAttributes, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyLoadBalancerAttributes.html">the
 * Elastic Load Balancing API reference</a> describes it: Drydock acts on {@code idle_timeout.timeout_seconds} and {@code deletion_protection.enabled}; other known keys are kept.
 */
public final class ModifyLoadBalancerAttributes extends ElbOperation
        implements Operation<ModifyLoadBalancerAttributesRequest, ModifyLoadBalancerAttributesResponse> {

    public ModifyLoadBalancerAttributes(ElbBackend backend) {
        super(backend);
    }

    @Override
    public ModifyLoadBalancerAttributesResponse call(ModifyLoadBalancerAttributesRequest r, CallContext c) {
        authorizeOn(c, "ModifyLoadBalancerAttributes", r.loadBalancerArn());
        Map<String, String> changes = new LinkedHashMap<>();
        for (LoadBalancerAttribute a : r.attributes()) {
            changes.put(a.key(), a.value());
        }
        return ModifyLoadBalancerAttributesResponse.builder()
                .attributes(DescribeLoadBalancerAttributes.toList(
                        backend.modifyLoadBalancerAttributes(r.loadBalancerArn(), changes)))
                .build();
    }
}
