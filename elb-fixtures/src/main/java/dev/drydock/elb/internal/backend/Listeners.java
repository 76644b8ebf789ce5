package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagStore;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.proxy.HttpListenerProxy;
import dev.drydock.elb.internal.proxy.ProxyLoops;
import dev.drydock.elb.internal.proxy.Routes;
import dev.drydock.elb.internal.proxy.TcpListenerProxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/**
 * The model's listeners: creation and changes (protocol, port, certificates, default actions), the proxy each runs
 * (HTTP for an Application Load Balancer, TCP for a Network Load Balancer) and its routes, where it answers on this
 * machine, and which load balancers forward to each target group. Their rules are {@link ListenerRules}'. Guarded by
 * the backend's lock: callers hold it.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final ElbArns arns;
    private final TagStore tags;
    private final ProxyLoops loops;
    private final String bindAddress;
    private final Targets targets;
    private final TargetGroups targetGroups;
    private final Map<String, ListenerRecord> listeners = new LinkedHashMap<>();

    Listeners(
            ElbArns arns,
            TagStore tags,
            ProxyLoops loops,
            String bindAddress,
            Targets targets,
            TargetGroups targetGroups) {
        this.arns = arns;
        this.tags = tags;
        this.loops = loops;
        this.bindAddress = bindAddress;
        this.targets = targets;
        this.targetGroups = targetGroups;
    }

    /**
     * CreateListener: checks the protocol, port and actions, then starts the listener's proxy (HTTP for an Application
     * Load Balancer, TCP for a Network Load Balancer) on a local port.
     */
    Listener createListener(LoadBalancerRecord lb, CreateListenerRequest r) {
        String protocol = r.protocolAsString() != null ? r.protocolAsString() : lb.application() ? "HTTP" : "TCP";
        checkProtocol(
                lb, protocol, r.port(), r.hasCertificates() && !r.certificates().isEmpty());
        Integer port = r.port() != null ? r.port() : protocol.equals("HTTPS") || protocol.equals("TLS") ? 443 : 80;
        for (ListenerRecord l : listenersOf(lb)) {
            if (l.port == port) {
                throw ElbErrors.duplicateListener(lb.arn);
            }
        }
        List<Action> actions = ActionRules.check(r.defaultActions(), lb.application(), targetGroups::find);
        checkAssociations(lb, actions);
        Map<String, String> requestTags = RequestChecks.tags(r.tags());
        String id = ElbArns.newId();
        ListenerRecord l = new ListenerRecord(arns.listener(lb, id), lb, null);
        ListenerRecord listener = new ListenerRecord(l.arn, lb, arns.rule(l, ElbArns.newId()));
        listener.port = port;
        listener.protocol = protocol;
        listener.defaultActions = actions;
        listener.certificates = r.hasCertificates() ? List.copyOf(r.certificates()) : List.of();
        listener.sslPolicy = r.sslPolicy() != null
                ? r.sslPolicy()
                : protocol.equals("HTTPS") || protocol.equals("TLS") ? "ELBSecurityPolicy-2016-08" : null;
        listener.alpnPolicy = r.hasAlpnPolicy() ? List.copyOf(r.alpnPolicy()) : List.of();
        listeners.put(listener.arn, listener);
        tags.put(listener.arn, requestTags);
        recomputeUsage();
        start(listener);
        return listener.toSdk();
    }

    private static void checkProtocol(LoadBalancerRecord lb, String protocol, Integer port, boolean certificates) {
        List<String> allowed = lb.application() ? List.of("HTTPS", "HTTP") : List.of("TCP", "TLS", "UDP", "TCP_UDP");
        if (!allowed.contains(protocol)) {
            throw ElbErrors.validation(
                    "Listener protocol '" + protocol + "' must be one of '" + String.join(", ", allowed) + "'");
        }
        if ((protocol.equals("HTTPS") || protocol.equals("TLS")) && !certificates) {
            throw ElbErrors.validation("A certificate must be specified for " + protocol + " listeners");
        }
    }

    /** A target group forwards for one load balancer at most ("TargetGroupAssociationLimit"), in its VPC. */
    void checkAssociations(LoadBalancerRecord lb, List<Action> actions) {
        for (String arn : ActionRules.targetGroupArns(actions)) {
            TargetGroupRecord tg = targetGroups.find(arn);
            for (String other : tg.loadBalancerArns) {
                if (!other.equals(lb.arn)) {
                    throw ElbErrors.targetGroupAssociationLimit(arn);
                }
            }
            if (!tg.vpcId.equals(lb.vpcId)) {
                throw ElbErrors.validation("The target group '" + arn + "' is in VPC '" + tg.vpcId
                        + "', not in the load balancer's VPC '" + lb.vpcId + "'");
            }
        }
    }

    /** Starts the proxy of a listener whose protocol Drydock serves (HTTP, TCP). */
    private void start(ListenerRecord l) {
        Routes routes = routes(l);
        if (l.protocol.equals("HTTP")) {
            LoadBalancerRecord lb = l.loadBalancer;
            HttpListenerProxy proxy = new HttpListenerProxy(
                    loops,
                    bindAddress,
                    l.port,
                    routes,
                    () -> 1000 * Integer.parseInt(lb.attributes.getOrDefault("idle_timeout.timeout_seconds", "60")));
            l.proxy = proxy;
            l.localAddress = proxy.localAddress();
        } else if (l.protocol.equals("TCP")) {
            TcpListenerProxy proxy = new TcpListenerProxy(loops, bindAddress, routes, () -> 350_000);
            l.proxy = proxy;
            l.localAddress = proxy.localAddress();
        }
        if (l.localAddress != null) {
            LOG.info(
                    "Drydock ELB: {} listener {}:{} of {} answers on http://{}:{}",
                    l.protocol,
                    l.loadBalancer.name,
                    l.port,
                    l.loadBalancer.dnsName,
                    l.localAddress.getHostString(),
                    l.localAddress.getPort());
        }
    }

    private Routes routes(ListenerRecord l) {
        List<Map.Entry<List<RuleCondition>, List<Action>>> compiled = new ArrayList<>();
        List<RuleRecord> sorted = new ArrayList<>(l.rules);
        sorted.sort(Comparator.comparingInt(x -> x.priority));
        for (RuleRecord rule : sorted) {
            compiled.add(Map.entry(rule.conditions, rule.actions));
        }
        return Routes.compile(compiled, l.defaultActions, arn -> targetGroups.find(arn).pool);
    }

    /** Gives a listener's proxy its routes again, after its rules or default actions changed. */
    void updateRoutes(ListenerRecord l) {
        if (l.proxy instanceof HttpListenerProxy http) {
            http.routes(routes(l));
        } else if (l.proxy instanceof TcpListenerProxy tcp) {
            tcp.routes(routes(l));
        }
    }

    /** ModifyListener: a new port, protocol or default actions; the proxy follows. */
    Listener modifyListener(ModifyListenerRequest r) {
        ListenerRecord l = get(r.listenerArn());
        LoadBalancerRecord lb = l.loadBalancer;
        String protocol = r.protocolAsString() != null ? r.protocolAsString() : l.protocol;
        int port = r.port() != null ? r.port() : l.port;
        boolean certificates = r.hasCertificates() ? !r.certificates().isEmpty() : !l.certificates.isEmpty();
        checkProtocol(lb, protocol, port, certificates);
        for (ListenerRecord other : listenersOf(lb)) {
            if (other != l && other.port == port) {
                throw ElbErrors.duplicateListener(lb.arn);
            }
        }
        List<Action> actions = r.hasDefaultActions()
                ? ActionRules.check(r.defaultActions(), lb.application(), targetGroups::find)
                : l.defaultActions;
        checkAssociations(lb, actions);
        boolean restart = !protocol.equals(l.protocol) || port != l.port;
        l.protocol = protocol;
        l.port = port;
        l.defaultActions = actions;
        if (r.hasCertificates()) {
            l.certificates = List.copyOf(r.certificates());
        }
        if (r.sslPolicy() != null) {
            l.sslPolicy = r.sslPolicy();
        }
        if (r.hasAlpnPolicy()) {
            l.alpnPolicy = List.copyOf(r.alpnPolicy());
        }
        recomputeUsage();
        if (restart) {
            stop(l);
            start(l);
        } else {
            updateRoutes(l);
        }
        return l.toSdk();
    }

    /** DescribeListeners of a load balancer. */
    List<Listener> describe(LoadBalancerRecord lb) {
        return listenersOf(lb).stream().map(ListenerRecord::toSdk).toList();
    }

    /** DescribeListeners by ARN. */
    List<Listener> describe(List<String> listenerArns) {
        List<Listener> result = new ArrayList<>();
        for (String arn : listenerArns) {
            result.add(get(arn).toSdk());
        }
        return result;
    }

    /** Stops a listener's proxy and forgets the listener and its tags; its rules are the caller's to forget. */
    void remove(ListenerRecord l) {
        stop(l);
        listeners.remove(l.arn);
        tags.remove(l.arn);
    }

    /** Stops a listener's proxy, if it runs one. */
    static void stop(ListenerRecord l) {
        if (l.proxy != null) {
            try {
                l.proxy.close();
            } catch (Exception e) {
                LOG.debug("Closing the proxy of {} failed", l.arn, e);
            }
            l.proxy = null;
            l.localAddress = null;
        }
    }

    /**
     * The listener with this ARN.
     *
     * @throws AwsException {@code ListenerNotFound}
     */
    ListenerRecord get(String arn) {
        ListenerRecord l = arn == null ? null : listeners.get(arn);
        if (l == null) {
            throw ElbErrors.listenerNotFound();
        }
        return l;
    }

    /** Every listener, in creation order. */
    Collection<ListenerRecord> all() {
        return listeners.values();
    }

    /** A load balancer's listeners, in creation order. */
    List<ListenerRecord> listenersOf(LoadBalancerRecord lb) {
        return listeners.values().stream().filter(l -> l.loadBalancer == lb).toList();
    }

    /**
     * Where a load balancer's listener answers on this machine.
     *
     * @param listenerPort the listener's port, or {@code null} for its only (or lowest) listener that runs a proxy
     * @throws IllegalArgumentException when there is no such listener or it runs no proxy
     */
    InetSocketAddress localAddress(LoadBalancerRecord lb, Integer listenerPort) {
        List<ListenerRecord> ls = new ArrayList<>(listenersOf(lb));
        ls.sort(Comparator.comparingInt(x -> x.port));
        for (ListenerRecord l : ls) {
            if ((listenerPort == null || l.port == listenerPort) && l.localAddress != null) {
                return l.localAddress;
            }
        }
        if (ls.isEmpty()) {
            throw new IllegalArgumentException("The load balancer '" + lb.name + "' has no listener yet: create one "
                    + "(CreateListener) before sending it traffic.");
        }
        throw new IllegalArgumentException("The load balancer '" + lb.name + "' has no "
                + (listenerPort == null ? "" : "port " + listenerPort + " ")
                + "listener Drydock serves: its listeners are "
                + ls.stream().map(l -> l.protocol + ":" + l.port).toList()
                + "; Drydock proxies HTTP listeners of Application Load Balancers and TCP listeners of Network "
                + "Load Balancers.");
    }

    /**
     * Recomputes which load balancers forward to each target group (from every listener's default actions and rules);
     * groups whose use changed start or stop health checks.
     */
    void recomputeUsage() {
        Map<String, Set<String>> usage = new HashMap<>();
        for (ListenerRecord l : listeners.values()) {
            List<List<Action>> all = new ArrayList<>();
            all.add(l.defaultActions);
            l.rules.forEach(rule -> all.add(rule.actions));
            for (List<Action> actions : all) {
                for (String arn : ActionRules.targetGroupArns(actions)) {
                    usage.computeIfAbsent(arn, k -> new HashSet<>()).add(l.loadBalancer.arn);
                }
            }
        }
        for (TargetGroupRecord tg : targetGroups.all()) {
            List<String> now = List.copyOf(usage.getOrDefault(tg.arn, Set.of()));
            boolean wasInUse = tg.inUse();
            tg.loadBalancerArns = now;
            if (wasInUse != tg.inUse()) {
                targets.inUseChanged(tg);
            }
        }
    }
}
