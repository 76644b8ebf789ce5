package dev.drydock.autoscaling;

import dev.drydock.core.spi.ServiceModule;

/**
 * Amazon EC2 Auto Scaling in a Drydock instance: groups (CreateAutoScalingGroup, UpdateAutoScalingGroup,
 * SetDesiredCapacity, DescribeAutoScalingGroups, DescribeAutoScalingInstances, DeleteAutoScalingGroup) on the Auto
 * Scaling query API (signing name {@code autoscaling}, version 2011-01-01) on Drydock's endpoint, IAM-authorized. A
 * group launches instances from an EC2 launch template (drydock-ec2-fixtures) as model objects, balanced across its
 * Availability Zones, {@code Pending} for {@code autoscaling.instance-pending-time} of the scaling clock (default
 * 30 s) and then {@code InService}. An instance whose user data sets {@code ECS_CLUSTER} registers with that cluster as
 * the ECS agent does when it turns InService (drydock-ecs-fixtures), with its launch template's instance profile, and
 * is deregistered when it terminates (Terminating, Terminating:Wait while ECS lets it go). Scaling policies
 * (PutScalingPolicy: target tracking, step, simple) act through CloudWatch alarms (drydock-cloudwatch-fixtures);
 * SetInstanceProtection; DescribeScalingActivities. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(AutoScalingModule.class)}. See
 * docs/autoscaling-operations.md.
 */
public interface AutoScalingModule extends ServiceModule {}
