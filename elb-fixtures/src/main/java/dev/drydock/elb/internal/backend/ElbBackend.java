package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Cidr;
import dev.drydock.core.spi.TagStore;
import dev.drydock.core.spi.VpcModel;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.health.HealthProbe;
import dev.drydock.elb.internal.proxy.HttpListenerProxy;
import dev.drydock.elb.internal.proxy.ProxyLoops;
import dev.drydock.elb.internal.proxy.Routes;
import dev.drydock.elb.internal.proxy.TargetAddresses;
import dev.drydock.elb.internal.proxy.TcpListenerProxy;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The Elastic Load Balancing model of one account and region: load balancers, listeners and rules, target groups and
 * their targets, tags and attributes, and the data plane behind them (a proxy per listener, health checks per target).
 * Every change is checked before anything changes (a refused call changes nothing) and made under one lock; targets'
 * health changes on the event loops under their target group's monitor ({@link Targets}).
 */
public final class ElbBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ElbBackend.class);
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]{1,32}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern INSTANCE = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern VPC = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final List<Cidr> ROUTABLE_OUTSIDE_VPC = List.of(
            Cidr.parse("10.0.0.0/8"),
            Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"),
            Cidr.parse("100.64.0.0/10"));
    private static final int MAX_RULES_PER_LISTENER = 100;

    private final ElbArns arns;
    private final Clock clock;
    private final VpcModel vpc;
    private final ProxyLoops loops;
    private final String bindAddress;
    private final TagStore tags = new TagStore(ElbErrors.TAG_RULES);
    private final HealthHistory history = new HealthHistory();
    private final Targets targets;
    private final Map<String, LoadBalancerRecord> loadBalancers = new LinkedHashMap<>();
    private final Map<String, TargetGroupRecord> targetGroups = new LinkedHashMap<>();
    private final Map<String, ListenerRecord> listeners = new LinkedHashMap<>();
    private final Map<String, RuleRecord> rules = new HashMap<>();

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
        this.arns = new ElbArns(region, accountId);
        this.clock = clock;
        this.vpc = vpc;
        this.loops = loops;
        this.bindAddress = bindAddress;
        this.targets = new Targets(timing, new HealthProbe(loops), loops.group(), addresses, clock, history);
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
        String name = r.name();
        checkName(name, "Load balancer");
        if (name.startsWith("internal-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
        }
        String type = r.typeAsString() == null ? "application" : r.typeAsString();
        if (!type.equals("application") && !type.equals("network")) {
            throw ElbErrors.validation(
                    "Drydock serves load balancers of type 'application' and 'network', not '" + type + "'");
        }
        boolean application = type.equals("application");
        String scheme = r.schemeAsString() == null ? "internet-facing" : r.schemeAsString();
        String ipAddressType = r.ipAddressTypeAsString() == null ? "ipv4" : r.ipAddressTypeAsString();
        List<String> subnetIds = new ArrayList<>();
        if (r.hasSubnets() && r.hasSubnetMappings()) {
            throw ElbErrors.validation("You can specify subnets or subnet mappings, not both");
        }
        if (r.hasSubnets()) {
            subnetIds.addAll(r.subnets());
        }
        if (r.hasSubnetMappings()) {
            for (SubnetMapping m : r.subnetMappings()) {
                subnetIds.add(m.subnetId());
            }
        }
        List<VpcModel.Subnet> subnets = subnets(subnetIds, application);
        List<String> groups = r.hasSecurityGroups() ? List.copyOf(r.securityGroups()) : List.of();
        for (String g : groups) {
            if (g == null || !SECURITY_GROUP.matcher(g).matches()) {
                throw ElbErrors.invalidSecurityGroup(g);
            }
        }
        Map<String, String> requestTags = requestTags(r.tags());
        LoadBalancerRecord existing = byName(name);
        if (existing != null) {
            boolean same = existing.type.equals(type)
                    && existing.scheme.equals(scheme)
                    && existing.subnets.equals(subnets)
                    && (groups.isEmpty() || existing.securityGroups.equals(groups));
            if (!same) {
                throw ElbErrors.duplicateLoadBalancerName(name);
            }
            return new Created<>(existing.toSdk(), false);
        }
        String id = ElbArns.newId();
        String kind = application ? "app" : "net";
        LoadBalancerRecord lb = new LoadBalancerRecord(
                arns.loadBalancer(kind, name, id),
                name,
                id,
                type,
                scheme,
                ipAddressType,
                subnets.get(0).vpcId(),
                arns.dnsName(name, application, scheme.equals("internal")),
                arns.hostedZone(application),
                clock.instant(),
                subnets,
                application && groups.isEmpty() ? List.of(defaultSecurityGroup()) : groups);
        lb.attributes.putAll(Attributes.loadBalancerDefaults(application));
        loadBalancers.put(lb.arn, lb);
        tags.put(lb.arn, requestTags);
        return new Created<>(lb.toSdk(), true);
    }

    /** The ARN a new load balancer of this request would have, for authorization before it exists. */
    public String futureLoadBalancerArn(CreateLoadBalancerRequest r) {
        boolean network = "network".equals(r.typeAsString());
        return arns.loadBalancer(network ? "net" : "app", r.name(), "*");
    }

    /** The VPC's default security group, which an ALB gets when none is given. */
    private String defaultSecurityGroup() {
        return "sg-" + vpc.defaultVpcId().substring(4, 21);
    }

    private List<VpcModel.Subnet> subnets(List<String> ids, boolean application) {
        if (ids.isEmpty()) {
            throw ElbErrors.validation(
                    application
                            ? "At least two subnets in two different Availability Zones must be specified"
                            : "At least one subnet must be specified");
        }
        List<VpcModel.Subnet> result = new ArrayList<>();
        Set<String> zones = new HashSet<>();
        for (String id : ids) {
            if (!vpc.isSubnetId(id)) {
                throw ElbErrors.subnetNotFound(id);
            }
            VpcModel.Subnet s = vpc.subnet(id);
            if (!zones.add(s.availabilityZone())) {
                throw ElbErrors.invalidConfiguration(
                        "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
            }
            result.add(s);
        }
        if (application && zones.size() < 2) {
            throw ElbErrors.validation("At least two subnets in two different Availability Zones must be specified");
        }
        result.sort(Comparator.comparing(VpcModel.Subnet::availabilityZone));
        return List.copyOf(result);
    }

    /** DescribeLoadBalancers: by ARN, by name, or all (in creation order). */
    public synchronized List<LoadBalancer> describeLoadBalancers(List<String> loadBalancerArns, List<String> names) {
        List<LoadBalancerRecord> found = new ArrayList<>();
        if (loadBalancerArns != null && !loadBalancerArns.isEmpty()) {
            for (String arn : loadBalancerArns) {
                LoadBalancerRecord lb = loadBalancers.get(arn);
                if (lb == null) {
                    throw ElbErrors.loadBalancerNotFound();
                }
                found.add(lb);
            }
        } else if (names != null && !names.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                LoadBalancerRecord lb = byName(name);
                if (lb == null) {
                    missing.add(name);
                } else {
                    found.add(lb);
                }
            }
            if (!missing.isEmpty()) {
                throw ElbErrors.loadBalancersNotFound(missing);
            }
        } else {
            found.addAll(loadBalancers.values());
        }
        return found.stream().map(LoadBalancerRecord::toSdk).toList();
    }

    /** The load balancer with this ARN. */
    public synchronized LoadBalancer loadBalancer(String arn) {
        return lb(arn).toSdk();
    }

    /**
     * DeleteLoadBalancer, with its listeners and rules. Deleting one that does not exist succeeds, as on AWS.
     *
     * @throws AwsException {@code OperationNotPermitted} when deletion protection is on
     */
    public synchronized void deleteLoadBalancer(String arn) {
        LoadBalancerRecord lb = loadBalancers.get(arn);
        if (lb == null) {
            return;
        }
        if ("true".equals(lb.attributes.get("deletion_protection.enabled"))) {
            throw ElbErrors.operationNotPermitted(
                    "Load balancer '" + arn + "' cannot be deleted because deletion protection is enabled");
        }
        for (ListenerRecord l : listenersOf(lb)) {
            removeListener(l);
        }
        loadBalancers.remove(arn);
        tags.remove(arn);
        recomputeUsage();
    }

    /** DescribeLoadBalancerAttributes. */
    public synchronized Map<String, String> loadBalancerAttributes(String arn) {
        return new LinkedHashMap<>(lb(arn).attributes);
    }

    /** ModifyLoadBalancerAttributes: checks every change, then makes them all; answers every attribute. */
    public synchronized Map<String, String> modifyLoadBalancerAttributes(String arn, Map<String, String> changes) {
        LoadBalancerRecord lb = lb(arn);
        Attributes.checkLoadBalancer(lb.application(), changes);
        lb.attributes.putAll(changes);
        return new LinkedHashMap<>(lb.attributes);
    }

    /** SetSecurityGroups: the load balancer's new security groups. */
    public synchronized List<String> setSecurityGroups(String arn, List<String> groups) {
        LoadBalancerRecord lb = lb(arn);
        for (String g : groups) {
            if (g == null || !SECURITY_GROUP.matcher(g).matches()) {
                throw ElbErrors.invalidSecurityGroup(g);
            }
        }
        if (lb.application() && groups.isEmpty()) {
            throw ElbErrors.validation("An Application Load Balancer must have at least one security group");
        }
        lb.securityGroups = List.copyOf(groups);
        return lb.securityGroups;
    }

    /** SetSubnets: the load balancer's new subnets (in the same VPC). */
    public synchronized LoadBalancer setSubnets(String arn, List<String> subnetIds) {
        LoadBalancerRecord lb = lb(arn);
        List<VpcModel.Subnet> subnets = subnets(subnetIds, lb.application());
        for (VpcModel.Subnet s : subnets) {
            if (!s.vpcId().equals(lb.vpcId)) {
                throw ElbErrors.invalidConfiguration(
                        "Subnet '" + s.subnetId() + "' is not in the load balancer's VPC '" + lb.vpcId + "'");
            }
        }
        lb.subnets = subnets;
        return lb.toSdk();
    }

    private LoadBalancerRecord lb(String arn) {
        LoadBalancerRecord lb = arn == null ? null : loadBalancers.get(arn);
        if (lb == null) {
            throw ElbErrors.loadBalancerNotFound();
        }
        return lb;
    }

    private LoadBalancerRecord byName(String name) {
        for (LoadBalancerRecord lb : loadBalancers.values()) {
            if (lb.name.equals(name)) {
                return lb;
            }
        }
        return null;
    }

    /** The load balancer with this ARN or name, if any. */
    public synchronized Optional<String> findLoadBalancerArn(String nameOrArn) {
        if (loadBalancers.containsKey(nameOrArn)) {
            return Optional.of(nameOrArn);
        }
        LoadBalancerRecord lb = byName(nameOrArn);
        return Optional.ofNullable(lb == null ? null : lb.arn);
    }

    // ============================================================================================ target groups

    /** CreateTargetGroup: a new target group, or the existing one with the same name and settings. */
    public synchronized Created<TargetGroup> createTargetGroup(CreateTargetGroupRequest r) {
        String name = r.name();
        checkName(name, "Target group");
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
        Map<String, String> requestTags = requestTags(r.tags());
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
    public String futureTargetGroupArn(String name) {
        return arns.targetGroup(name, "*");
    }

    /** ModifyTargetGroup: new health check settings; the next checks use them. */
    public synchronized TargetGroup modifyTargetGroup(ModifyTargetGroupRequest r) {
        TargetGroupRecord tg = tg(r.targetGroupArn());
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
    public synchronized List<TargetGroup> describeTargetGroups(
            String loadBalancerArn, List<String> targetGroupArns, List<String> names) {
        List<TargetGroupRecord> found = new ArrayList<>();
        if (loadBalancerArn != null) {
            lb(loadBalancerArn);
            for (TargetGroupRecord tg : targetGroups.values()) {
                if (tg.loadBalancerArns.contains(loadBalancerArn)) {
                    found.add(tg);
                }
            }
        } else if (targetGroupArns != null && !targetGroupArns.isEmpty()) {
            for (String arn : targetGroupArns) {
                found.add(tg(arn));
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
    public synchronized TargetGroup targetGroup(String arn) {
        return tg(arn).toSdk();
    }

    /** The target group with this ARN, if any: what the ECS port reads. */
    public synchronized Optional<TargetGroup> findTargetGroup(String arn) {
        TargetGroupRecord tg = arn == null ? null : targetGroups.get(arn);
        return Optional.ofNullable(tg == null ? null : tg.toSdk());
    }

    /** The target group with this ARN or name, if any. */
    public synchronized Optional<String> findTargetGroupArn(String nameOrArn) {
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
    public synchronized void deleteTargetGroup(String arn) {
        TargetGroupRecord tg = tg(arn);
        if (tg.inUse()) {
            throw ElbErrors.resourceInUse("Target group '" + arn + "' is currently in use by a listener or a rule");
        }
        targetGroups.remove(arn);
        tags.remove(arn);
        targets.deleted(tg);
    }

    /** DescribeTargetGroupAttributes. */
    public synchronized Map<String, String> targetGroupAttributes(String arn) {
        return new LinkedHashMap<>(tg(arn).attributes);
    }

    /** ModifyTargetGroupAttributes: checks every change, then makes them all; answers every attribute. */
    public synchronized Map<String, String> modifyTargetGroupAttributes(String arn, Map<String, String> changes) {
        TargetGroupRecord tg = tg(arn);
        Attributes.checkTargetGroup(tg.protocol.startsWith("HTTP"), changes);
        synchronized (tg) {
            tg.attributes.putAll(changes);
            tg.pool.leastOutstandingRequests(
                    "least_outstanding_requests".equals(tg.attributes.get("load_balancing.algorithm.type")));
        }
        return new LinkedHashMap<>(tg.attributes);
    }

    private TargetGroupRecord tg(String arn) {
        TargetGroupRecord tg = arn == null ? null : targetGroups.get(arn);
        if (tg == null) {
            throw ElbErrors.targetGroupNotFound();
        }
        return tg;
    }

    private TargetGroupRecord targetGroupByName(String name) {
        for (TargetGroupRecord tg : targetGroups.values()) {
            if (tg.name.equals(name)) {
                return tg;
            }
        }
        return null;
    }

    // ============================================================================================ targets

    /**
     * RegisterTargets: checks every target, then registers them all.
     *
     * @throws AwsException {@code TargetGroupNotFound}, {@code ValidationError} for a malformed id or an IP address
     *     outside the VPC without {@code AvailabilityZone=all}, {@code InvalidTarget} for a target ELB cannot route to
     */
    public synchronized void registerTargets(String targetGroupArn, List<TargetDescription> requested) {
        TargetGroupRecord tg = tg(targetGroupArn);
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
            throw ElbErrors.invalidTarget("The following targets are not valid instances: '" + id
                    + "'. Drydock runs no " + "EC2 instances yet: register tasks (target type 'ip') instead.");
        }
        byte[] bytes = Cidr.address(id);
        if (bytes == null || bytes.length != 4 && !"ipv6".equals(tg.ipAddressType)) {
            throw ElbErrors.validation("The IP address '" + id + "' is not a valid IPv4 address");
        }
        boolean inVpc = vpc.cidrBlocks(tg.vpcId).stream().anyMatch(c -> c.contains(id))
                || vpc.cidrBlocks(tg.vpcId).isEmpty() && VPC.matcher(tg.vpcId).matches() && privateAddress(id);
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
    public synchronized void deregisterTargets(String targetGroupArn, List<TargetDescription> requested) {
        TargetGroupRecord tg = tg(targetGroupArn);
        if (requested == null || requested.isEmpty()) {
            throw ElbErrors.validation("Targets cannot be empty");
        }
        boolean network =
                tg.loadBalancerArns.stream().map(loadBalancers::get).anyMatch(lb -> lb != null && !lb.application());
        for (TargetDescription t : requested) {
            int port = t.port() != null ? t.port() : tg.port;
            targets.deregister(tg, t.id(), port, network);
        }
    }

    /**
     * DescribeTargetHealth: the named targets (an unregistered one as {@code unused}, {@code Target.NotRegistered}), or
     * every registered target.
     */
    public TargetHealthDescriptions describeTargetHealth(String targetGroupArn, List<TargetDescription> requested) {
        TargetGroupRecord tg;
        synchronized (this) {
            tg = tg(targetGroupArn);
        }
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
        return new TargetHealthDescriptions(result);
    }

    /** DescribeTargetHealth's answer. */
    public record TargetHealthDescriptions(List<TargetHealthDescription> descriptions) {}

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

    // ============================================================================================ listeners

    /**
     * CreateListener: checks the protocol, port and actions, then starts the listener's proxy (HTTP for an Application
     * Load Balancer, TCP for a Network Load Balancer) on a local port.
     */
    public synchronized Listener createListener(CreateListenerRequest r) {
        LoadBalancerRecord lb = lb(r.loadBalancerArn());
        String protocol = r.protocolAsString() != null ? r.protocolAsString() : lb.application() ? "HTTP" : "TCP";
        checkProtocol(
                lb, protocol, r.port(), r.hasCertificates() && !r.certificates().isEmpty());
        Integer port = r.port() != null ? r.port() : protocol.equals("HTTPS") || protocol.equals("TLS") ? 443 : 80;
        for (ListenerRecord l : listenersOf(lb)) {
            if (l.port == port) {
                throw ElbErrors.duplicateListener(lb.arn);
            }
        }
        List<Action> actions = ActionRules.check(r.defaultActions(), lb.application(), targetGroups::get);
        checkAssociations(lb, actions);
        Map<String, String> requestTags = requestTags(r.tags());
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
    private void checkAssociations(LoadBalancerRecord lb, List<Action> actions) {
        for (String arn : ActionRules.targetGroupArns(actions)) {
            TargetGroupRecord tg = targetGroups.get(arn);
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
        return Routes.compile(compiled, l.defaultActions, arn -> targetGroups.get(arn).pool);
    }

    private void updateRoutes(ListenerRecord l) {
        if (l.proxy instanceof HttpListenerProxy http) {
            http.routes(routes(l));
        } else if (l.proxy instanceof TcpListenerProxy tcp) {
            tcp.routes(routes(l));
        }
    }

    /** ModifyListener: a new port, protocol or default actions; the proxy follows. */
    public synchronized Listener modifyListener(ModifyListenerRequest r) {
        ListenerRecord l = listener(r.listenerArn());
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
                ? ActionRules.check(r.defaultActions(), lb.application(), targetGroups::get)
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

    /** DescribeListeners: of a load balancer, or by ARN. */
    public synchronized List<Listener> describeListeners(String loadBalancerArn, List<String> listenerArns) {
        if (loadBalancerArn == null && (listenerArns == null || listenerArns.isEmpty())) {
            throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        if (loadBalancerArn != null && listenerArns != null && !listenerArns.isEmpty()) {
            throw ElbErrors.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
        }
        if (loadBalancerArn != null) {
            return listenersOf(lb(loadBalancerArn)).stream()
                    .map(ListenerRecord::toSdk)
                    .toList();
        }
        List<Listener> result = new ArrayList<>();
        for (String arn : listenerArns) {
            result.add(listener(arn).toSdk());
        }
        return result;
    }

    /** DeleteListener, with its rules. */
    public synchronized void deleteListener(String arn) {
        ListenerRecord l = listener(arn);
        removeListener(l);
        recomputeUsage();
    }

    private void removeListener(ListenerRecord l) {
        stop(l);
        for (RuleRecord rule : l.rules) {
            rules.remove(rule.arn);
            tags.remove(rule.arn);
        }
        listeners.remove(l.arn);
        tags.remove(l.arn);
    }

    private static void stop(ListenerRecord l) {
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

    private ListenerRecord listener(String arn) {
        ListenerRecord l = arn == null ? null : listeners.get(arn);
        if (l == null) {
            throw ElbErrors.listenerNotFound();
        }
        return l;
    }

    private List<ListenerRecord> listenersOf(LoadBalancerRecord lb) {
        return listeners.values().stream().filter(l -> l.loadBalancer == lb).toList();
    }

    /** The load balancer a listener ARN belongs to (for authorization on its resource). */
    public synchronized String loadBalancerOfListener(String listenerArn) {
        return listener(listenerArn).loadBalancer.arn;
    }

    /**
     * Where a load balancer's listener answers on this machine.
     *
     * @param listenerPort the listener's port, or {@code null} for its only (or lowest) listener that runs a proxy
     * @throws IllegalArgumentException when there is no such listener or it runs no proxy
     */
    public synchronized InetSocketAddress localAddress(String loadBalancerArn, Integer listenerPort) {
        LoadBalancerRecord lb = loadBalancers.get(loadBalancerArn);
        if (lb == null) {
            throw new IllegalArgumentException("No load balancer " + loadBalancerArn);
        }
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

    // ============================================================================================ rules

    /** CreateRule: a rule at a free priority. */
    public synchronized Rule createRule(CreateRuleRequest r) {
        ListenerRecord l = listener(r.listenerArn());
        if (!l.loadBalancer.application()) {
            throw ElbErrors.validation("Rules can only be created for listeners of Application Load Balancers");
        }
        int priority = r.priority();
        for (RuleRecord other : l.rules) {
            if (other.priority == priority) {
                throw ElbErrors.priorityInUse(priority);
            }
        }
        if (l.rules.size() >= MAX_RULES_PER_LISTENER) {
            throw ElbErrors.tooManyRules();
        }
        List<RuleCondition> conditions = ActionRules.conditions(r.conditions());
        List<Action> actions = ActionRules.check(r.actions(), true, targetGroups::get);
        checkAssociations(l.loadBalancer, actions);
        Map<String, String> requestTags = requestTags(r.tags());
        RuleRecord rule = new RuleRecord(arns.rule(l, ElbArns.newId()), l, priority, conditions, actions);
        l.rules.add(rule);
        rules.put(rule.arn, rule);
        tags.put(rule.arn, requestTags);
        recomputeUsage();
        updateRoutes(l);
        return rule.toSdk();
    }

    /** ModifyRule: new conditions and/or actions. */
    public synchronized Rule modifyRule(String ruleArn, List<RuleCondition> conditions, List<Action> actions) {
        RuleRecord rule = rule(ruleArn);
        if (rule == null) {
            throw ElbErrors.operationNotPermitted("The default rule's conditions cannot be modified: change the "
                    + "listener's default actions with ModifyListener");
        }
        List<RuleCondition> c =
                conditions == null || conditions.isEmpty() ? rule.conditions : ActionRules.conditions(conditions);
        List<Action> a = actions == null || actions.isEmpty()
                ? rule.actions
                : ActionRules.check(actions, true, targetGroups::get);
        checkAssociations(rule.listener.loadBalancer, a);
        rule.conditions = c;
        rule.actions = a;
        recomputeUsage();
        updateRoutes(rule.listener);
        return rule.toSdk();
    }

    /**
     * SetRulePriorities: every pair checked first (rules exist, none is a default rule, no priority given twice or
     * held by another rule of the listener), then all set.
     */
    public synchronized List<Rule> setRulePriorities(List<RulePriorityPair> pairs) {
        Map<RuleRecord, Integer> changes = new LinkedHashMap<>();
        for (RulePriorityPair p : pairs) {
            RuleRecord rule = rule(p.ruleArn());
            if (rule == null) {
                throw ElbErrors.operationNotPermitted("The default rule's priority cannot be changed");
            }
            if (p.priority() == null) {
                throw ElbErrors.validation("A priority must be specified for rule '" + p.ruleArn() + "'");
            }
            if (changes.containsValue(p.priority())) {
                throw ElbErrors.validation("Priority '" + p.priority() + "' was provided multiple times");
            }
            changes.put(rule, p.priority());
        }
        for (var e : changes.entrySet()) {
            for (RuleRecord other : e.getKey().listener.rules) {
                if (!changes.containsKey(other) && other.priority == e.getValue()) {
                    throw ElbErrors.priorityInUse(e.getValue());
                }
            }
        }
        Set<ListenerRecord> touched = new HashSet<>();
        List<Rule> result = new ArrayList<>();
        changes.forEach((rule, priority) -> {
            rule.priority = priority;
            touched.add(rule.listener);
            result.add(rule.toSdk());
        });
        touched.forEach(this::updateRoutes);
        return result;
    }

    /** DescribeRules: of a listener (priority order, default last), or by ARN. */
    public synchronized List<Rule> describeRules(String listenerArn, List<String> ruleArns) {
        if (listenerArn == null && (ruleArns == null || ruleArns.isEmpty())) {
            throw ElbErrors.validation("You must specify either listener rule ARNs or a listener ARN");
        }
        if (listenerArn != null && ruleArns != null && !ruleArns.isEmpty()) {
            throw ElbErrors.validation("Listener rule ARNs and a listener ARN cannot be specified at the same time");
        }
        List<Rule> result = new ArrayList<>();
        if (listenerArn != null) {
            ListenerRecord l = listener(listenerArn);
            List<RuleRecord> sorted = new ArrayList<>(l.rules);
            sorted.sort(Comparator.comparingInt(x -> x.priority));
            sorted.forEach(x -> result.add(x.toSdk()));
            result.add(RuleRecord.defaultRule(l));
            return result;
        }
        for (String arn : ruleArns) {
            RuleRecord rule = rule(arn);
            result.add(rule != null ? rule.toSdk() : RuleRecord.defaultRule(defaultRuleOwner(arn)));
        }
        return result;
    }

    /** DeleteRule. */
    public synchronized void deleteRule(String ruleArn) {
        RuleRecord rule = rule(ruleArn);
        if (rule == null) {
            throw ElbErrors.operationNotPermitted("Default rule '" + ruleArn + "' cannot be deleted");
        }
        rule.listener.rules.remove(rule);
        rules.remove(ruleArn);
        tags.remove(ruleArn);
        recomputeUsage();
        updateRoutes(rule.listener);
    }

    /**
     * A rule by ARN: the rule, or {@code null} for a listener's default rule.
     *
     * @throws AwsException {@code RuleNotFound} when there is neither
     */
    private RuleRecord rule(String arn) {
        RuleRecord rule = arn == null ? null : rules.get(arn);
        if (rule == null) {
            defaultRuleOwner(arn);
        }
        return rule;
    }

    private ListenerRecord defaultRuleOwner(String arn) {
        for (ListenerRecord l : listeners.values()) {
            if (l.defaultRuleArn.equals(arn)) {
                return l;
            }
        }
        throw ElbErrors.ruleNotFound();
    }

    /** The listener a rule ARN belongs to, for authorization. */
    public synchronized String listenerOfRule(String ruleArn) {
        RuleRecord rule = rule(ruleArn);
        return rule != null ? rule.listener.arn : defaultRuleOwner(ruleArn).arn;
    }

    // ============================================================================================ usage, tags

    /**
     * Recomputes which load balancers forward to each target group (from every listener's default actions and rules);
     * groups whose use changed start or stop health checks.
     */
    private void recomputeUsage() {
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
        for (TargetGroupRecord tg : targetGroups.values()) {
            List<String> now = List.copyOf(usage.getOrDefault(tg.arn, Set.of()));
            boolean wasInUse = tg.inUse();
            tg.loadBalancerArns = now;
            if (wasInUse != tg.inUse()) {
                targets.inUseChanged(tg);
            }
        }
    }

    /**
     * Checks that every ARN names a resource of ELB (load balancer, target group, listener or rule).
     *
     * @throws AwsException the not-found error of the first ARN's kind
     */
    public synchronized void checkResources(List<String> resourceArns) {
        for (String arn : resourceArns) {
            if (arn.contains(":loadbalancer/")) {
                lb(arn);
            } else if (arn.contains(":targetgroup/")) {
                tg(arn);
            } else if (arn.contains(":listener-rule/")) {
                rule(arn);
            } else if (arn.contains(":listener/")) {
                listener(arn);
            } else {
                throw ElbErrors.validation("'" + arn + "' is not a valid resource ARN");
            }
        }
    }

    /** A request's tags as a map, checked (limits, keys given twice). */
    public static Map<String, String> requestTags(List<Tag> sdkTags) {
        if (sdkTags != null) {
            Set<String> keys = new HashSet<>();
            for (var t : sdkTags) {
                if (t.key() != null && !keys.add(t.key())) {
                    throw ElbErrors.duplicateTagKeys(t.key());
                }
            }
        }
        return ElbErrors.TAG_RULES.check(sdkTags);
    }

    private static void checkName(String name, String kind) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A " + kind.toLowerCase(Locale.ROOT) + " name must be specified");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation(kind + " name cannot be longer than '32' characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw ElbErrors.validation(kind + " name '" + name
                    + "' can only contain characters that are alphanumeric characters or " + "hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation(kind + " name '" + name + "' cannot begin or end with '-'");
        }
    }

    /** A created resource, and whether it is new (an identical one may exist already). */
    public record Created<T>(T value, boolean created) {}

    /** One line per load balancer, listener and target, for a failing test's report. */
    public synchronized String summary() {
        StringBuilder b = new StringBuilder();
        for (LoadBalancerRecord lb : loadBalancers.values()) {
            b.append("  ")
                    .append(lb.type)
                    .append(" load balancer ")
                    .append(lb.name)
                    .append(" (")
                    .append(lb.dnsName)
                    .append(")\n");
            for (ListenerRecord l : listenersOf(lb)) {
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
        for (TargetGroupRecord tg : targetGroups.values()) {
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
        for (ListenerRecord l : listeners.values()) {
            stop(l);
        }
        for (TargetGroupRecord tg : targetGroups.values()) {
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
