package dev.drydock.elb;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.elb.internal.ElbServiceModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Load balancers and target groups to declare in a {@link Drydock} instance: the programmatic twins of
 * {@code @ElbTargetGroup}, {@code @ApplicationLoadBalancer} and {@code @NetworkLoadBalancer}. Target groups are named
 * by name wherever a listener or rule forwards to them; declare them first.
 *
 * <pre>{@code
 * Drydock.builder()
 *         .fixture(ElbFixtures.targetGroup("web").healthCheckPath("/health").deregistrationDelay(30))
 *         .fixture(ElbFixtures.targetGroup("api").healthCheckPath("/api/health"))
 *         .fixture(ElbFixtures.applicationLoadBalancer("shop")
 *                 .listener(80, "web")
 *                 .rule(80, 10, List.of(ElbFixtures.pathPattern("/api/*")), ElbFixtures.forward("api")))
 *         .start();
 * }</pre>
 *
 * Each is created through the ELB API as the test principal (CreateTargetGroup, CreateLoadBalancer, CreateListener,
 * CreateRule, Modify*Attributes), so it is refused exactly as the API would refuse it; a declaration refused midway
 * deletes what it created.
 */
public final class ElbFixtures {
    /**
     * The subnets an application load balancer gets unless told otherwise: two subnets of Drydock's VPC, in zones
     * {@code a} and {@code b} (see {@code VpcModel}); the first is ECS's default subnet, so services declared
     * without subnets run in a zone of the load balancer.
     */
    public static final List<String> DEFAULT_SUBNETS = List.of("subnet-0d2c4a1e5b6f70819", "subnet-0d2c4a1e5b6f7081a");

    private ElbFixtures() {}

    /**
     * A target group (CreateTargetGroup): protocol HTTP, port 80, target type {@code ip} (what awsvpc tasks need), in
     * Drydock's VPC, with ELB's default health check unless changed.
     */
    public static TargetGroupFixture targetGroup(String name) {
        return new TargetGroupFixture(name);
    }

    /** An application load balancer (type {@code application}) in {@link #DEFAULT_SUBNETS} unless told otherwise. */
    public static LoadBalancerFixture applicationLoadBalancer(String name) {
        return new LoadBalancerFixture(name, "application");
    }

    /** A network load balancer (type {@code network}) in the first of {@link #DEFAULT_SUBNETS} unless told otherwise. */
    public static LoadBalancerFixture networkLoadBalancer(String name) {
        return new LoadBalancerFixture(name, "network");
    }

    /** A {@code path-pattern} condition. */
    public static RuleCondition pathPattern(String... patterns) {
        return RuleCondition.builder()
                .field("path-pattern")
                .pathPatternConfig(p -> p.values(patterns))
                .build();
    }

    /** A {@code host-header} condition. */
    public static RuleCondition hostHeader(String... hosts) {
        return RuleCondition.builder()
                .field("host-header")
                .hostHeaderConfig(h -> h.values(hosts))
                .build();
    }

    /** A {@code forward} action to a target group, by name (or ARN). */
    public static Action forward(String targetGroup) {
        return Action.builder()
                .type(ActionTypeEnum.FORWARD)
                .targetGroupArn(targetGroup)
                .build();
    }

    /**
     * A {@code forward} action to several target groups by weight.
     *
     * @param weights target group name (or ARN) to weight (0-999), in order
     */
    public static Action forward(Map<String, Integer> weights) {
        List<TargetGroupTuple> groups = new ArrayList<>();
        weights.forEach((tg, w) -> groups.add(
                TargetGroupTuple.builder().targetGroupArn(tg).weight(w).build()));
        return Action.builder()
                .type(ActionTypeEnum.FORWARD)
                .forwardConfig(f -> f.targetGroups(groups))
                .build();
    }

    /** A {@code fixed-response} action. */
    public static Action fixedResponse(int statusCode, String contentType, String body) {
        return Action.builder()
                .type(ActionTypeEnum.FIXED_RESPONSE)
                .fixedResponseConfig(f -> f.statusCode(Integer.toString(statusCode))
                        .contentType(contentType)
                        .messageBody(body))
                .build();
    }

    /** A target group to create; see {@link ElbFixtures#targetGroup(String)}. */
    public static final class TargetGroupFixture implements Fixture {
        private final String name;
        private final CreateTargetGroupRequest.Builder request;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private TargetGroupFixture(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.request = CreateTargetGroupRequest.builder()
                    .name(name)
                    .protocol("HTTP")
                    .port(80)
                    .targetType("ip");
        }

        /** The protocol: HTTP (default) or HTTPS for application load balancers, TCP for network load balancers. */
        public TargetGroupFixture protocol(String protocol) {
            request.protocol(protocol);
            return this;
        }

        /** The port traffic goes to unless a target says otherwise (default 80). */
        public TargetGroupFixture port(int port) {
            request.port(port);
            return this;
        }

        /** {@code ip} (default; awsvpc tasks) or {@code instance}. */
        public TargetGroupFixture targetType(String targetType) {
            request.targetType(targetType);
            return this;
        }

