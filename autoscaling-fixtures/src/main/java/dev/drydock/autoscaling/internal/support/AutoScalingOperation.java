package dev.drydock.autoscaling.internal.support;

import static dev.drydock.autoscaling.internal.AutoScalingErrors.validation;

import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.VpcModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What EC2 Auto Scaling's handlers share: the backend (groups and scaling policies), the account's VPC (which zone a subnet is in), and
 * authorization as the Service Authorization Reference lists it for Amazon EC2 Auto Scaling
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html): action
 * {@code autoscaling:<Operation>}; the group actions on the group's ARN
 * ({@code arn:aws:autoscaling:<region>:<account>:autoScalingGroup:<uuid>:autoScalingGroupName/<name>}, {@code *} for
 * the uuid of a group not created yet) with the condition keys {@code autoscaling:MinSize} and
 * {@code autoscaling:MaxSize} when the request gives them; the Describe actions on {@code *}.
 */
public abstract class AutoScalingOperation {
    /** The IAM service prefix. */
    protected static final String PREFIX = "autoscaling:";

    protected final AutoScalingGroups groups;
    protected final ScalingPolicies policies;
    private final VpcModel vpc;

    protected AutoScalingOperation(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        this.groups = groups;
        this.policies = policies;
        this.vpc = vpc;
    }

    /** Authorizes {@code autoscaling:<action>} on a group with the sizes the request gives as condition keys. */
    protected void authorizeGroup(CallContext c, String action, String name, Integer minSize, Integer maxSize) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (minSize != null) {
            keys.put("autoscaling:MinSize", List.of(minSize.toString()));
        }
        if (maxSize != null) {
            keys.put("autoscaling:MaxSize", List.of(maxSize.toString()));
        }
        c.authorize(PREFIX + action, groups.arn(name), keys);
    }

    /** Authorizes {@code autoscaling:<action>} on {@code *}. */
    protected static void authorizeAll(CallContext c, String action) {
        c.authorize(PREFIX + action, "*");
    }

    /**
     * The zones of a VPCZoneIdentifier ({@code subnet-a,subnet-b}), in order; checks given zone names too.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} naming a subnet or zone that is not valid
     */
    protected List<String> zonesOf(String vpcZoneIdentifier, List<String> availabilityZones) {
        for (String z : availabilityZones == null ? List.<String>of() : availabilityZones) {
            if (!vpc.availabilityZones().contains(z)) {
                throw validation("The Availability Zone " + z + " is not one of the region's: "
                        + String.join(", ", vpc.availabilityZones()) + ".");
            }
        }
        List<String> zones = new ArrayList<>();
        if (vpcZoneIdentifier == null || vpcZoneIdentifier.isBlank()) {
            return zones;
        }
        for (String subnet : vpcZoneIdentifier.split(",")) {
            String id = subnet.trim();
            if (!vpc.isSubnetId(id)) {
                throw validation("The subnet ID '" + id + "' does not exist");
            }
            zones.add(vpc.subnet(id).availabilityZone());
        }
        return zones;
    }
}
