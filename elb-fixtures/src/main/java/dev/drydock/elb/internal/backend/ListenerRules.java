package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagStore;
import dev.drydock.elb.internal.ElbErrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;

/**
 * The rules of the model's listeners (Application Load Balancers): creation at a free priority, changes of
 * conditions, actions and priorities, and the default rule each listener has. A change gives the listener's proxy its
 * new routes. Guarded by the backend's lock: callers hold it.
 */
final class ListenerRules {
    private static final int MAX_RULES_PER_LISTENER = 100;

    private final ElbArns arns;
    private final TagStore tags;
    private final Listeners listeners;
    private final TargetGroups targetGroups;
    private final Map<String, RuleRecord> rules = new HashMap<>();

    ListenerRules(ElbArns arns, TagStore tags, Listeners listeners, TargetGroups targetGroups) {
        this.arns = arns;
        this.tags = tags;
        this.listeners = listeners;
        this.targetGroups = targetGroups;
    }

    /** CreateRule: a rule at a free priority. */
    Rule createRule(CreateRuleRequest r) {
        ListenerRecord l = listeners.get(r.listenerArn());
        if (!l.loadBalancer.application()) {
            throw ElbErrors.validation("Rules can only be created for listeners of Application Load Balancers");
        }
        int priority = r.priority();
        for (RuleRecord other : l.rules) {
            if (other.priority == priority) {
                throw ElbErrors.priorityInUse(priority);
            }
        }
        if (l.rules.size() >= MAX_RULES_PER_LISTENER) {
            throw ElbErrors.tooManyRules();
        }
        List<RuleCondition> conditions = ActionRules.conditions(r.conditions());
        List<Action> actions = ActionRules.check(r.actions(), true, targetGroups::find);
        listeners.checkAssociations(l.loadBalancer, actions);
        Map<String, String> requestTags = RequestChecks.tags(r.tags());
        RuleRecord rule = new RuleRecord(arns.rule(l, ElbArns.newId()), l, priority, conditions, actions);
        l.rules.add(rule);
        rules.put(rule.arn, rule);
        tags.put(rule.arn, requestTags);
        listeners.recomputeUsage();
        listeners.updateRoutes(l);
        return rule.toSdk();
    }

    /** ModifyRule: new conditions and/or actions. */
    Rule modifyRule(String ruleArn, List<RuleCondition> conditions, List<Action> actions) {
        RuleRecord rule = rule(ruleArn);
        if (rule == null) {
            throw ElbErrors.operationNotPermitted("The default rule's conditions cannot be modified: change the "
                    + "listener's default actions with ModifyListener");
        }
        List<RuleCondition> c =
                conditions == null || conditions.isEmpty() ? rule.conditions : ActionRules.conditions(conditions);
        List<Action> a = actions == null || actions.isEmpty()
                ? rule.actions
                : ActionRules.check(actions, true, targetGroups::find);
        listeners.checkAssociations(rule.listener.loadBalancer, a);
        rule.conditions = c;
        rule.actions = a;
        listeners.recomputeUsage();
        listeners.updateRoutes(rule.listener);
        return rule.toSdk();
    }

    /**
     * SetRulePriorities: every pair checked first (rules exist, none is a default rule, no priority given twice or
     * held by another rule of the listener), then all set.
     */
    List<Rule> setRulePriorities(List<RulePriorityPair> pairs) {
        Map<RuleRecord, Integer> changes = new LinkedHashMap<>();
        for (RulePriorityPair p : pairs) {
            RuleRecord rule = rule(p.ruleArn());
            if (rule == null) {
                throw ElbErrors.operationNotPermitted("The default rule's priority cannot be changed");
            }
            if (p.priority() == null) {
                throw ElbErrors.validation("A priority must be specified for rule '" + p.ruleArn() + "'");
            }
            if (changes.containsValue(p.priority())) {
                throw ElbErrors.validation("Priority '" + p.priority() + "' was provided multiple times");
            }
            changes.put(rule, p.priority());
        }
        for (var e : changes.entrySet()) {
            for (RuleRecord other : e.getKey().listener.rules) {
                if (!changes.containsKey(other) && other.priority == e.getValue()) {
                    throw ElbErrors.priorityInUse(e.getValue());
                }
            }
        }
        Set<ListenerRecord> touched = new HashSet<>();
        List<Rule> result = new ArrayList<>();
        changes.forEach((rule, priority) -> {
            rule.priority = priority;
            touched.add(rule.listener);
            result.add(rule.toSdk());
        });
        touched.forEach(listeners::updateRoutes);
        return result;
    }

    /** DescribeRules: of a listener (priority order, default last), or by ARN. */
    List<Rule> describeRules(String listenerArn, List<String> ruleArns) {
        if (listenerArn == null && (ruleArns == null || ruleArns.isEmpty())) {
            throw ElbErrors.validation("You must specify either listener rule ARNs or a listener ARN");
        }
        if (listenerArn != null && ruleArns != null && !ruleArns.isEmpty()) {
            throw ElbErrors.validation("Listener rule ARNs and a listener ARN cannot be specified at the same time");
        }
        List<Rule> result = new ArrayList<>();
        if (listenerArn != null) {
            ListenerRecord l = listeners.get(listenerArn);
            List<RuleRecord> sorted = new ArrayList<>(l.rules);
            sorted.sort(Comparator.comparingInt(x -> x.priority));
            sorted.forEach(x -> result.add(x.toSdk()));
            result.add(RuleRecord.defaultRule(l));
            return result;
        }
        for (String arn : ruleArns) {
            RuleRecord rule = rule(arn);
            result.add(rule != null ? rule.toSdk() : RuleRecord.defaultRule(defaultRuleOwner(arn)));
        }
        return result;
    }

    /** Forgets a listener's rules and their tags, when the listener goes. */
    void forget(ListenerRecord l) {
        for (RuleRecord rule : l.rules) {
            rules.remove(rule.arn);
            tags.remove(rule.arn);
        }
    }

    /** DeleteRule. */
    void deleteRule(String ruleArn) {
        RuleRecord rule = rule(ruleArn);
        if (rule == null) {
            throw ElbErrors.operationNotPermitted("Default rule '" + ruleArn + "' cannot be deleted");
        }
        rule.listener.rules.remove(rule);
        rules.remove(ruleArn);
        tags.remove(ruleArn);
        listeners.recomputeUsage();
        listeners.updateRoutes(rule.listener);
    }

    /**
     * A rule by ARN: the rule, or {@code null} for a listener's default rule.
     *
     * @throws AwsException {@code RuleNotFound} when there is neither
     */
    RuleRecord rule(String arn) {
        RuleRecord rule = arn == null ? null : rules.get(arn);
        if (rule == null) {
            defaultRuleOwner(arn);
        }
        return rule;
    }

    private ListenerRecord defaultRuleOwner(String arn) {
        for (ListenerRecord l : listeners.all()) {
            if (l.defaultRuleArn.equals(arn)) {
                return l;
            }
        }
        throw ElbErrors.ruleNotFound();
    }

    /** The listener a rule ARN belongs to, for authorization. */
    String listenerOfRule(String ruleArn) {
        RuleRecord rule = rule(ruleArn);
        return rule != null ? rule.listener.arn : defaultRuleOwner(ruleArn).arn;
    }
}
