package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.MetricSink;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.TagStore;
import dev.drydock.core.spi.VpcModel;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.health.HealthProbe;
import dev.drydock.elb.internal.proxy.ProxyLoops;
import dev.drydock.elb.internal.proxy.TargetAddresses;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The Elastic Load Balancing model of one account and region: load balancers, listeners and rules, target groups and
 * their targets, tags and attributes, and the data plane behind them (a proxy per listener, health checks per target).
 * Every change is checked before anything changes (a refused call changes nothing) and made under one lock; targets'
 * health changes on the event loops under their target group's monitor ({@link Targets}).
 *
 * <p>The facade the handlers call: it keeps the lock and delegates to parts with one job each that expect it held:
 * {@link LoadBalancers} (attributes, subnets and zones), {@link TargetGroups} (attributes, health check settings),
 * {@link Listeners} (their proxies and routes), {@link ListenerRules} (priorities, conditions, actions),
 * {@link TargetRegistrations} (register, deregister, health as reported) and {@link RequestChecks} (names, tags).
 */
public final class ElbBackend implements AutoCloseable {
    private final TagStore tags = new TagStore(ElbErrors.TAG_RULES);
    private final HealthHistory history = new HealthHistory();
    private final Targets targets;
    private final LoadBalancers loadBalancers;
    private final TargetGroups targetGroups;
    private final Listeners listeners;
    private final ListenerRules rules;
    private final TargetRegistrations registrations;
    private ElbMetrics metrics;

    /**
     * @param region the region
     * @param accountId the account
     * @param clock the clock
     * @param vpc the account's VPC and subnets
     * @param loops the event loops the proxies and health checks run on
     * @param timing how long AWS's periods last here
     * @param addresses how to connect to a target
     * @param bindAddress where the proxies listen, e.g. {@code 127.0.0.1}
     */
    public ElbBackend(
            String region,
            String accountId,
            Clock clock,
            VpcModel vpc,
            ProxyLoops loops,
            ElbTiming timing,
            TargetAddresses addresses,
            String bindAddress) {
        ElbArns arns = new ElbArns(region, accountId);
        this.targets = new Targets(timing, new HealthProbe(loops), loops::group, addresses, clock, history);
        this.loadBalancers = new LoadBalancers(arns, clock, vpc, tags);
        this.targetGroups = new TargetGroups(arns, tags, targets, loadBalancers);
        this.listeners = new Listeners(arns, tags, loops, bindAddress, targets, targetGroups);
        this.rules = new ListenerRules(arns, tags, listeners, targetGroups);
        this.registrations = new TargetRegistrations(vpc, targets, targetGroups, loadBalancers);
    }

    /**
     * Publishes the load balancers' CloudWatch metrics ({@link ElbMetrics}) on the scaling clock, from the first load
     * balancer on, when a metric sink is present.
     *
     * @param sink the metric sink, when a module provides one
     * @param time the scaling clock
     */
    public synchronized void publishMetrics(Supplier<Optional<MetricSink>> sink, ScalingTime time) {
        this.metrics = new ElbMetrics(sink, time, this::metricGroups);
        if (!loadBalancers.all().isEmpty()) {
            metrics.start();
        }
    }

    /** The metrics publisher, or {@code null} when none was set. For tests. */
    public synchronized ElbMetrics metrics() {
        return metrics;
    }

    /** The target groups load balancers forward to, as the metrics read them. */
    synchronized List<ElbMetrics.Group> metricGroups() {
        List<ElbMetrics.Group> out = new ArrayList<>();
        for (TargetGroupRecord tg : targetGroups.all()) {
            for (String lbArn : tg.loadBalancerArns) {
                int healthy = 0;
                int unhealthy = 0;
                synchronized (tg) {
                    for (TargetRecord t : tg.targets.values()) {
                        if (t.state == TargetHealthStateEnum.HEALTHY) {
                            healthy++;
                        } else if (t.state == TargetHealthStateEnum.UNHEALTHY) {
                            unhealthy++;
                        }
                    }
                }
                out.add(new ElbMetrics.Group(
                        lbArn.substring(lbArn.indexOf(":loadbalancer/") + ":loadbalancer/".length()),
                        tg.arn.substring(tg.arn.lastIndexOf(':') + 1),
                        lbArn.contains(":loadbalancer/app/"),
                        tg.pool,
                        healthy,
                        unhealthy));
            }
        }
        return out;
    }

    /** The tags of every resource, by ARN. */
    public TagStore tagStore() {
        return tags;
    }

    /** Every change of target health so far. */
    public HealthHistory history() {
        return history;
    }

    // ============================================================================================ load balancers

