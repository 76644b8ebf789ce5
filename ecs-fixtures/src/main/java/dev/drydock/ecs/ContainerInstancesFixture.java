package dev.drydock.ecs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.ecs.internal.backend.InstanceTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceResponse;

/**
 * EC2 capacity for a cluster: {@code count} container instances of one EC2 instance type, registered as the ECS agent
 * registers them (RegisterContainerInstance with an instance identity document), spread round-robin over the
 * availability zones. Each registers the type's vCPUs x 1,024 CPU units and its memory in MiB, the agent's reserved
 * ports (22, 2375, 2376, 51678, 51679), the built-in attributes ({@code ecs.instance-type},
 * {@code ecs.availability-zone}, {@code ecs.ami-id}, {@code ecs.os-type}, {@code ecs.cpu-architecture} ...) and the
 * custom attributes given. See {@link EcsFixtures#containerInstances}.
 *
 * <pre>{@code
 * EcsFixtures.containerInstances("shop", 3, "m5.large")
 *         .availabilityZones("us-east-1a", "us-east-1b")
 *         .attribute("stack", "prod")
 * }</pre>
 */
public final class ContainerInstancesFixture implements Fixture {
    private final String cluster;
    private final int count;
    private final String instanceType;
    private List<String> availabilityZones;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String instanceProfileRole;

    ContainerInstancesFixture(String cluster, int count, String instanceType) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.instanceType = Objects.requireNonNull(instanceType, "instanceType");
        this.count = count;
    }

    /**
     * The availability zones the instances are spread over, round-robin in this order (default: the region's
     * {@code a}, {@code b} and {@code c} zones, e.g. {@code us-east-1a}).
     */
    public ContainerInstancesFixture availabilityZones(String... zones) {
        if (zones.length == 0) {
            throw new DrydockException(describe() + ": availabilityZones needs at least one zone.");
        }
        this.availabilityZones = List.of(zones);
        return this;
    }

    /**
     * A custom attribute every instance carries (at most 10 per instance, as ECS allows), for placement constraints
     * such as {@code attribute:stack == prod}; {@code value} may be null for a name-only attribute. ECS's rules apply:
     * names of up to 128 letters, digits, hyphens, underscores, periods, at signs and slashes; values of up to 128
     * characters.
     */
    public ContainerInstancesFixture attribute(String name, String value) {
        attributes.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /**
     * The instances' instance profile role (a role name or ARN; the instance profile is named after it): tasks that
     * reach the instance metadata service at 169.254.169.254 (EC2 tasks in bridge or host mode, and awsvpc unless
     * blocked) get its credentials there, and the SDKs' and the AWS CLI's default chains find them when the task has
     * no task role. The role must exist when the fixture applies and trust {@code ec2.amazonaws.com}.
     */
    public ContainerInstancesFixture instanceProfile(String role) {
        this.instanceProfileRole = Objects.requireNonNull(role, "role");
        return this;
    }

    /**
     * Registers the instances; all or none: the declaration is checked first, and ECS checks the first instance (the
     * others are the same).
     *
     * @throws DrydockException naming what is wrong: {@code count} below 1, an {@code instanceType} Drydock does not
     *     know the size of, a zone of {@code availabilityZones} that is not one of the region's, or an attribute ECS
     *     refuses, or an instance profile role that does not exist or does not trust {@code ec2.amazonaws.com}
     */
    @Override
    public void apply(Drydock drydock) {
        String region = drydock.region();
        List<String> zones =
                availabilityZones != null ? availabilityZones : List.of(region + "a", region + "b", region + "c");
        check(region, zones);
        List<Attribute> custom = new ArrayList<>();
        attributes.forEach(
                (k, v) -> custom.add(Attribute.builder().name(k).value(v).build()));
        for (int i = 0; i < count; i++) {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("accountId", drydock.accountId());
            identity.put("architecture", "x86_64");
            identity.put("availabilityZone", zones.get(i % zones.size()));
            identity.put("instanceType", instanceType);
            identity.put("region", region);
            String document = new String(JsonTree.write(identity), StandardCharsets.UTF_8);
            RegisterContainerInstanceResponse registered;
            try {
                registered = EcsFixtures.module(drydock)
                        .adminCalls()
                        .call(
                                "ecs",
                                RegisterContainerInstanceRequest.builder()
                                        .cluster(cluster)
                                        .instanceIdentityDocument(document)
                                        .attributes(custom)
                                        .build(),
                                RegisterContainerInstanceResponse.class);
            } catch (AwsException e) {
                throw new DrydockException(
                        "ECS refuses the container instance: " + e.errorCode() + ": " + e.getMessage(), e);
            }
            if (instanceProfileRole != null) {
                EcsFixtures.module(drydock)
                        .instanceProfile(registered.containerInstance().containerInstanceArn(), instanceProfileRole);
            }
        }
    }

    private void check(String region, List<String> zones) {
        if (count < 1) {
            throw new DrydockException("count is " + count + "; it must be 1 or more.");
        }
        if (InstanceTypes.find(instanceType).isEmpty()) {
            throw new DrydockException("instanceType is '" + instanceType + "', whose size Drydock does not know. Use"
                    + " one of " + InstanceTypes.known() + ", or register instances of other types with"
                    + " RegisterContainerInstance and totalResources (CPU units and MEMORY in MiB).");
        }
        for (String zone : zones) {
            if (!zone.matches(Pattern.quote(region) + "[a-z]")) {
                throw new DrydockException("availabilityZones has '" + zone + "', which is not an availability zone of"
                        + " the region " + region + ": name zones such as " + region + "a, " + region + "b.");
            }
        }
    }

    @Override
    public String describe() {
        return "EcsFixtures.containerInstances(\"" + cluster + "\", " + count + ", \"" + instanceType + "\")";
    }
}
