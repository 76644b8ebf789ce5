package dev.drydock.elb;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * {@link BadInputSuite} for Elastic Load Balancing: bad input generated from ELB's model for every operation Drydock
 * implements, and the cases (a listener on a port that is taken, a rule priority in use, targets outside the
 * VPC, a target group forwarding for a second load balancer), each answered with AWS's error, nothing stored.
 */
class ElbBadInputTest extends BadInputSuite {
    private ElasticLoadBalancingV2Client elb;
    private String loadBalancerArn;
    private String targetGroupArn;
    private String listenerArn;
    private String ruleArn;
    private String vpcId;

    ElbBadInputTest() {
        super(ElasticLoadBalancingV2Client.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        elb = drydock.client(ElasticLoadBalancingV2Client.builder());
        LoadBalancer lb = elb.createLoadBalancer(
                        r -> r.name("bad-input").subnets(ElbApiTest.SUBNET_A, ElbApiTest.SUBNET_B))
                .loadBalancers()
                .get(0);
        loadBalancerArn = lb.loadBalancerArn();
        vpcId = lb.vpcId();
        targetGroupArn = elb.createTargetGroup(r -> r.name("bad-input")
                        .protocol("HTTP")
                        .port(80)
                        .vpcId(vpcId)
                        .targetType("ip"))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        listenerArn = elb.createListener(r -> r.loadBalancerArn(loadBalancerArn)
                        .protocol("HTTP")
                        .port(80)
                        .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn)))
                .listeners()
                .get(0)
                .listenerArn();
        ruleArn = elb.createRule(r -> r.listenerArn(listenerArn)
                        .priority(5)
                        .conditions(c -> c.field("path-pattern").values("/api/*"))
                        .actions(a ->
                                a.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("200"))))
                .rules()
                .get(0)
                .ruleArn();
        elb.registerTargets(r ->
                r.targetGroupArn(targetGroupArn).targets(t -> t.id("10.0.3.4").port(80)));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of(
                "LoadBalancerArn", loadBalancerArn,
                "TargetGroupArn", targetGroupArn,
                "ListenerArn", listenerArn,
                "RuleArn", ruleArn,
                "VpcId", vpcId,
                "ResourceArns", List.of(loadBalancerArn),
                "Subnets", List.of(ElbApiTest.SUBNET_A, ElbApiTest.SUBNET_B));
    }

    @Override
    protected List<Case> cases() {
        var wire = service().wire();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "CreateListener on a port the load balancer has a listener on",
                wire.query(
                        "CreateListener",
                        Map.of(
                                "LoadBalancerArn", loadBalancerArn,
                                "Protocol", "HTTP",
                                "Port", "80",
                                "DefaultActions.member.1.Type", "fixed-response",
                                "DefaultActions.member.1.FixedResponseConfig.StatusCode", "404")),
                "DuplicateListener",
                "A listener already exists on this port for this load balancer '" + loadBalancerArn + "'"));
        cases.add(new Case(
                "CreateRule at a priority in use",
                wire.query(
                        "CreateRule",
                        Map.of(
                                "ListenerArn", listenerArn,
                                "Priority", "5",
                                "Conditions.member.1.Field", "path-pattern",
                                "Conditions.member.1.Values.member.1", "/other/*",
                                "Actions.member.1.Type", "fixed-response",
                                "Actions.member.1.FixedResponseConfig.StatusCode", "404")),
                "PriorityInUse",
                "Priority '5' is currently in use"));
        cases.add(new Case(
                "SetRulePriorities giving one priority twice",
                wire.query(
                        "SetRulePriorities",
                        Map.of(
                                "RulePriorities.member.1.RuleArn",
                                ruleArn,
                                "RulePriorities.member.1.Priority",
                                "7",
                                "RulePriorities.member.2.RuleArn",
                                ruleArn,
                                "RulePriorities.member.2.Priority",
                                "7")),
                "ValidationError",
                "Priority '7' was provided multiple times"));
        cases.add(new Case(
                "RegisterTargets with an address outside the VPC",
                wire.query(
                        "RegisterTargets",
                        Map.of("TargetGroupArn", targetGroupArn, "Targets.member.1.Id", "203.0.113.10")),
                "ValidationError",
                "The Availability Zone is required for IP address '203.0.113.10' because it is not in the VPC"));
        cases.add(new Case(
                "RegisterTargets with a public address in zone all",
                wire.query(
                        "RegisterTargets",
                        Map.of(
                                "TargetGroupArn", targetGroupArn,
                                "Targets.member.1.Id", "10.0.3.9",
                                "Targets.member.2.Id", "8.8.8.8",
                                "Targets.member.2.AvailabilityZone", "all")),
                "InvalidTarget",
                null));
        cases.add(new Case(
                "RegisterTargets with an instance id in an ip target group",
                wire.query(
                        "RegisterTargets",
                        Map.of("TargetGroupArn", targetGroupArn, "Targets.member.1.Id", "i-0123456789abcdef0")),
                "ValidationError",
                "The IP address 'i-0123456789abcdef0' is not a valid IPv4 address"));
        cases.add(new Case(
                "CreateLoadBalancer in one zone",
                wire.query("CreateLoadBalancer", Map.of("Name", "one-zone", "Subnets.member.1", ElbApiTest.SUBNET_A)),
                "ValidationError",
                "At least two subnets in two different Availability Zones must be specified"));
        cases.add(new Case(
                "CreateTargetGroup with a timeout not below the interval",
                wire.query(
                        "CreateTargetGroup",
                        Map.of(
                                "Name", "slow-checks",
                                "Protocol", "HTTP",
                                "Port", "80",
                                "VpcId", vpcId,
                                "HealthCheckIntervalSeconds", "10",
                                "HealthCheckTimeoutSeconds", "10")),
                "ValidationError",
                "Health check interval must be greater than the timeout."));
        return cases;
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (LoadBalancer lb : elb.describeLoadBalancers().loadBalancers()) {
            s.put(
                    lb.loadBalancerArn(),
                    List.of(
                            lb.loadBalancerName(),
                            lb.availabilityZones(),
                            lb.securityGroups(),
                            elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                                    .attributes(),
                            elb.describeTags(r -> r.resourceArns(lb.loadBalancerArn()))
                                    .tagDescriptions()));
            for (Listener l : elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                    .listeners()) {
                s.put(
                        l.listenerArn(),
                        List.of(
                                l.port(),
                                l.protocolAsString(),
                                l.defaultActions(),
                                elb.describeRules(r -> r.listenerArn(l.listenerArn()))
                                        .rules()));
            }
        }
        for (TargetGroup tg : elb.describeTargetGroups().targetGroups()) {
            s.put(
                    tg.targetGroupArn(),
                    List.of(
                            tg,
                            elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn()))
                                    .attributes(),
                            elb
                                    .describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                                    .targetHealthDescriptions()
                                    .stream()
                                    .map(d -> d.target())
                                    .toList()));
        }
        return s;
    }
}
