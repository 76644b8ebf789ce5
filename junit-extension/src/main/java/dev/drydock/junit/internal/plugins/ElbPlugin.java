package dev.drydock.junit.internal.plugins;

import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.elb.ElbFixtures;
import dev.drydock.elb.ElbModule;
import dev.drydock.junit.ApplicationLoadBalancer;
import dev.drydock.junit.ElbListener;
import dev.drydock.junit.ElbRule;
import dev.drydock.junit.ElbTargetGroup;
import dev.drydock.junit.NetworkLoadBalancer;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/**
 * What drydock-elb-fixtures brings: {@link ElbTargetGroup}, {@link ApplicationLoadBalancer}, {@link
 * NetworkLoadBalancer} (target groups first: listeners forward to them), ELB clients and {@link ElbModule} (the load
 * balancers' local URLs).
 */
public final class ElbPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-elb-fixtures is not on the classpath. */
    private static final Class<?> MODULE = ElbModule.class;

    @Override
    public String name() {
        return "elb";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(
                AnnotationBinding.of(
                        ElbTargetGroup.class,
                        Stage.NETWORK,
                        t -> "@ElbTargetGroup(name = \"" + t.name() + "\")",
                        "a target group's name is unique",
                        ElbPlugin::targetGroup),
                AnnotationBinding.of(
                        ApplicationLoadBalancer.class,
                        Stage.NETWORK,
                        a -> "@ApplicationLoadBalancer(name = \"" + a.name() + "\")",
                        "a load balancer's name is unique",
                        ElbPlugin::applicationLoadBalancer),
                AnnotationBinding.of(
                        NetworkLoadBalancer.class,
                        Stage.NETWORK,
                        n -> "@NetworkLoadBalancer(name = \"" + n.name() + "\")",
                        "a load balancer's name is unique",
                        ElbPlugin::networkLoadBalancer));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(
                Injectable.client(ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder),
                Injectable.value(ElbModule.class, d -> d.service(ElbModule.class)));
    }

    private static Fixture targetGroup(ElbTargetGroup t) {
        var f = ElbFixtures.targetGroup(t.name())
                .protocol(t.protocol())
                .port(t.port())
                .targetType(t.targetType());
        if (t.protocol().startsWith("HTTP")) {
            f.healthCheckPath(t.healthCheckPath());
            if (!t.matcher().isEmpty()) {
                f.matcher(t.matcher());
            }
        }
        boolean layer7 = t.protocol().startsWith("HTTP");
        if (t.healthCheckIntervalSeconds() > 0
                || t.healthCheckTimeoutSeconds() > 0
                || t.healthyThresholdCount() > 0
                || t.unhealthyThresholdCount() > 0) {
            f.healthCheck(
                    t.healthCheckIntervalSeconds() > 0 ? t.healthCheckIntervalSeconds() : 30,
                    t.healthCheckTimeoutSeconds() > 0 ? t.healthCheckTimeoutSeconds() : layer7 ? 5 : 10,
                    t.healthyThresholdCount() > 0 ? t.healthyThresholdCount() : 5,
                    t.unhealthyThresholdCount() > 0 ? t.unhealthyThresholdCount() : 2);
        }
        if (t.deregistrationDelaySeconds() >= 0) {
            f.deregistrationDelay(t.deregistrationDelaySeconds());
        }
        return f.describedAs("@ElbTargetGroup(name = \"" + t.name() + "\")");
    }

    private static Fixture applicationLoadBalancer(ApplicationLoadBalancer a) {
        var f = ElbFixtures.applicationLoadBalancer(a.name());
        if (a.subnets().length > 0) {
            f.subnets(a.subnets());
        }
        if (a.internal()) {
            f.internal();
        }
        if (a.idleTimeoutSeconds() != 60) {
            f.attribute("idle_timeout.timeout_seconds", Integer.toString(a.idleTimeoutSeconds()));
        }
        String described = "@ApplicationLoadBalancer(name = \"" + a.name() + "\")";
        for (ElbListener l : a.listeners()) {
            f.listener(l.port(), action(l.forward(), l.fixedResponseStatus(), l.fixedResponseBody()));
            for (ElbRule r : l.rules()) {
                f.rule(
                        l.port(),
                        r.priority(),
                        conditions(r, described),
                        action(r.forward(), r.fixedResponseStatus(), r.fixedResponseBody()));
            }
        }
        return f.describedAs(described);
    }

    private static Fixture networkLoadBalancer(NetworkLoadBalancer n) {
        var f = ElbFixtures.networkLoadBalancer(n.name());
        if (n.subnets().length > 0) {
            f.subnets(n.subnets());
        }
        if (n.internal()) {
            f.internal();
        }
        String described = "@NetworkLoadBalancer(name = \"" + n.name() + "\")";
        for (ElbListener l : n.listeners()) {
            if (l.forward().isEmpty() || l.rules().length > 0) {
                throw new DrydockException(described + ": the listener on port " + l.port() + " must forward to a "
                        + "target group (forward = \"...\") and have no rules: network load balancers only forward.");
            }
            f.listener(l.port(), l.forward());
        }
        return f.describedAs(described);
    }

    private static Action action(String forward, int status, String body) {
        return forward.isEmpty() ? ElbFixtures.fixedResponse(status, "text/plain", body) : ElbFixtures.forward(forward);
    }

    private static List<RuleCondition> conditions(ElbRule r, String described) {
        List<RuleCondition> c = new ArrayList<>();
        if (r.pathPatterns().length > 0) {
            c.add(ElbFixtures.pathPattern(r.pathPatterns()));
        }
        if (r.hostHeaders().length > 0) {
            c.add(ElbFixtures.hostHeader(r.hostHeaders()));
        }
        if (r.httpRequestMethods().length > 0) {
            c.add(RuleCondition.builder()
                    .field("http-request-method")
                    .httpRequestMethodConfig(m -> m.values(r.httpRequestMethods()))
                    .build());
        }
        if (r.sourceIps().length > 0) {
            c.add(RuleCondition.builder()
                    .field("source-ip")
                    .sourceIpConfig(s -> s.values(r.sourceIps()))
                    .build());
        }
        if (c.isEmpty()) {
            throw new DrydockException(described + ": the rule of priority " + r.priority() + " has no condition: "
                    + "give pathPatterns, hostHeaders, httpRequestMethods or sourceIps.");
        }
        return c;
    }
}
