/**
 * Auto Scaling group capacity providers, ECS's side: what ECS asks EC2 Auto Scaling (through core's admin calls), and
 * the managed scaling ECS runs for its providers.
 */
package dev.drydock.ecs.internal.capacity;
