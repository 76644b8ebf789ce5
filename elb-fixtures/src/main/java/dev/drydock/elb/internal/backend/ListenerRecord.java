package dev.drydock.elb.internal.backend;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

/** One listener and its rules. Changed only under the backend's lock. */
final class ListenerRecord {
    final String arn;
    final LoadBalancerRecord loadBalancer;
    int port;
    String protocol;
    List<Action> defaultActions;
    List<Certificate> certificates;
    String sslPolicy;
    List<String> alpnPolicy;
    final String defaultRuleArn;
    /** The non-default rules. */
    final List<RuleRecord> rules = new ArrayList<>();
    /** The running proxy, or {@code null} for a protocol Drydock does not proxy. */
    AutoCloseable proxy;
    /** Where tests reach it, or {@code null}. */
    InetSocketAddress localAddress;

    ListenerRecord(String arn, LoadBalancerRecord loadBalancer, String defaultRuleArn) {
        this.arn = arn;
        this.loadBalancer = loadBalancer;
        this.defaultRuleArn = defaultRuleArn;
    }

    Listener toSdk() {
        Listener.Builder b = Listener.builder()
                .listenerArn(arn)
                .loadBalancerArn(loadBalancer.arn)
                .port(port)
                .protocol(protocol)
                .defaultActions(defaultActions);
        if (certificates != null && !certificates.isEmpty()) {
            b.certificates(certificates);
        }
        if (sslPolicy != null) {
            b.sslPolicy(sslPolicy);
        }
        if (alpnPolicy != null && !alpnPolicy.isEmpty()) {
            b.alpnPolicy(alpnPolicy);
        }
        return b.build();
    }
}
