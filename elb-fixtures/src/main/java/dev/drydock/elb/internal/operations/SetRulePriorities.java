package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesResponse;

/**
 * SetRulePriorities, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetRulePriorities.html">the
 * Elastic Load Balancing API reference</a> describes it: every pair is checked before any priority changes.
 */
public final class SetRulePriorities extends ElbOperation
        implements Operation<SetRulePrioritiesRequest, SetRulePrioritiesResponse> {

    public SetRulePriorities(ElbBackend backend) {
        super(backend);
    }

    @Override
    public SetRulePrioritiesResponse call(SetRulePrioritiesRequest r, CallContext c) {
        for (RulePriorityPair p : r.rulePriorities()) {
            authorizeOn(c, "SetRulePriorities", p.ruleArn());
        }
        return SetRulePrioritiesResponse.builder()
                .rules(backend.setRulePriorities(r.rulePriorities()))
                .build();
    }
}