    /**
     * CreateLoadBalancer: a new load balancer, or the existing one with the same name and settings.
     *
     * @return the load balancer, and whether it is new
     */
    public synchronized Created<LoadBalancer> createLoadBalancer(CreateLoadBalancerRequest r) {
        Created<LoadBalancer> created = loadBalancers.createLoadBalancer(r);
        if (metrics != null) {
            metrics.start();
        }
        return created;
    }

    /** The ARN a new load balancer of this request would have, for authorization before it exists. */
    public String futureLoadBalancerArn(CreateLoadBalancerRequest r) {
        return loadBalancers.futureLoadBalancerArn(r);
    }

    /** DescribeLoadBalancers: by ARN, by name, or all (in creation order). */
    public synchronized List<LoadBalancer> describeLoadBalancers(List<String> loadBalancerArns, List<String> names) {
        return loadBalancers.describeLoadBalancers(loadBalancerArns, names);
    }

    /** The load balancer with this ARN. */
    public synchronized LoadBalancer loadBalancer(String arn) {
        return loadBalancers.describe(arn);
    }

    /**
     * DeleteLoadBalancer, with its listeners and rules. Deleting one that does not exist succeeds, as on AWS.
     *
     * @throws AwsException {@code OperationNotPermitted} when deletion protection is on
     */
    public synchronized void deleteLoadBalancer(String arn) {
        LoadBalancerRecord lb = loadBalancers.delete(arn);
        if (lb == null) {
            return;
        }
        for (ListenerRecord l : listeners.listenersOf(lb)) {
            removeListener(l);
        }
        listeners.recomputeUsage();
    }

    /** DescribeLoadBalancerAttributes. */
    public synchronized Map<String, String> loadBalancerAttributes(String arn) {
        return loadBalancers.loadBalancerAttributes(arn);
    }

    /** ModifyLoadBalancerAttributes: checks every change, then makes them all; answers every attribute. */
    public synchronized Map<String, String> modifyLoadBalancerAttributes(String arn, Map<String, String> changes) {
        return loadBalancers.modifyLoadBalancerAttributes(arn, changes);
    }

    /** SetSecurityGroups: the load balancer's new security groups. */
    public synchronized List<String> setSecurityGroups(String arn, List<String> groups) {
        return loadBalancers.setSecurityGroups(arn, groups);
    }

    /** SetSubnets: the load balancer's new subnets (in the same VPC). */
    public synchronized LoadBalancer setSubnets(String arn, List<String> subnetIds) {
        return loadBalancers.setSubnets(arn, subnetIds);
    }

    /** The load balancer with this ARN or name, if any. */
    public synchronized Optional<String> findLoadBalancerArn(String nameOrArn) {
        return loadBalancers.findLoadBalancerArn(nameOrArn);
    }

    // ============================================================================================ target groups

    /** CreateTargetGroup: a new target group, or the existing one with the same name and settings. */
    public synchronized Created<TargetGroup> createTargetGroup(CreateTargetGroupRequest r) {
        return targetGroups.createTargetGroup(r);
    }

    /** The ARN a new target group named {@code name} would have, for authorization before it exists. */
    public String futureTargetGroupArn(String name) {
        return targetGroups.futureTargetGroupArn(name);
    }

    /** ModifyTargetGroup: new health check settings; the next checks use them. */
    public synchronized TargetGroup modifyTargetGroup(ModifyTargetGroupRequest r) {
        return targetGroups.modifyTargetGroup(r);
    }

    /**
     * DescribeTargetGroups: by load balancer, by ARN, by name, or all.
     *
     * @throws AwsException {@code LoadBalancerNotFound}, {@code TargetGroupNotFound}
     */
    public synchronized List<TargetGroup> describeTargetGroups(
            String loadBalancerArn, List<String> targetGroupArns, List<String> names) {
        return targetGroups.describeTargetGroups(loadBalancerArn, targetGroupArns, names);
    }

    /** The target group with this ARN. */
    public synchronized TargetGroup targetGroup(String arn) {
        return targetGroups.describe(arn);
    }

    /** The target group with this ARN, if any: what the ECS port reads. */
    public synchronized Optional<TargetGroup> findTargetGroup(String arn) {
        return targetGroups.findTargetGroup(arn);
    }

    /** The target group with this ARN or name, if any. */
    public synchronized Optional<String> findTargetGroupArn(String nameOrArn) {
        return targetGroups.findTargetGroupArn(nameOrArn);
    }

    /**
     * DeleteTargetGroup.
     *
     * @throws AwsException {@code ResourceInUse} while a listener or rule forwards to it
     */
    public synchronized void deleteTargetGroup(String arn) {
        targetGroups.delete(arn);
    }

