package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagStore;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend.Created;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * The model's target groups: creation (idempotent on the name and settings), lookup by ARN or name, health check
 * settings (AWS's defaults and bounds), attributes, and deletion while no listener or rule forwards to them. Guarded
 * by the backend's lock: callers hold it; a group's health check settings and attributes change under its own monitor
 * too, which the health checks read ({@link Targets}).
 */
final class TargetGroups {
    /** A VPC ID. */
    static final Pattern VPC = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");

    private final ElbArns arns;
    private final TagStore tags;
    private final Targets targets;
    private final LoadBalancers loadBalancers;
    private final Map<String, TargetGroupRecord> targetGroups = new LinkedHashMap<>();

    TargetGroups(ElbArns arns, TagStore tags, Targets targets, LoadBalancers loadBalancers) {
        this.arns = arns;
        this.tags = tags;
        this.targets = targets;
        this.loadBalancers = loadBalancers;
    }

    /** CreateTargetGroup: a new target group, or the existing one with the same name and settings. */
    Created<TargetGroup> createTargetGroup(CreateTargetGroupRequest r) {
        String name = r.name();
        RequestChecks.name(name, "Target group");
        String targetType = r.targetTypeAsString() == null ? "instance" : r.targetTypeAsString();
        if (!List.of("instance", "ip").contains(targetType)) {
            throw ElbErrors.validation(
                    "Drydock serves target groups of target type 'instance' and 'ip', not '" + targetType + "'");
        }
        String protocol = r.protocolAsString();
        if (protocol == null) {
            throw ElbErrors.validation("A protocol must be specified");
        }
        if (r.port() == null) {
            throw ElbErrors.validation("A port must be specified");
        }
        if (r.vpcId() == null) {
            throw ElbErrors.validation("A VPC ID must be specified");
        }
        if (!VPC.matcher(r.vpcId()).matches()) {
            throw ElbErrors.validation("The VPC ID '" + r.vpcId() + "' is not found");
        }
        if (protocol.equals("GENEVE")) {
            throw ElbErrors.unsupportedProtocol("Drydock does not serve Gateway Load Balancers (protocol GENEVE)");
        }
        boolean layer7 = protocol.equals("HTTP") || protocol.equals("HTTPS");
        String protocolVersion = null;
        if (layer7) {
            protocolVersion = r.protocolVersion() == null ? "HTTP1" : r.protocolVersion();
            if (!List.of("HTTP1", "HTTP2", "GRPC").contains(protocolVersion)) {
                throw ElbErrors.validation(
                        "Protocol version '" + protocolVersion + "' must be one of 'HTTP1, HTTP2, GRPC'");
            }
        } else if (r.protocolVersion() != null) {
            throw ElbErrors.validation("A protocol version can only be specified for HTTP and HTTPS target groups");
        }
        TargetGroupRecord tg = new TargetGroupRecord(
                arns.targetGroup(name, ElbArns.newId()),
                name,
                protocol,
                protocolVersion,
                r.port(),
                r.vpcId(),
                targetType,
                r.ipAddressTypeAsString() == null ? "ipv4" : r.ipAddressTypeAsString());
        tg.healthCheckProtocol =
                r.healthCheckProtocolAsString() != null ? r.healthCheckProtocolAsString() : layer7 ? protocol : "TCP";
        tg.healthCheckEnabled = true;
        tg.healthCheckPort = "traffic-port";
        tg.healthCheckPath = "/";
        tg.healthCheckIntervalSeconds = 30;
        boolean httpCheck = tg.httpHealthCheck();
        tg.healthCheckTimeoutSeconds = layer7 ? 5 : httpCheck ? 6 : 10;
        tg.healthyThresholdCount = 5;
        tg.unhealthyThresholdCount = 2;
        tg.matcher = layer7 ? "200" : "200-399";
        applyHealthCheck(
                tg,
                layer7,
                r.healthCheckProtocolAsString(),
                r.healthCheckPort(),
                r.healthCheckEnabled(),
                r.healthCheckPath(),
                r.healthCheckIntervalSeconds(),
                r.healthCheckTimeoutSeconds(),
                r.healthyThresholdCount(),
                r.unhealthyThresholdCount(),
                r.matcher() == null ? null : r.matcher().httpCode());
        tg.attributes.putAll(Attributes.targetGroupDefaults(layer7, targetType.equals("ip")));
        Map<String, String> requestTags = RequestChecks.tags(r.tags());
        TargetGroupRecord existing = targetGroupByName(name);
        if (existing != null) {
            if (!sameSettings(existing, tg)) {
                throw ElbErrors.duplicateTargetGroupName(name);
            }
            return new Created<>(existing.toSdk(), false);
        }
        targetGroups.put(tg.arn, tg);
        tags.put(tg.arn, requestTags);
        return new Created<>(tg.toSdk(), true);
    }

    private static boolean sameSettings(TargetGroupRecord a, TargetGroupRecord b) {
        return a.protocol.equals(b.protocol)
                && Objects.equals(a.port, b.port)
                && a.vpcId.equals(b.vpcId)
                && a.targetType.equals(b.targetType)
                && a.healthCheckProtocol.equals(b.healthCheckProtocol)
                && a.healthCheckPort.equals(b.healthCheckPort)
                && a.healthCheckPath.equals(b.healthCheckPath)
                && a.healthCheckIntervalSeconds == b.healthCheckIntervalSeconds
                && a.healthCheckTimeoutSeconds == b.healthCheckTimeoutSeconds
                && a.healthyThresholdCount == b.healthyThresholdCount
                && a.unhealthyThresholdCount == b.unhealthyThresholdCount
                && a.matcher.equals(b.matcher);
    }

    /** The ARN a new target group named {@code name} would have, for authorization before it exists. */
    String futureTargetGroupArn(String name) {
        return arns.targetGroup(name, "*");
    }

    /** ModifyTargetGroup: new health check settings; the next checks use them. */
    TargetGroup modifyTargetGroup(ModifyTargetGroupRequest r) {
        TargetGroupRecord tg = get(r.targetGroupArn());
        TargetGroupRecord copy = copyHealth(tg);
        boolean layer7 = tg.protocol.startsWith("HTTP");
        applyHealthCheck(
                copy,
                layer7,
                r.healthCheckProtocolAsString(),
                r.healthCheckPort(),
                r.healthCheckEnabled(),
                r.healthCheckPath(),
                r.healthCheckIntervalSeconds(),
                r.healthCheckTimeoutSeconds(),
                r.healthyThresholdCount(),
                r.unhealthyThresholdCount(),
                r.matcher() == null ? null : r.matcher().httpCode());
        synchronized (tg) {
            tg.healthCheckProtocol = copy.healthCheckProtocol;
            tg.healthCheckPort = copy.healthCheckPort;
            tg.healthCheckEnabled = copy.healthCheckEnabled;
            tg.healthCheckPath = copy.healthCheckPath;
            tg.healthCheckIntervalSeconds = copy.healthCheckIntervalSeconds;
            tg.healthCheckTimeoutSeconds = copy.healthCheckTimeoutSeconds;
            tg.healthyThresholdCount = copy.healthyThresholdCount;
            tg.unhealthyThresholdCount = copy.unhealthyThresholdCount;
            tg.matcher = copy.matcher;
        }
        return tg.toSdk();
    }

    private static TargetGroupRecord copyHealth(TargetGroupRecord tg) {
        TargetGroupRecord c = new TargetGroupRecord(
                tg.arn, tg.name, tg.protocol, tg.protocolVersion, tg.port, tg.vpcId, tg.targetType, tg.ipAddressType);
        c.healthCheckProtocol = tg.healthCheckProtocol;
        c.healthCheckPort = tg.healthCheckPort;
        c.healthCheckEnabled = tg.healthCheckEnabled;
        c.healthCheckPath = tg.healthCheckPath;
        c.healthCheckIntervalSeconds = tg.healthCheckIntervalSeconds;
        c.healthCheckTimeoutSeconds = tg.healthCheckTimeoutSeconds;
        c.healthyThresholdCount = tg.healthyThresholdCount;
        c.unhealthyThresholdCount = tg.unhealthyThresholdCount;
        c.matcher = tg.matcher;
        return c;
    }

    /**
     * Health check settings of CreateTargetGroup and ModifyTargetGroup, as "Health checks for your target groups"
     * bounds them: interval 5-300 s, timeout 2-120 s and below the interval, thresholds 2-10, HTTP codes 200-499.
     */
    private static void applyHealthCheck(
            TargetGroupRecord tg,
            boolean layer7,
            String protocol,
            String port,
            Boolean enabled,
            String path,
            Integer interval,
            Integer timeout,
            Integer healthy,
            Integer unhealthy,
            String matcher) {
        if (protocol != null) {
            if (layer7 && protocol.equals("TCP")) {
                throw ElbErrors.validation("Health check protocol 'TCP' is not supported for target groups with "
                        + "the '" + tg.protocol + "' protocol");
            }
            tg.healthCheckProtocol = protocol;
        }
        if (enabled != null && !enabled) {
            throw ElbErrors.validation(
                    "Health checks cannot be disabled for target groups with target type '" + tg.targetType + "'");
        }
        if (port != null) {
            if (!port.equals("traffic-port")
                    && !(port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535)) {
                throw ElbErrors.validation(
                        "Health check port '" + port + "' must be 'traffic-port' or a port from 1 to " + "65535");
            }
            tg.healthCheckPort = port;
        }
        if (path != null) {
            if (!tg.httpHealthCheck()) {
                throw ElbErrors.validation(
                        "A health check path can only be specified for HTTP and HTTPS health " + "checks");
            }
            if (!path.startsWith("/")) {
                throw ElbErrors.validation("Health check path '" + path + "' must start with '/'");
            }
            tg.healthCheckPath = path;
        }
        if (interval != null) {
            tg.healthCheckIntervalSeconds = interval;
        }
        if (timeout != null) {
            tg.healthCheckTimeoutSeconds = timeout;
        }
        if (tg.healthCheckTimeoutSeconds >= tg.healthCheckIntervalSeconds) {
            throw ElbErrors.validation("Health check interval must be greater than the timeout.");
        }
        if (healthy != null) {
            tg.healthyThresholdCount = healthy;
        }
        if (unhealthy != null) {
            tg.unhealthyThresholdCount = unhealthy;
        }
        if (matcher != null) {
            if (!tg.httpHealthCheck()) {
                throw ElbErrors.validation("A matcher can only be specified for HTTP and HTTPS health checks");
            }
            for (String part : matcher.split(",")) {
                String[] range = part.trim().split("-", -1);
                boolean valid = range.length <= 2;
                for (String code : range) {
                    valid &= code.trim().matches("\\d{3}")
                            && Integer.parseInt(code.trim()) >= 200
                            && Integer.parseInt(code.trim()) <= 499;
                }
                if (!valid) {
                    throw ElbErrors.validation(
                            "Health check matcher HTTP code '" + matcher + "' must be within " + "'200-499' range");
                }
            }
            tg.matcher = matcher;
        } else if (protocol != null && tg.httpHealthCheck() && tg.matcher == null) {
            tg.matcher = layer7 ? "200" : "200-399";
        }
    }

    /**
     * DescribeTargetGroups: by load balancer, by ARN, by name, or all.
     *
     * @throws AwsException {@code LoadBalancerNotFound}, {@code TargetGroupNotFound}
     */
    List<TargetGroup> describeTargetGroups(String loadBalancerArn, List<String> targetGroupArns, List<String> names) {
        List<TargetGroupRecord> found = new ArrayList<>();
        if (loadBalancerArn != null) {
            loadBalancers.get(loadBalancerArn);
            for (TargetGroupRecord tg : targetGroups.values()) {
                if (tg.loadBalancerArns.contains(loadBalancerArn)) {
                    found.add(tg);
                }
            }
        } else if (targetGroupArns != null && !targetGroupArns.isEmpty()) {
            for (String arn : targetGroupArns) {
                found.add(get(arn));
            }
        } else if (names != null && !names.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                TargetGroupRecord tg = targetGroupByName(name);
                if (tg == null) {
                    missing.add(name);
                } else {
                    found.add(tg);
                }
            }
            if (!missing.isEmpty()) {
                throw ElbErrors.targetGroupsNotFound(missing);
            }
        } else {
            found.addAll(targetGroups.values());
        }
        return found.stream().map(TargetGroupRecord::toSdk).toList();
    }

    /** The target group with this ARN. */
    TargetGroup describe(String arn) {
        return get(arn).toSdk();
    }

    /** The target group with this ARN, if any: what the ECS port reads. */
    Optional<TargetGroup> findTargetGroup(String arn) {
        TargetGroupRecord tg = arn == null ? null : targetGroups.get(arn);
        return Optional.ofNullable(tg == null ? null : tg.toSdk());
    }

    /** The target group with this ARN or name, if any. */
    Optional<String> findTargetGroupArn(String nameOrArn) {
        if (targetGroups.containsKey(nameOrArn)) {
            return Optional.of(nameOrArn);
        }
        TargetGroupRecord tg = targetGroupByName(nameOrArn);
        return Optional.ofNullable(tg == null ? null : tg.arn);
    }

    /**
     * DeleteTargetGroup.
     *
     * @throws AwsException {@code ResourceInUse} while a listener or rule forwards to it
     */
    void delete(String arn) {
        TargetGroupRecord tg = get(arn);
        if (tg.inUse()) {
            throw ElbErrors.resourceInUse("Target group '" + arn + "' is currently in use by a listener or a rule");
        }
        targetGroups.remove(arn);
        tags.remove(arn);
        targets.deleted(tg);
    }

    /** DescribeTargetGroupAttributes. */
    Map<String, String> targetGroupAttributes(String arn) {
        return new LinkedHashMap<>(get(arn).attributes);
    }

    /** ModifyTargetGroupAttributes: checks every change, then makes them all; answers every attribute. */
    Map<String, String> modifyTargetGroupAttributes(String arn, Map<String, String> changes) {
        TargetGroupRecord tg = get(arn);
        Attributes.checkTargetGroup(tg.protocol.startsWith("HTTP"), changes);
        synchronized (tg) {
            tg.attributes.putAll(changes);
            tg.pool.leastOutstandingRequests(
                    "least_outstanding_requests".equals(tg.attributes.get("load_balancing.algorithm.type")));
        }
        return new LinkedHashMap<>(tg.attributes);
    }

    /**
     * The target group with this ARN.
     *
     * @throws AwsException {@code TargetGroupNotFound}
     */
    TargetGroupRecord get(String arn) {
        TargetGroupRecord tg = arn == null ? null : targetGroups.get(arn);
        if (tg == null) {
            throw ElbErrors.targetGroupNotFound();
        }
        return tg;
    }

    /** The target group with this ARN, or {@code null}. */
    TargetGroupRecord find(String arn) {
        return arn == null ? null : targetGroups.get(arn);
    }

    /** Every target group, in creation order. */
    Collection<TargetGroupRecord> all() {
        return targetGroups.values();
    }

    private TargetGroupRecord targetGroupByName(String name) {
        for (TargetGroupRecord tg : targetGroups.values()) {
            if (tg.name.equals(name)) {
                return tg;
            }
        }
        return null;
    }
}
