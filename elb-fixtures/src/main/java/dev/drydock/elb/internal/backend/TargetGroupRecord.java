package dev.drydock.elb.internal.backend;

import dev.drydock.elb.internal.proxy.TargetPool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * One target group: its settings (changed under the backend's lock) and its targets (guarded by this object's
 * monitor, since health checks change them from the event loops).
 */
final class TargetGroupRecord {
    final String arn;
    final String name;
    final String protocol;
    final String protocolVersion;
    final Integer port;
    final String vpcId;
    final String targetType;
    final String ipAddressType;
    String healthCheckProtocol;
    String healthCheckPort;
    boolean healthCheckEnabled;
    String healthCheckPath;
    int healthCheckIntervalSeconds;
    int healthCheckTimeoutSeconds;
    int healthyThresholdCount;
    int unhealthyThresholdCount;
    String matcher;
    final Map<String, String> attributes = new LinkedHashMap<>();
    /** Registered targets by {@link TargetRecord#key()}, in registration order; guarded by {@code this}. */
    final Map<String, TargetRecord> targets = new LinkedHashMap<>();

    final TargetPool pool;
    /** The load balancers whose listeners or rules forward to it; set by the backend. */
    volatile List<String> loadBalancerArns = List.of();

    boolean deleted;

    TargetGroupRecord(
            String arn,
            String name,
            String protocol,
            String protocolVersion,
            Integer port,
            String vpcId,
            String targetType,
            String ipAddressType) {
        this.arn = arn;
        this.name = name;
        this.protocol = protocol;
        this.protocolVersion = protocolVersion;
        this.port = port;
        this.vpcId = vpcId;
        this.targetType = targetType;
        this.ipAddressType = ipAddressType;
        this.pool = new TargetPool(arn);
    }

    boolean inUse() {
        return !loadBalancerArns.isEmpty();
    }

    boolean httpHealthCheck() {
        return "HTTP".equals(healthCheckProtocol) || "HTTPS".equals(healthCheckProtocol);
    }

    /** {@code deregistration_delay.timeout_seconds}. */
    int deregistrationDelaySeconds() {
        return Integer.parseInt(attributes.getOrDefault("deregistration_delay.timeout_seconds", "300"));
    }

    TargetGroup toSdk() {
        TargetGroup.Builder b = TargetGroup.builder()
                .targetGroupArn(arn)
                .targetGroupName(name)
                .healthCheckProtocol(healthCheckProtocol)
                .healthCheckPort(healthCheckPort)
                .healthCheckEnabled(healthCheckEnabled)
                .healthCheckIntervalSeconds(healthCheckIntervalSeconds)
                .healthCheckTimeoutSeconds(healthCheckTimeoutSeconds)
                .healthyThresholdCount(healthyThresholdCount)
                .unhealthyThresholdCount(unhealthyThresholdCount)
                .loadBalancerArns(loadBalancerArns)
                .targetType(targetType);
        if (!"lambda".equals(targetType)) {
            b.protocol(protocol).port(port).vpcId(vpcId).ipAddressType(ipAddressType);
        }
        if (httpHealthCheck()) {
            b.healthCheckPath(healthCheckPath)
                    .matcher(Matcher.builder().httpCode(matcher).build());
        }
        if (protocolVersion != null) {
            b.protocolVersion(protocolVersion);
        }
        return b.build();
    }
}