    /** DescribeTargetGroupAttributes. */
    public synchronized Map<String, String> targetGroupAttributes(String arn) {
        return targetGroups.targetGroupAttributes(arn);
    }

    /** ModifyTargetGroupAttributes: checks every change, then makes them all; answers every attribute. */
    public synchronized Map<String, String> modifyTargetGroupAttributes(String arn, Map<String, String> changes) {
        return targetGroups.modifyTargetGroupAttributes(arn, changes);
    }

    // ============================================================================================ targets

    /**
     * RegisterTargets: checks every target, then registers them all.
     *
     * @throws AwsException {@code TargetGroupNotFound}, {@code ValidationError} for a malformed id or an IP address
     *     outside the VPC without {@code AvailabilityZone=all}, {@code InvalidTarget} for a target ELB cannot route to
     */
    public synchronized void registerTargets(String targetGroupArn, List<TargetDescription> requested) {
        registrations.registerTargets(targetGroupArn, requested);
    }

    /** DeregisterTargets: targets not registered are ignored, as AWS does. */
    public synchronized void deregisterTargets(String targetGroupArn, List<TargetDescription> requested) {
        registrations.deregisterTargets(targetGroupArn, requested);
    }

    /**
     * DescribeTargetHealth: the named targets (an unregistered one as {@code unused}, {@code Target.NotRegistered}), or
     * every registered target.
     */
    public TargetHealthDescriptions describeTargetHealth(String targetGroupArn, List<TargetDescription> requested) {
        TargetGroupRecord tg;
        synchronized (this) {
            tg = targetGroups.get(targetGroupArn);
        }
        return new TargetHealthDescriptions(registrations.describeTargetHealth(tg, requested));
    }

    /** DescribeTargetHealth's answer. */
    public record TargetHealthDescriptions(List<TargetHealthDescription> descriptions) {}

    // ============================================================================================ listeners

    /**
     * CreateListener: checks the protocol, port and actions, then starts the listener's proxy (HTTP for an Application
     * Load Balancer, TCP for a Network Load Balancer) on a local port.
     */
    public synchronized Listener createListener(CreateListenerRequest r) {
        return listeners.createListener(loadBalancers.get(r.loadBalancerArn()), r);
    }

    /** ModifyListener: a new port, protocol or default actions; the proxy follows. */
    public synchronized Listener modifyListener(ModifyListenerRequest r) {
        return listeners.modifyListener(r);
    }

