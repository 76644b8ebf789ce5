package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.Cidr;
import dev.drydock.elb.internal.ElbErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * The rules for listener actions and rule conditions that the model cannot state, as "Listener rules for your
 * Application Load Balancer" (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html)
 * and the Action and RuleCondition references lay them down: one terminal action (forward, redirect or fixed-response)
 * and it last; forward to one target group or up to five with weights of 0 to 999; network load balancers forward
 * only; conditions of the known fields, at most five condition values per rule, each field once.
 */
final class ActionRules {
    private static final Set<String> FIELDS =
            Set.of("path-pattern", "host-header", "http-header", "http-request-method", "query-string", "source-ip");

    private ActionRules() {}

    /**
     * Checks actions and answers them with their {@code Order} filled in and a lone {@code TargetGroupArn} also given
     * as a forward config, as DescribeListeners and DescribeRules show them.
     *
     * @param application whether the listener is an Application Load Balancer's
     * @param targetGroup a target group ARN's record, or {@code null} when there is none
     * @throws dev.drydock.core.spi.AwsException the error AWS answers
     */
    static List<Action> check(
            List<Action> actions, boolean application, Function<String, TargetGroupRecord> targetGroup) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.validation("An action must be specified");
        }
        if (actions.size() > 5) {
            throw ElbErrors.tooManyActions();
        }
        List<Action> sorted = new ArrayList<>(actions);
        boolean ordered = actions.stream().allMatch(a -> a.order() != null);
        if (ordered) {
            sorted.sort((a, b) -> Integer.compare(a.order(), b.order()));
            Set<Integer> orders = new HashSet<>();
            for (Action a : sorted) {
                if (!orders.add(a.order())) {
                    throw ElbErrors.validation("Action order '" + a.order() + "' was provided multiple times");
                }
            }
        } else if (actions.size() > 1) {
            throw ElbErrors.validation("An action order must be specified when there are multiple actions");
        }
        List<Action> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Action a = sorted.get(i);
            boolean last = i == sorted.size() - 1;
            ActionTypeEnum type = a.type();
            if (type == null || type == ActionTypeEnum.UNKNOWN_TO_SDK_VERSION) {
                throw ElbErrors.validation("An action type must be one of 'forward, redirect, fixed-response'");
            }
            if (type == ActionTypeEnum.AUTHENTICATE_OIDC || type == ActionTypeEnum.AUTHENTICATE_COGNITO) {
                throw ElbErrors.invalidAction("Action type '" + a.typeAsString() + "' is only supported on HTTPS "
                        + "listeners, which Drydock does not serve: use forward, redirect or fixed-response.");
            }
            if (!last) {
                throw ElbErrors.invalidAction("Action type '" + a.typeAsString() + "' must be the last action");
            }
            if (!application && type != ActionTypeEnum.FORWARD) {
                throw ElbErrors.invalidAction(
                        "Action type '" + a.typeAsString() + "' is not supported for network load balancers");
            }
            Action.Builder b = a.toBuilder().order(ordered ? a.order() : i + 1);
            switch (type) {
                case FORWARD -> forward(a, b, application, targetGroup);
                case FIXED_RESPONSE -> {
                    if (a.fixedResponseConfig() == null) {
                        throw ElbErrors.validation(
                                "A fixed response config must be specified for fixed-response actions");
                    }
                    if (a.fixedResponseConfig().statusCode() == null) {
                        throw ElbErrors.validation("A status code must be specified for fixed-response actions");
                    }
                }
                case REDIRECT -> {
                    var r = a.redirectConfig();
                    if (r == null || r.statusCode() == null) {
                        throw ElbErrors.validation("A status code must be specified for redirect actions");
                    }
                    if (r.protocol() == null
                            && r.host() == null
                            && r.port() == null
                            && r.path() == null
                            && r.query() == null) {
                        throw ElbErrors.invalidAction("The redirect configuration is not valid: a redirect to the "
                                + "same protocol, host, port, path and query would loop. Change at least one of them.");
                    }
                }
                default -> throw ElbErrors.validation("Action type '" + a.typeAsString() + "' is not supported");
            }
            result.add(b.build());
        }
        return List.copyOf(result);
    }

    private static void forward(
            Action a, Action.Builder b, boolean application, Function<String, TargetGroupRecord> targetGroup) {
        ForwardActionConfig config = a.forwardConfig();
        List<TargetGroupTuple> groups = config == null ? List.of() : config.targetGroups();
        if (a.targetGroupArn() == null && groups.isEmpty()) {
            throw ElbErrors.validation("A target group ARN must be specified");
        }
        if (a.targetGroupArn() != null && !groups.isEmpty()) {
            boolean same = groups.size() == 1 && groups.get(0).targetGroupArn().equals(a.targetGroupArn());
            if (!same) {
                throw ElbErrors.validation(
                        "You cannot specify both a target group ARN and a forward config with different target groups");
            }
        }
        if (groups.size() > (application ? 5 : 1)) {
            throw ElbErrors.validation(
                    "You can specify at most " + (application ? 5 : 1) + " target groups in a " + "forward action");
        }
        List<String> arns = new ArrayList<>();
        if (a.targetGroupArn() != null) {
            arns.add(a.targetGroupArn());
        }
        for (TargetGroupTuple t : groups) {
            if (t.targetGroupArn() == null) {
                throw ElbErrors.validation("A target group ARN must be specified");
            }
            if (t.weight() != null && (t.weight() < 0 || t.weight() > 999)) {
                throw ElbErrors.validation("Target group weight must be between 0 and 999");
            }
            if (!arns.contains(t.targetGroupArn())) {
                arns.add(t.targetGroupArn());
            } else if (groups.size() > 1) {
                throw ElbErrors.validation("Target group '" + t.targetGroupArn() + "' was specified multiple times");
            }
        }
        for (String arn : arns) {
            TargetGroupRecord tg = targetGroup.apply(arn);
            if (tg == null) {
                throw ElbErrors.targetGroupsNotFound(List.of(arn));
            }
            boolean layer7 = tg.protocol != null && tg.protocol.startsWith("HTTP");
            if (application != layer7) {
                throw ElbErrors.incompatibleProtocols("The target group '" + arn + "' uses protocol '" + tg.protocol
                        + "', which " + (application ? "an Application" : "a Network")
                        + " Load Balancer cannot forward to");
            }
        }
        if (groups.isEmpty()) {
            b.forwardConfig(f -> f.targetGroups(TargetGroupTuple.builder()
                    .targetGroupArn(a.targetGroupArn())
                    .weight(1)
                    .build()));
        } else if (groups.size() == 1 && a.targetGroupArn() == null) {
            b.targetGroupArn(groups.get(0).targetGroupArn());
        }
    }

    /** The target groups the actions forward to. */
    static List<String> targetGroupArns(List<Action> actions) {
        List<String> arns = new ArrayList<>();
        for (Action a : actions) {
            if (a.type() != ActionTypeEnum.FORWARD) {
                continue;
            }
            if (a.targetGroupArn() != null && !arns.contains(a.targetGroupArn())) {
                arns.add(a.targetGroupArn());
            }
            if (a.forwardConfig() != null) {
                for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                    if (!arns.contains(t.targetGroupArn())) {
                        arns.add(t.targetGroupArn());
                    }
                }
            }
        }
        return arns;
    }

    /**
     * Checks a rule's conditions and answers them with each field's config filled in from legacy {@code Values}.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} for a condition AWS refuses
     */
    static List<RuleCondition> conditions(List<RuleCondition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            throw ElbErrors.validation("A condition must be specified");
        }
        Set<String> fields = new HashSet<>();
        int values = 0;
        List<RuleCondition> result = new ArrayList<>();
        for (RuleCondition c : conditions) {
            String field = c.field();
            if (field == null || !FIELDS.contains(field)) {
                throw ElbErrors.validation("Condition field '" + field + "' must be one of '[http-header, "
                        + "http-request-method, host-header, path-pattern, query-string, source-ip]'");
            }
            if (!field.equals("http-header") && !fields.add(field)) {
                throw ElbErrors.validation(
                        "A rule can have each condition field at most once: '" + field + "' is given more than once");
            }
            RuleCondition.Builder b = c.toBuilder();
            List<String> legacy = c.values();
            switch (field) {
                case "path-pattern" -> {
                    List<String> v = c.pathPatternConfig() != null
                            ? c.pathPatternConfig().values()
                            : legacy;
                    values += nonEmpty(field, v);
                    for (String p : v) {
                        if (p.length() > 128) {
                            throw ElbErrors.validation("A path pattern can be at most 128 characters long");
                        }
                    }
                    b.values(v).pathPatternConfig(p -> p.values(v));
                }
                case "host-header" -> {
                    List<String> v =
                            c.hostHeaderConfig() != null ? c.hostHeaderConfig().values() : legacy;
                    values += nonEmpty(field, v);
                    for (String h : v) {
                        if (h.length() > 128) {
                            throw ElbErrors.validation("A host name can be at most 128 characters long");
                        }
                    }
                    b.values(v).hostHeaderConfig(h -> h.values(v));
                }
                case "http-header" -> {
                    if (c.httpHeaderConfig() == null || c.httpHeaderConfig().httpHeaderName() == null) {
                        throw ElbErrors.validation(
                                "An HTTP header name must be specified for 'http-header' conditions");
                    }
                    values += nonEmpty(field, c.httpHeaderConfig().values());
                }
                case "http-request-method" -> {
                    if (c.httpRequestMethodConfig() == null) {
                        throw ElbErrors.validation("An HTTP request method config must be specified");
                    }
                    values += nonEmpty(field, c.httpRequestMethodConfig().values());
                    for (String m : c.httpRequestMethodConfig().values()) {
                        if (!m.matches("[A-Z_-]{1,40}")) {
                            throw ElbErrors.validation("HTTP request method '" + m + "' is not valid: methods are "
                                    + "upper case letters, '_' and '-'");
                        }
                    }
                }
                case "query-string" -> {
                    if (c.queryStringConfig() == null) {
                        throw ElbErrors.validation("A query string config must be specified");
                    }
                    values += nonEmpty(field, c.queryStringConfig().values());
                    for (var kv : c.queryStringConfig().values()) {
                        if (kv.value() == null) {
                            throw ElbErrors.validation("A query string condition value must be specified");
                        }
                    }
                }
                case "source-ip" -> {
                    if (c.sourceIpConfig() == null) {
                        throw ElbErrors.validation("A source IP config must be specified");
                    }
                    values += nonEmpty(field, c.sourceIpConfig().values());
                    for (String ip : c.sourceIpConfig().values()) {
                        if (Cidr.tryParse(ip) == null || !ip.contains("/")) {
                            throw ElbErrors.validation("The source IP '" + ip + "' is not a valid CIDR block");
                        }
                    }
                }
                default -> throw new IllegalStateException(field);
            }
            result.add(b.build());
        }
        if (values > 5) {
            throw ElbErrors.validation("A rule can only have '5' condition values");
        }
        return List.copyOf(result);
    }

    private static int nonEmpty(String field, List<?> values) {
        if (values == null || values.isEmpty()) {
            throw ElbErrors.validation("A condition value must be specified for '" + field + "' conditions");
        }
        return values.size();
    }
}