        /** The HTTP health check's path (default {@code /}). */
        public TargetGroupFixture healthCheckPath(String path) {
            request.healthCheckPath(path);
            return this;
        }

        /** The HTTP codes a passing health check answers, e.g. {@code 200-299} (default {@code 200}). */
        public TargetGroupFixture matcher(String httpCodes) {
            request.matcher(m -> m.httpCode(httpCodes));
            return this;
        }

        /**
         * The health check schedule, in AWS's seconds (shortened by {@code elb.time-scale}).
         *
         * @param intervalSeconds 5-300 (default 30)
         * @param timeoutSeconds 2-120, below the interval (default 5 for HTTP)
         * @param healthyThreshold consecutive passes to turn healthy, 2-10 (default 5)
         * @param unhealthyThreshold consecutive failures to turn unhealthy, 2-10 (default 2)
         */
        public TargetGroupFixture healthCheck(
                int intervalSeconds, int timeoutSeconds, int healthyThreshold, int unhealthyThreshold) {
            request.healthCheckIntervalSeconds(intervalSeconds)
                    .healthCheckTimeoutSeconds(timeoutSeconds)
                    .healthyThresholdCount(healthyThreshold)
                    .unhealthyThresholdCount(unhealthyThreshold);
            return this;
        }

        /** {@code deregistration_delay.timeout_seconds}: 0-3600 (default 300). */
        public TargetGroupFixture deregistrationDelay(int seconds) {
            return attribute("deregistration_delay.timeout_seconds", Integer.toString(seconds));
        }

        /** Any target group attribute, as ModifyTargetGroupAttributes takes it. */
        public TargetGroupFixture attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        @Override
        public void apply(Drydock drydock) {
            ElbServiceModule elb = ElbServiceModule.of(drydock);
            AdminCalls admin = elb.adminCalls();
            AdminCalls.undoingOnRefusal("ELB refuses the target group '" + name + "'", undo -> {
                CreateTargetGroupRequest r =
                        request.vpcId(drydock.vpc().defaultVpcId()).build();
                String arn = admin.call("elasticloadbalancing", r, CreateTargetGroupResponse.class)
                        .targetGroups()
                        .get(0)
                        .targetGroupArn();
                undo.onRefusal(() -> admin.call(
                        "elasticloadbalancing",
                        DeleteTargetGroupRequest.builder().targetGroupArn(arn).build(),
                        DeleteTargetGroupResponse.class));
                if (!attributes.isEmpty()) {
                    List<TargetGroupAttribute> list = new ArrayList<>();
                    attributes.forEach((k, v) -> list.add(
                            TargetGroupAttribute.builder().key(k).value(v).build()));
                    admin.call(
                            "elasticloadbalancing",
                            ModifyTargetGroupAttributesRequest.builder()
                                    .targetGroupArn(arn)
                                    .attributes(list)
                                    .build(),
                            ModifyTargetGroupAttributesResponse.class);
                }
                return arn;
            });
        }

        @Override
        public String describe() {
            return "ElbFixtures.targetGroup(\"" + name + "\")";
        }
    }

    /** A load balancer to create, with its listeners and rules; see {@link ElbFixtures#applicationLoadBalancer}. */
    public static final class LoadBalancerFixture implements Fixture {
        private final String name;
        private final String type;
        private List<String> subnets;
        private String scheme = "internet-facing";
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Map<Integer, Action> listeners = new LinkedHashMap<>();
        private final List<RuleSpec> rules = new ArrayList<>();

        private record RuleSpec(int listenerPort, int priority, List<RuleCondition> conditions, Action action) {}

        private LoadBalancerFixture(String name, String type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = type;
            this.subnets = type.equals("application") ? DEFAULT_SUBNETS : DEFAULT_SUBNETS.subList(0, 1);
        }

        /** Its subnets (an application load balancer needs two zones; see {@code VpcModel} for which zone a subnet is in). */
        public LoadBalancerFixture subnets(String... subnets) {
            this.subnets = List.of(subnets);
            return this;
        }

        /** Scheme {@code internal} (default {@code internet-facing}; both answer on the same local port). */
        public LoadBalancerFixture internal() {
            this.scheme = "internal";
            return this;
        }

        /** Any load balancer attribute, e.g. {@code idle_timeout.timeout_seconds}. */
        public LoadBalancerFixture attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        /**
         * A listener forwarding to a target group: HTTP for an application load balancer, TCP for a network load
         * balancer.
         *
         * @param port the listener's port as ELB knows it (the proxy gets a free local port; {@code ElbModule.url})
         * @param targetGroup the target group's name (or ARN)
         */
        public LoadBalancerFixture listener(int port, String targetGroup) {
            return listener(port, forward(targetGroup));
        }

        /** A listener with a default action of its own (see {@link ElbFixtures#forward}, {@link ElbFixtures#fixedResponse}). */
        public LoadBalancerFixture listener(int port, Action defaultAction) {
            listeners.put(port, defaultAction);
            return this;
        }

