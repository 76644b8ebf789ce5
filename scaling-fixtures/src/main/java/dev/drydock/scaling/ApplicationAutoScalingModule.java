package dev.drydock.scaling;

import dev.drydock.core.spi.ServiceModule;

/**
 * Application Auto Scaling in a Drydock instance, for ECS services: the Application Auto Scaling JSON API
 * ({@code X-Amz-Target: AnyScaleFrontendService.*}, signing name {@code application-autoscaling}) on Drydock's
 * endpoint, with scaling policies that act: CloudWatch alarms (drydock-cloudwatch-fixtures) call them, and they change
 * the ECS service's desired count (drydock-ecs-fixtures), which the service scheduler follows. Cooldowns and activity
 * times run on the scaling clock ({@code scaling.time-scale}). Found on the classpath by
 * {@link java.util.ServiceLoader}; see docs/application-autoscaling-operations.md.
 */
public interface ApplicationAutoScalingModule extends ServiceModule {}
