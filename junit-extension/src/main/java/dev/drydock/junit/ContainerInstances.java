package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * EC2 capacity of an {@link EcsCluster}: {@link #count()} container instances of one EC2 instance type, registered as
 * the ECS agent registers them (RegisterContainerInstance with an instance identity document) when the cluster is
 * created, spread round-robin over {@link #availabilityZones()}. Each registers the type's vCPUs x 1,024 CPU units and
 * its memory in MiB, the agent's reserved ports and built-in attributes ({@code ecs.instance-type},
 * {@code ecs.availability-zone} ...), and the custom {@link #attributes()}. RunTask, StartTask and services with launch
 * type EC2 place tasks on them. See docs/ecs-ec2-capacity.md.
 *
 * <pre>{@code
 * @EcsCluster(name = "shop", containerInstances = {
 *         @ContainerInstances(count = 2, instanceType = "m5.large", availabilityZones = {"us-east-1a", "us-east-1b"},
 *                 attributes = "stack=prod"),
 *         @ContainerInstances(instanceType = "r6i.large", attributes = {"stack=prod", "memory-heavy"})})
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.ecs.EcsFixtures.containerInstances(cluster, count, instanceType)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ContainerInstances {

    /** How many instances, at least 1. */
    int count() default 1;

    /**
     * The EC2 instance type, one whose size Drydock knows: t3 (micro to 2xlarge), m5, m6i, c6i and r6i (large to
     * 4xlarge), e.g. {@code m5.large} (2 vCPUs = 2,048 CPU units, 8,192 MiB, 3 network interfaces).
     */
    String instanceType();

    /**
     * The availability zones of the region the instances are spread over, round-robin in this order; by default the
     * region's {@code a}, {@code b} and {@code c} zones (e.g. {@code us-east-1a}).
     */
    String[] availabilityZones() default {};

    /**
     * Custom attributes every instance carries, each {@code name=value} or a bare {@code name} (a name-only
     * attribute), e.g. {@code "stack=prod"}: for placement constraints such as {@code attribute:stack == prod}. At most
     * 10, with ECS's rules for names and values.
     */
    String[] attributes() default {};

    /**
     * The instances' instance profile role, by name or ARN (empty: none): a role of the test (e.g. declared with
     * {@code @IamRole}) that trusts {@code ec2.amazonaws.com}. EC2 tasks without a task role get its credentials from
     * the instance metadata service at 169.254.169.254 (see docs/ecs-ec2.md).
     */
    String instanceProfile() default "";
}
