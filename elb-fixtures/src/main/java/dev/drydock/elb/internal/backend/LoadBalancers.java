package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagStore;
import dev.drydock.core.spi.VpcModel;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend.Created;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;

/**
 * The model's load balancers: creation (idempotent on the name and settings), lookup by ARN or name, attributes,
 * security groups, subnets and zones, and deletion protection. Guarded by the backend's lock: callers hold it.
 */
final class LoadBalancers {
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");

    private final ElbArns arns;
    private final Clock clock;
    private final VpcModel vpc;
    private final TagStore tags;
    private final Map<String, LoadBalancerRecord> loadBalancers = new LinkedHashMap<>();

    LoadBalancers(ElbArns arns, Clock clock, VpcModel vpc, TagStore tags) {
        this.arns = arns;
        this.clock = clock;
        this.vpc = vpc;
        this.tags = tags;
    }

    /**
     * CreateLoadBalancer: a new load balancer, or the existing one with the same name and settings.
     *
     * @return the load balancer, and whether it is new
     */
    Created<LoadBalancer> createLoadBalancer(CreateLoadBalancerRequest r) {
        String name = r.name();
        RequestChecks.name(name, "Load balancer");
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
        Map<String, String> requestTags = RequestChecks.tags(r.tags());
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
    String futureLoadBalancerArn(CreateLoadBalancerRequest r) {
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
    List<LoadBalancer> describeLoadBalancers(List<String> loadBalancerArns, List<String> names) {
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
    LoadBalancer describe(String arn) {
        return get(arn).toSdk();
    }

    /**
     * Removes a load balancer (DeleteLoadBalancer) and its tags; its listeners are the caller's to remove.
     *
     * @return the removed load balancer, or {@code null} when there is none (deleting one that does not exist
     *     succeeds, as on AWS)
     * @throws AwsException {@code OperationNotPermitted} when deletion protection is on
     */
    LoadBalancerRecord delete(String arn) {
        LoadBalancerRecord lb = loadBalancers.get(arn);
        if (lb == null) {
            return null;
        }
        if ("true".equals(lb.attributes.get("deletion_protection.enabled"))) {
            throw ElbErrors.operationNotPermitted(
                    "Load balancer '" + arn + "' cannot be deleted because deletion protection is enabled");
        }
        loadBalancers.remove(arn);
        tags.remove(arn);
        return lb;
    }

    /** DescribeLoadBalancerAttributes. */
    Map<String, String> loadBalancerAttributes(String arn) {
        return new LinkedHashMap<>(get(arn).attributes);
    }

    /** ModifyLoadBalancerAttributes: checks every change, then makes them all; answers every attribute. */
    Map<String, String> modifyLoadBalancerAttributes(String arn, Map<String, String> changes) {
        LoadBalancerRecord lb = get(arn);
        Attributes.checkLoadBalancer(lb.application(), changes);
        lb.attributes.putAll(changes);
        return new LinkedHashMap<>(lb.attributes);
    }

    /** SetSecurityGroups: the load balancer's new security groups. */
    List<String> setSecurityGroups(String arn, List<String> groups) {
        LoadBalancerRecord lb = get(arn);
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
    LoadBalancer setSubnets(String arn, List<String> subnetIds) {
        LoadBalancerRecord lb = get(arn);
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

    /**
     * The load balancer with this ARN.
     *
     * @throws AwsException {@code LoadBalancerNotFound}
     */
    LoadBalancerRecord get(String arn) {
        LoadBalancerRecord lb = arn == null ? null : loadBalancers.get(arn);
        if (lb == null) {
            throw ElbErrors.loadBalancerNotFound();
        }
        return lb;
    }

    /** The load balancer with this ARN, or {@code null}. */
    LoadBalancerRecord find(String arn) {
        return arn == null ? null : loadBalancers.get(arn);
    }

    /** Every load balancer, in creation order. */
    Collection<LoadBalancerRecord> all() {
        return loadBalancers.values();
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
    Optional<String> findLoadBalancerArn(String nameOrArn) {
        if (loadBalancers.containsKey(nameOrArn)) {
            return Optional.of(nameOrArn);
        }
        LoadBalancerRecord lb = byName(nameOrArn);
        return Optional.ofNullable(lb == null ? null : lb.arn);
    }
}
