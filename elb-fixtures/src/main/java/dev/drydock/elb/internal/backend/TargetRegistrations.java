package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Cidr;
import dev.drydock.core.spi.VpcModel;
import dev.drydock.elb.internal.ElbErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Registering and deregistering a target group's targets (RegisterTargets, DeregisterTargets, ECS's registrations),
 * with ELB's checks of IDs, ports and zones, and their health as DescribeTargetHealth reports it. The targets' data
 * plane (health checks, draining) is {@link Targets}'. Registration and deregistration are guarded by the backend's
 * lock (callers hold it); the health is read under the target group's monitor.
 */
final class TargetRegistrations {
    private static final Pattern INSTANCE = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final List<Cidr> ROUTABLE_OUTSIDE_VPC = List.of(
            Cidr.parse("10.0.0.0/8"),
            Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"),
            Cidr.parse("100.64.0.0/10"));

    private final VpcModel vpc;
    private final Targets targets;
    private final TargetGroups targetGroups;
    private final LoadBalancers loadBalancers;

    TargetRegistrations(VpcModel vpc, Targets targets, TargetGroups targetGroups, LoadBalancers loadBalancers) {
        this.vpc = vpc;
        this.targets = targets;
        this.targetGroups = targetGroups;
        this.loadBalancers = loadBalancers;
    }

    /**
     * RegisterTargets: checks every target, then registers them all.
     *
     * @throws AwsException {@code TargetGroupNotFound}, {@code ValidationError} for a malformed id or an IP address
     *     outside the VPC without {@code AvailabilityZone=all}, {@code InvalidTarget} for a target ELB cannot route to
     */
    void registerTargets(String targetGroupArn, List<TargetDescription> requested) {
        TargetGroupRecord tg = targetGroups.get(targetGroupArn);
        if (requested == null || requested.isEmpty()) {
            throw ElbErrors.validation("Targets cannot be empty");
        }
        List<Registration> checked = new ArrayList<>();
        for (TargetDescription t : requested) {
            checked.add(check(tg, t));
        }
        for (Registration r : checked) {
            targets.register(tg, r.id, r.port, r.availabilityZone, r.address);
        }
    }

    private record Registration(String id, int port, String availabilityZone, String address) {}

    private Registration check(TargetGroupRecord tg, TargetDescription t) {
        String id = t.id();
        if (id == null || id.isEmpty()) {
            throw ElbErrors.validation("A target ID must be specified");
        }
        int port = t.port() != null ? t.port() : tg.port;
        if (port < 1 || port > 65535) {
            throw ElbErrors.validation("Port '" + port + "' must be between 1 and 65535");
        }
        String zone = t.availabilityZone();
        if (tg.targetType.equals("instance")) {
            if (!INSTANCE.matcher(id).matches()) {
                throw ElbErrors.validation("Instance ID '" + id + "' is not valid");
            }
            // an EC2 instance Drydock knows: an ECS container instance, whose host ports answer at its private IP
            VpcModel.Instance instance = vpc.instance(id)
                    .orElseThrow(() -> ElbErrors.invalidTarget("The following targets are not valid instances: '" + id
                            + "'. Drydock's EC2 instances are ECS container instances (register one first)."));
            if (zone != null && !zone.equals(instance.availabilityZone())) {
                throw ElbErrors.validation("The Availability Zone cannot be specified for instance targets");
            }
            return new Registration(id, port, instance.availabilityZone(), instance.privateIp());
        }
        byte[] bytes = Cidr.address(id);
        if (bytes == null || bytes.length != 4 && !"ipv6".equals(tg.ipAddressType)) {
            throw ElbErrors.validation("The IP address '" + id + "' is not a valid IPv4 address");
        }
        boolean inVpc = vpc.cidrBlocks(tg.vpcId).stream().anyMatch(c -> c.contains(id))
                || vpc.cidrBlocks(tg.vpcId).isEmpty()
                        && TargetGroups.VPC.matcher(tg.vpcId).matches()
                        && privateAddress(id);
        if (inVpc) {
            if ("all".equals(zone)) {
                throw ElbErrors.validation("The IP address '" + id + "' is within the VPC, and cannot have its "
                        + "Availability Zone overridden to 'all' from '" + zoneOf(id) + "'");
            }
            if (zone != null && vpc.availabilityZoneId(zone) == null) {
                throw ElbErrors.validation("The Availability Zone '" + zone + "' is not valid");
            }
            return new Registration(id, port, zone != null ? zone : zoneOf(id), id);
        }
        if (zone == null) {
            throw ElbErrors.validation(
                    "The Availability Zone is required for IP address '" + id + "' because it is not in the VPC");
        }
        if (!"all".equals(zone)) {
            throw ElbErrors.validation("The Availability Zone for IP address '" + id + "' must be 'all' for "
                    + "Application Load Balancer target groups, when not within the VPC");
        }
        if (ROUTABLE_OUTSIDE_VPC.stream().noneMatch(c -> c.contains(id))) {
            throw ElbErrors.invalidTarget("The specified target does not exist, is not in the same VPC as the target "
                    + "group, or has an unsupported instance type: '" + id + "' is not a private IP address");
        }
        return new Registration(id, port, "all", id);
    }

