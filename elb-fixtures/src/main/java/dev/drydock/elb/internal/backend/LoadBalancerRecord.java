package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.VpcModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;

/** One load balancer. Changed only under the backend's lock. */
final class LoadBalancerRecord {
    final String arn;
    final String name;
    final String id;
    final String type;
    final String scheme;
    final String ipAddressType;
    final String vpcId;
    final String dnsName;
    final String canonicalHostedZoneId;
    final Instant createdTime;
    List<VpcModel.Subnet> subnets;
    List<String> securityGroups;
    final Map<String, String> attributes = new LinkedHashMap<>();
    /** The first answer (CreateLoadBalancer's) says {@code provisioning}; the proxies are ready when it returns. */
    boolean described;

    LoadBalancerRecord(
            String arn,
            String name,
            String id,
            String type,
            String scheme,
            String ipAddressType,
            String vpcId,
            String dnsName,
            String canonicalHostedZoneId,
            Instant createdTime,
            List<VpcModel.Subnet> subnets,
            List<String> securityGroups) {
        this.arn = arn;
        this.name = name;
        this.id = id;
        this.type = type;
        this.scheme = scheme;
        this.ipAddressType = ipAddressType;
        this.vpcId = vpcId;
        this.dnsName = dnsName;
        this.canonicalHostedZoneId = canonicalHostedZoneId;
        this.createdTime = createdTime;
        this.subnets = subnets;
        this.securityGroups = securityGroups;
    }

    boolean application() {
        return "application".equals(type);
    }

    /** {@code app} or {@code net}, as in the load balancer's ARN. */
    String arnKind() {
        return application() ? "app" : "net";
    }

    LoadBalancer toSdk() {
        LoadBalancerStateEnum state = described ? LoadBalancerStateEnum.ACTIVE : LoadBalancerStateEnum.PROVISIONING;
        described = true;
        LoadBalancer.Builder b = LoadBalancer.builder()
                .loadBalancerArn(arn)
                .dnsName(dnsName)
                .canonicalHostedZoneId(canonicalHostedZoneId)
                .createdTime(createdTime)
                .loadBalancerName(name)
                .scheme(scheme)
                .vpcId(vpcId)
                .state(s -> s.code(state))
                .type(type)
                .availabilityZones(subnets.stream()
                        .map(s -> AvailabilityZone.builder()
                                .zoneName(s.availabilityZone())
                                .subnetId(s.subnetId())
                                .build())
                        .toList())
                .ipAddressType(ipAddressType);
        if (application() || !securityGroups.isEmpty()) {
            b.securityGroups(securityGroups);
        }
        return b.build();
    }
}
