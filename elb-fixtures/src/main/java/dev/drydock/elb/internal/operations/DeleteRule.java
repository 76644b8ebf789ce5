package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleResponse;

/**
 * DeleteRule, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteRule.html">the
 * Elastic Load Balancing API reference</a> describes it: a listener's default rule cannot be deleted.
 */
public final class DeleteRule extends ElbOperation implements Operation<DeleteRuleRequest, DeleteRuleResponse> {

    public DeleteRule(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DeleteRuleResponse call(DeleteRuleRequest r, CallContext c) {
        authorizeOn(c, "DeleteRule", r.ruleArn());
        backend.deleteRule(r.ruleArn());
        return DeleteRuleResponse.builder().build();
    }
}
