package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleResponse;

/**
 * ModifyRule, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyRule.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class ModifyRule extends ElbOperation implements Operation<ModifyRuleRequest, ModifyRuleResponse> {

    public ModifyRule(ElbBackend backend) {
        super(backend);
    }

    @Override
    public ModifyRuleResponse call(ModifyRuleRequest r, CallContext c) {
        authorizeOn(c, "ModifyRule", r.ruleArn());
        return ModifyRuleResponse.builder()
                .rules(backend.modifyRule(r.ruleArn(), r.conditions(), r.actions()))
                .build();
    }
}