        /**
         * A rule on the listener of {@code listenerPort}.
         *
         * @param priority 1-50000, unique on the listener
         * @param conditions e.g. {@link ElbFixtures#pathPattern}
         * @param action e.g. {@link ElbFixtures#forward(String)}
         */
        public LoadBalancerFixture rule(int listenerPort, int priority, List<RuleCondition> conditions, Action action) {
            rules.add(new RuleSpec(listenerPort, priority, conditions, action));
            return this;
        }

        @Override
        public void apply(Drydock drydock) {
            ElbServiceModule elb = ElbServiceModule.of(drydock);
            AdminCalls admin = elb.adminCalls();
            // what the declaration names is checked before anything is created, so only ELB's refusals need undoing
            Map<Integer, Action> defaultActions = new LinkedHashMap<>();
            listeners.forEach((port, action) -> defaultActions.put(port, resolve(elb, action)));
            List<Action> ruleActions = new ArrayList<>();
            for (RuleSpec rule : rules) {
                if (!listeners.containsKey(rule.listenerPort)) {
                    throw new DrydockException("The rule of priority " + rule.priority + " is for a listener on "
                            + "port " + rule.listenerPort + ", which the load balancer '" + name + "' does not "
                            + "declare: add .listener(" + rule.listenerPort + ", ...) first.");
                }
                ruleActions.add(resolve(elb, rule.action));
            }
            AdminCalls.undoingOnRefusal("ELB refuses the load balancer '" + name + "'", undo -> {
                String arn = admin.call(
                                "elasticloadbalancing",
                                CreateLoadBalancerRequest.builder()
                                        .name(name)
                                        .type(type)
                                        .scheme(scheme)
                                        .subnets(subnets)
                                        .build(),
                                CreateLoadBalancerResponse.class)
                        .loadBalancers()
                        .get(0)
                        .loadBalancerArn();
                undo.onRefusal(() -> admin.call(
                        "elasticloadbalancing",
                        DeleteLoadBalancerRequest.builder().loadBalancerArn(arn).build(),
                        DeleteLoadBalancerResponse.class));
                if (!attributes.isEmpty()) {
                    List<LoadBalancerAttribute> list = new ArrayList<>();
                    attributes.forEach((k, v) -> list.add(
                            LoadBalancerAttribute.builder().key(k).value(v).build()));
                    admin.call(
                            "elasticloadbalancing",
                            ModifyLoadBalancerAttributesRequest.builder()
                                    .loadBalancerArn(arn)
                                    .attributes(list)
                                    .build(),
                            ModifyLoadBalancerAttributesResponse.class);
                }
                Map<Integer, String> listenerArns = new LinkedHashMap<>();
                for (var l : defaultActions.entrySet()) {
                    listenerArns.put(
                            l.getKey(),
                            admin.call(
                                            "elasticloadbalancing",
                                            CreateListenerRequest.builder()
                                                    .loadBalancerArn(arn)
                                                    .protocol(type.equals("application") ? "HTTP" : "TCP")
                                                    .port(l.getKey())
                                                    .defaultActions(l.getValue())
                                                    .build(),
                                            CreateListenerResponse.class)
                                    .listeners()
                                    .get(0)
                                    .listenerArn());
                }
                for (int i = 0; i < rules.size(); i++) {
                    RuleSpec rule = rules.get(i);
                    admin.call(
                            "elasticloadbalancing",
                            CreateRuleRequest.builder()
                                    .listenerArn(listenerArns.get(rule.listenerPort))
                                    .priority(rule.priority)
                                    .conditions(rule.conditions)
                                    .actions(ruleActions.get(i))
                                    .build(),
                            CreateRuleResponse.class);
                }
                return arn;
            });
        }

        /** The action with target group names replaced by their ARNs. */
        private static Action resolve(ElbServiceModule elb, Action action) {
            if (action.type() != ActionTypeEnum.FORWARD) {
                return action;
            }
            Action.Builder b = action.toBuilder();
            if (action.targetGroupArn() != null) {
                b.targetGroupArn(arnOf(elb, action.targetGroupArn()));
            }
            if (action.forwardConfig() != null) {
                List<TargetGroupTuple> groups = new ArrayList<>();
                for (TargetGroupTuple t : action.forwardConfig().targetGroups()) {
                    groups.add(t.toBuilder()
                            .targetGroupArn(arnOf(elb, t.targetGroupArn()))
                            .build());
                }
                b.forwardConfig(
                        action.forwardConfig().toBuilder().targetGroups(groups).build());
            }
            return b.build();
        }

        private static String arnOf(ElbServiceModule elb, String nameOrArn) {
            return elb.backend()
                    .findTargetGroupArn(nameOrArn)
                    .orElseThrow(() -> new DrydockException("There is no target group '" + nameOrArn + "' to forward "
                            + "to: declare it (ElbFixtures.targetGroup or @ElbTargetGroup) before the load balancer."));
        }

        @Override
        public String describe() {
            return "ElbFixtures." + (type.equals("application") ? "applicationLoadBalancer" : "networkLoadBalancer")
                    + "(\"" + name + "\")";
        }
    }
}
