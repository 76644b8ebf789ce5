package dev.drydock.elb;

import java.time.Instant;

/**
 * One change of a target's health, as DescribeTargetHealth would have shown it from then on: what a failing test's
 * report lists as "target health over time".
 *
 * @param at when, by Drydock's clock
 * @param targetGroupArn the target group
 * @param targetGroupName its name
 * @param targetId the target's id (an IP address for target type {@code ip})
 * @param port the target's port
 * @param state {@code initial}, {@code healthy}, {@code unhealthy}, {@code unused}, {@code draining}, or
 *     {@code deregistered} once it is gone
 * @param reason the reason code (e.g. {@code Target.ResponseCodeMismatch}), or {@code null}
 * @param description the reason's description, or {@code null}
 */
public record TargetHealthChange(
        Instant at,
        String targetGroupArn,
        String targetGroupName,
        String targetId,
        int port,
        String state,
        String reason,
        String description) {}
