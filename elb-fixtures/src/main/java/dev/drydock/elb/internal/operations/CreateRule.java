package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;

/**
 * CreateRule, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html">the
 * Elastic Load Balancing API reference</a> describes it: conditions path-pattern, host-header, http-header, http-request-method, query-string and
 * source-ip; actions forward (weighted target groups), redirect and fixed-response; a priority in use is refused.
 */
public final class CreateRule extends ElbOperation implements Operation<CreateRuleRequest, CreateRuleResponse> {

    public CreateRule(ElbBackend backend) {
        super(backend);
    }

    @Override
    public CreateRuleResponse call(CreateRuleRequest r, CallContext c) {
        c.authorize(
                PREFIX + "CreateRule", r.listenerArn(), resourceKeys(r.listenerArn(), TagConditions.request(r.tags())));
        authorizeTagOnCreate(c, r.listenerArn().replace(":listener/", ":listener-rule/") + "/*", r.tags());
        return CreateRuleResponse.builder().rules(backend.createRule(r)).build();
    }
}
