package dev.drydock.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * The account's network as the services see it: one VPC whose subnets a test names freely, each in an Availability
 * Zone, so that services which care where a subnet is (a load balancer needs subnets in two zones, a task reports the
 * zone of its subnet) agree without a VPC being declared.
 *
 * <p>Which zone a subnet is in: the subnets declared with the setting {@code vpc.subnets}
 * ({@code subnet-0a1b2c3d=us-east-1a, subnet-0e5f6a7b=us-east-1b}) are where they are declared; any other subnet id is
 * in the zone its last hexadecimal digit picks, counting through the region's zones ({@code vpc.availability-zones},
 * default {@code <region>a,<region>b,<region>c}): with three zones, a last digit of 0, 3, 6, 9, c or f is zone
 * {@code a}, 1, 4, 7, a or d zone {@code b}, 2, 5, 8, b or e zone {@code c}. So {@code subnet-...1} and
 * {@code subnet-...2} are always in different zones, and the same id is in the same zone in every run.
 *
 * <p>The VPC ({@link #defaultVpcId()}, derived from the account and region) holds every subnet and the private address
 * ranges the container networks use (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), so every task's address is inside it.
 */
public interface VpcModel {

    /** The id of the VPC every subnet belongs to, e.g. {@code vpc-0c3a7e1f9b2d4e6a8}. */
    String defaultVpcId();

    /** The region's Availability Zones, e.g. {@code [us-east-1a, us-east-1b, us-east-1c]}. */
    List<String> availabilityZones();

    /** Whether {@code subnetId} has the form of a subnet id: {@code subnet-} and 8 or 17 hexadecimal digits. */
    boolean isSubnetId(String subnetId);

    /**
     * Where a subnet is.
     *
     * @throws IllegalArgumentException when {@code subnetId} is not a subnet id ({@link #isSubnetId})
     */
    Subnet subnet(String subnetId);

    /** The CIDR blocks of a VPC; empty for a VPC Drydock does not know. */
    List<Cidr> cidrBlocks(String vpcId);

    /**
     * The id of an Availability Zone, e.g. {@code use1-az2} for {@code us-east-1b}, or {@code null} for a name that is
     * not one of the region's zones.
     */
    String availabilityZoneId(String availabilityZone);

    /**
     * One subnet.
     *
     * @param subnetId e.g. {@code subnet-0123456789abcdef0}
     * @param vpcId its VPC
     * @param availabilityZone e.g. {@code us-east-1a}
     * @param availabilityZoneId e.g. {@code use1-az1}
     */
    record Subnet(String subnetId, String vpcId, String availabilityZone, String availabilityZoneId) {}

    /**
     * Records where an EC2 instance of this account is (the ECS model's container instances are): its private IP and
     * zone, as a load balancer's {@code instance} targets need them. Replaces what was recorded for the same id (an
     * instance's address changes when it gets a footprint on the container runtime).
     */
    void putInstance(Instance instance);

    /** The EC2 instance of that id, or empty when no service recorded one. */
    Optional<Instance> instance(String instanceId);

    /**
     * An EC2 instance.
     *
     * @param instanceId e.g. {@code i-0123456789abcdef0}
     * @param privateIp its private IPv4 address, where its host ports answer
     * @param availabilityZone e.g. {@code us-east-1a}
     */
    record Instance(String instanceId, String privateIp, String availabilityZone) {}
}