    private static boolean privateAddress(String ip) {
        return ROUTABLE_OUTSIDE_VPC.subList(0, 3).stream().anyMatch(c -> c.contains(ip));
    }

    /** The zone ELB reports for an IP target registered without one: the last byte picks among the region's zones. */
    private String zoneOf(String ip) {
        byte[] b = Cidr.address(ip);
        List<String> zones = vpc.availabilityZones();
        return zones.get(Byte.toUnsignedInt(b[b.length - 1]) % zones.size());
    }

    /** DeregisterTargets: targets not registered are ignored, as AWS does. */
    void deregisterTargets(String targetGroupArn, List<TargetDescription> requested) {
        TargetGroupRecord tg = targetGroups.get(targetGroupArn);
        if (requested == null || requested.isEmpty()) {
            throw ElbErrors.validation("Targets cannot be empty");
        }
        boolean network =
                tg.loadBalancerArns.stream().map(loadBalancers::find).anyMatch(lb -> lb != null && !lb.application());
        for (TargetDescription t : requested) {
            int port = t.port() != null ? t.port() : tg.port;
            targets.deregister(tg, t.id(), port, network);
        }
    }

    /**
     * DescribeTargetHealth of one target group: the named targets (an unregistered one as {@code unused}, {@code
     * Target.NotRegistered}), or every registered target. Takes the group's monitor, not the backend's lock.
     */
    List<TargetHealthDescription> describeTargetHealth(TargetGroupRecord tg, List<TargetDescription> requested) {
        List<TargetHealthDescription> result = new ArrayList<>();
        synchronized (tg) {
            if (requested == null || requested.isEmpty()) {
                for (TargetRecord t : tg.targets.values()) {
                    result.add(describe(tg, t));
                }
            } else {
                for (TargetDescription d : requested) {
                    int port = d.port() != null ? d.port() : tg.port;
                    TargetRecord t = tg.targets.get(TargetRecord.key(d.id(), port));
                    if (t == null) {
                        result.add(TargetHealthDescription.builder()
                                .target(x -> x.id(d.id()).port(port))
                                .healthCheckPort(healthCheckPort(tg, port))
                                .targetHealth(TargetHealth.builder()
                                        .state(TargetHealthStateEnum.UNUSED)
                                        .reason(TargetHealthReasonEnum.TARGET_NOT_REGISTERED)
                                        .description(Targets.NOT_REGISTERED)
                                        .build())
                                .build());
                    } else {
                        result.add(describe(tg, t));
                    }
                }
            }
        }
        return result;
    }

    private static TargetHealthDescription describe(TargetGroupRecord tg, TargetRecord t) {
        TargetHealth.Builder h = TargetHealth.builder().state(t.state);
        if (t.reason != null) {
            h.reason(t.reason).description(t.description);
        }
        return TargetHealthDescription.builder()
                .target(x -> x.id(t.id).port(t.port).availabilityZone(t.availabilityZone))
                .healthCheckPort(healthCheckPort(tg, t.port))
                .targetHealth(h.build())
                .build();
    }

    private static String healthCheckPort(TargetGroupRecord tg, int port) {
        return "traffic-port".equals(tg.healthCheckPort) ? Integer.toString(port) : tg.healthCheckPort;
    }
}
