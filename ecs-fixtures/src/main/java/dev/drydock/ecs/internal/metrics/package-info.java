/**
 * ECS's CloudWatch metrics: the service utilization ECS publishes to {@code AWS/ECS}, measured from the real containers'
 * stats (or set by a test on the simulated runtime). Not API.
 */
package dev.drydock.ecs.internal.metrics;