    /** DescribeListeners: of a load balancer, or by ARN. */
    public synchronized List<Listener> describeListeners(String loadBalancerArn, List<String> listenerArns) {
        if (loadBalancerArn == null && (listenerArns == null || listenerArns.isEmpty())) {
            throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        if (loadBalancerArn != null && listenerArns != null && !listenerArns.isEmpty()) {
            throw ElbErrors.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
        }
        if (loadBalancerArn != null) {
            return listeners.describe(loadBalancers.get(loadBalancerArn));
        }
        return listeners.describe(listenerArns);
    }

    /** DeleteListener, with its rules. */
    public synchronized void deleteListener(String arn) {
        ListenerRecord l = listeners.get(arn);
        removeListener(l);
        listeners.recomputeUsage();
    }

    private void removeListener(ListenerRecord l) {
        rules.forget(l);
        listeners.remove(l);
    }

    /** The load balancer a listener ARN belongs to (for authorization on its resource). */
    public synchronized String loadBalancerOfListener(String listenerArn) {
        return listeners.get(listenerArn).loadBalancer.arn;
    }

    /**
     * Where a load balancer's listener answers on this machine.
     *
     * @param listenerPort the listener's port, or {@code null} for its only (or lowest) listener that runs a proxy
     * @throws IllegalArgumentException when there is no such listener or it runs no proxy
     */
    public synchronized InetSocketAddress localAddress(String loadBalancerArn, Integer listenerPort) {
        LoadBalancerRecord lb = loadBalancers.find(loadBalancerArn);
        if (lb == null) {
            throw new IllegalArgumentException("No load balancer " + loadBalancerArn);
        }
        return listeners.localAddress(lb, listenerPort);
    }

    // ============================================================================================ rules

    /** CreateRule: a rule at a free priority. */
    public synchronized Rule createRule(CreateRuleRequest r) {
        return rules.createRule(r);
    }

    /** ModifyRule: new conditions and/or actions. */
    public synchronized Rule modifyRule(String ruleArn, List<RuleCondition> conditions, List<Action> actions) {
        return rules.modifyRule(ruleArn, conditions, actions);
    }

    /**
     * SetRulePriorities: every pair checked first (rules exist, none is a default rule, no priority given twice or
     * held by another rule of the listener), then all set.
     */
    public synchronized List<Rule> setRulePriorities(List<RulePriorityPair> pairs) {
        return rules.setRulePriorities(pairs);
    }

    /** DescribeRules: of a listener (priority order, default last), or by ARN. */
    public synchronized List<Rule> describeRules(String listenerArn, List<String> ruleArns) {
        return rules.describeRules(listenerArn, ruleArns);
    }

    /** DeleteRule. */
    public synchronized void deleteRule(String ruleArn) {
        rules.deleteRule(ruleArn);
    }

    /** The listener a rule ARN belongs to, for authorization. */
    public synchronized String listenerOfRule(String ruleArn) {
        return rules.listenerOfRule(ruleArn);
    }

    // ============================================================================================ tags

    /**
     * Checks that every ARN names a resource of ELB (load balancer, target group, listener or rule).
     *
     * @throws AwsException the not-found error of the first ARN's kind
     */
    public synchronized void checkResources(List<String> resourceArns) {
        for (String arn : resourceArns) {
            if (arn.contains(":loadbalancer/")) {
                loadBalancers.get(arn);
            } else if (arn.contains(":targetgroup/")) {
                targetGroups.get(arn);
            } else if (arn.contains(":listener-rule/")) {
                rules.rule(arn);
            } else if (arn.contains(":listener/")) {
                listeners.get(arn);
            } else {
                throw ElbErrors.validation("'" + arn + "' is not a valid resource ARN");
            }
        }
    }

    /** A request's tags as a map, checked (limits, keys given twice). */
    public static Map<String, String> requestTags(List<Tag> sdkTags) {
        return RequestChecks.tags(sdkTags);
    }

    /** A created resource, and whether it is new (an identical one may exist already). */
    public record Created<T>(T value, boolean created) {}

    /** One line per load balancer, listener and target, for a failing test's report. */
    public synchronized String summary() {
        StringBuilder b = new StringBuilder();
        for (LoadBalancerRecord lb : loadBalancers.all()) {
            b.append("  ")
                    .append(lb.type)
                    .append(" load balancer ")
                    .append(lb.name)
                    .append(" (")
                    .append(lb.dnsName)
                    .append(")\n");
            for (ListenerRecord l : listeners.listenersOf(lb)) {
                b.append("    listener ").append(l.protocol).append(':').append(l.port);
                if (l.localAddress != null) {
                    b.append(" at ")
                            .append(l.localAddress.getHostString())
                            .append(':')
                            .append(l.localAddress.getPort());
                }
                b.append(", ").append(l.rules.size()).append(" rules\n");
            }
        }
        for (TargetGroupRecord tg : targetGroups.all()) {
            b.append("  target group ")
                    .append(tg.name)
                    .append(" (")
                    .append(tg.protocol)
                    .append(':')
                    .append(tg.port)
                    .append(", ")
                    .append(tg.targetType)
                    .append(")\n");
            synchronized (tg) {
                for (TargetRecord t : tg.targets.values()) {
                    b.append("    ")
                            .append(t.id)
                            .append(':')
                            .append(t.port)
                            .append(' ')
                            .append(t.state);
                    if (t.reason != null) {
                        b.append(" (")
                                .append(t.reason)
                                .append(": ")
                                .append(t.description)
                                .append(')');
                    }
                    b.append(", ")
                            .append(t.endpoint.served())
                            .append(" served, ")
                            .append(t.endpoint.inFlight())
                            .append(" in flight\n");
                }
            }
        }
        return b.toString();
    }

    /** Stops every proxy and health check. */
    @Override
    public synchronized void close() {
        if (metrics != null) {
            metrics.close();
        }
        for (ListenerRecord l : listeners.all()) {
            Listeners.stop(l);
        }
        for (TargetGroupRecord tg : targetGroups.all()) {
            targets.deleted(tg);
        }
    }

    // ============================================================================================ for ECS

    /**
     * Registers a target for a service (ECS's registration): as RegisterTargets, with the zone the caller gives.
     *
     * @throws AwsException as RegisterTargets
     */
    public void registerTarget(String targetGroupArn, String id, int port, String availabilityZone) {
        registerTargets(
                targetGroupArn,
                List.of(TargetDescription.builder()
                        .id(id)
                        .port(port)
                        .availabilityZone(availabilityZone)
                        .build()));
    }

    /** The health DescribeTargetHealth reports for one target. */
    public TargetHealth health(String targetGroupArn, String id, int port) {
        return describeTargetHealth(
                        targetGroupArn,
                        List.of(TargetDescription.builder().id(id).port(port).build()))
                .descriptions()
                .get(0)
                .targetHealth();
    }
}
