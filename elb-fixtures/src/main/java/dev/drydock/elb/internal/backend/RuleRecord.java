package dev.drydock.elb.internal.backend;

import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/** One non-default rule of a listener. Changed only under the backend's lock. */
final class RuleRecord {
    final String arn;
    final ListenerRecord listener;
    int priority;
    List<RuleCondition> conditions;
    List<Action> actions;

    RuleRecord(
            String arn, ListenerRecord listener, int priority, List<RuleCondition> conditions, List<Action> actions) {
        this.arn = arn;
        this.listener = listener;
        this.priority = priority;
        this.conditions = conditions;
        this.actions = actions;
    }

    Rule toSdk() {
        return Rule.builder()
                .ruleArn(arn)
                .priority(Integer.toString(priority))
                .conditions(conditions)
                .actions(actions)
                .isDefault(false)
                .build();
    }

    /** The listener's default rule, as DescribeRules shows it. */
    static Rule defaultRule(ListenerRecord listener) {
        return Rule.builder()
                .ruleArn(listener.defaultRuleArn)
                .priority("default")
                .conditions(List.of())
                .actions(listener.defaultActions)
                .isDefault(true)
                .build();
    }
}
