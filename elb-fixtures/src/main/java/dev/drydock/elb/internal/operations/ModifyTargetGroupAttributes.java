package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * ModifyTargetGroupAttributes, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyTargetGroupAttributes.html">the
 * Elastic Load Balancing API reference</a> describes it: Drydock acts on {@code deregistration_delay.timeout_seconds},
 * {@code deregistration_delay.connection_termination.enabled} and {@code load_balancing.algorithm.type}
 * ({@code round_robin}, {@code least_outstanding_requests}); other known keys are kept.
 */
public final class ModifyTargetGroupAttributes extends ElbOperation
        implements Operation<ModifyTargetGroupAttributesRequest, ModifyTargetGroupAttributesResponse> {

    public ModifyTargetGroupAttributes(ElbBackend backend) {
        super(backend);
    }

    @Override
    public ModifyTargetGroupAttributesResponse call(ModifyTargetGroupAttributesRequest r, CallContext c) {
        authorizeOn(c, "ModifyTargetGroupAttributes", r.targetGroupArn());
        Map<String, String> changes = new LinkedHashMap<>();
        for (TargetGroupAttribute a : r.attributes()) {
            changes.put(a.key(), a.value());
        }
        return ModifyTargetGroupAttributesResponse.builder()
                .attributes(DescribeTargetGroupAttributes.toList(
                        backend.modifyTargetGroupAttributes(r.targetGroupArn(), changes)))
                .build();
    }
}
