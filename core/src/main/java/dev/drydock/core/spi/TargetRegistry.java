package dev.drydock.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A service module that keeps load balancer target groups (Elastic Load Balancing), so that the ECS model can register
 * a service's tasks as targets, drain them and count them by their health, without depending on the module. ECS finds
 * it with {@link ServiceContext#module(Class)}; without one on the classpath, a service that names load balancers is
 * refused, naming the artifact to add.
 *
 * <p>Registration works as {@code RegisterTargets} / {@code DeregisterTargets} do (the caller is the service, as ECS's
 * service-linked role is: nothing is authorized or recorded in the decision log); health is what
 * {@code DescribeTargetHealth} reports.
 */
public interface TargetRegistry extends ServiceModule {

    /** The Drydock artifact that provides this port, for error messages. */
    String ARTIFACT = "dev.drydock:drydock-elb-fixtures";

    /** A target group by ARN or name, or empty when there is none. */
    Optional<TargetGroup> targetGroup(String targetGroupArnOrName);

    /**
     * Registers a target (RegisterTargets). Registering a target that is registered already changes nothing.
     *
     * @throws IllegalArgumentException when the target group does not exist or refuses the target; the message says
     *     why, in ELB's words
     */
    void register(String targetGroupArn, Target target);

    /**
     * Deregisters a target (DeregisterTargets): it drains for the target group's deregistration delay, then is gone.
     * Deregistering a target that is not registered changes nothing.
     */
    void deregister(String targetGroupArn, Target target);

    /** The target's health as {@code DescribeTargetHealth} reports it. */
    TargetHealth health(String targetGroupArn, Target target);

    /**
     * Calls {@code listener} (on a thread of the module's, never blocking it for long) whenever a target's health
     * changes, so that a consumer can react at once rather than at its next poll.
     */
    void onHealthChange(Runnable listener);

    /**
     * How long an AWS period lasts here: the load balancing module's setting can shorten every period (health check
     * intervals, deregistration delays) by one factor, and services whose periods interact with them (ECS's health
     * check grace period) shorten theirs by the same factor, so events keep their order.
     */
    Duration scaled(Duration awsPeriod);

    /**
     * A target.
     *
     * @param id the target id: an IP address (target type {@code ip}) or an instance id ({@code instance})
     * @param port the port traffic goes to
     * @param availabilityZone the zone, or {@code null} for the zone ELB finds for it
     */
    record Target(String id, int port, String availabilityZone) {}

    /**
     * A target group as ECS checks it.
     *
     * @param arn its ARN
     * @param name its name
     * @param targetType {@code instance}, {@code ip}, {@code lambda} or {@code alb}
     * @param protocol e.g. {@code HTTP}, {@code TCP}
     * @param port its port, or {@code null}
     * @param vpcId its VPC, or {@code null}
     * @param loadBalancerArns the load balancers whose listeners or rules forward to it
     * @param deregistrationDelay {@code deregistration_delay.timeout_seconds}, as AWS states it (not scaled)
     */
    record TargetGroup(
            String arn,
            String name,
            String targetType,
            String protocol,
            Integer port,
            String vpcId,
            List<String> loadBalancerArns,
            Duration deregistrationDelay) {}

    /**
     * A target's health.
     *
     * @param state {@code initial}, {@code healthy}, {@code unhealthy}, {@code unused}, {@code draining} or
     *     {@code unavailable}
     * @param reason e.g. {@code Elb.InitialHealthChecking}, {@code Target.ResponseCodeMismatch}, or {@code null}
     * @param description e.g. {@code Health checks failed with these codes: [503]}, or {@code null}
     */
    record TargetHealth(String state, String reason, String description) {

        /** Whether the target is healthy. */
        public boolean healthy() {
            return "healthy".equals(state);
        }

        /** Whether the target is failing its health checks. */
        public boolean unhealthy() {
            return "unhealthy".equals(state);
        }

        /** Whether the target is no longer registered (deregistration has completed). */
        public boolean notRegistered() {
            return "unused".equals(state) && "Target.NotRegistered".equals(reason);
        }
    }
}
