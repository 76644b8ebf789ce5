package dev.drydock.ecs;

import dev.drydock.core.spi.ServiceModule;

/**
 * Amazon ECS in a Drydock instance: the ECS API (JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.*})
 * on Drydock's endpoint, the model behind it, and tasks run as Docker containers. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(EcsModule.class)}.
 *
 * <p>Implemented operations: clusters (Create, Describe, List, Delete), task definitions (Register, Describe, List,
 * ListFamilies, Deregister), tasks (Run, Start, Stop, Describe, List), services (Create, Describe, Update, Delete,
 * List), tags, and container instances (Register, Deregister, Describe, List, UpdateState; Put/List/DeleteAttributes:
 * the EC2 capacity of a cluster, on which RunTask, StartTask and services with launch type EC2 place tasks). Others
 * answer {@code NotImplementedException} (HTTP 501) naming the operation; docs/ecs-operations.md has the table. Declare clusters and services with
 * {@link EcsFixtures} or the JUnit annotations; use the ECS API for everything else.
 */
public interface EcsModule extends ServiceModule {
    /** The {@code X-Amz-Target} prefix of the ECS API. */
    String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

    /**
     * Checks that tasks can run at all (a container runtime answers, the task sandbox image is there), so a
     * declaration fails at once with the fix rather than after its service retried for minutes. Waits for the
     * container runtime.
     *
     * @throws dev.drydock.core.DrydockException saying what is missing and how to fix it
     */
    void preflight();
}
