/**
 * Amazon ECS in Drydock: {@link dev.drydock.ecs.EcsModule} (the module, found on the classpath) and
 * {@link dev.drydock.ecs.EcsFixtures} (clusters, task definitions and Fargate services to declare). Everything else
 * is done through the ECS API with the AWS SDK; {@code dev.drydock.ecs.internal} is not API.
 */
package dev.drydock.ecs;
