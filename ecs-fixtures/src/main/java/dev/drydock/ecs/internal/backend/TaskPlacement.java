package dev.drydock.ecs.internal.backend;

import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Where a new task runs, or why it cannot: asked once per task by RunTask (a task that cannot be placed becomes one of
 * its {@code failures}) and by the service scheduler (which then says so in a service event and tries again on a
 * later pass). Called with the backend's lock held: answer from the model, never block.
 *
 * <p>{@link #FARGATE} places every task, in the region's first availability zone. A placement engine for container
 * instances (resources, constraints, strategies) is the other implementation this interface is for.
 */
interface TaskPlacement {

    /** Fargate: every task is placed, in availability zone {@code <region>a}. */
    TaskPlacement FARGATE = request -> Placement.in(request.region() + "a");

    /** Places one task. */
    Placement place(Request request);

    /**
     * One task to place.
     *
     * @param region the model's region
     * @param cluster the cluster's name
     * @param taskDefinition the task definition it runs
     * @param overrides RunTask's overrides (task cpu and memory), or {@code null}
     * @param launchType the resolved launch type
     * @param group the task group ({@code service:<name>} or {@code family:<family>} by default)
     */
    record Request(
            String region,
            String cluster,
            TaskDefinition taskDefinition,
            TaskOverride overrides,
            LaunchType launchType,
            String group) {}

    /**
     * Where a task goes, or why it cannot be placed.
     *
     * @param availabilityZone the task's availability zone, when placed
     * @param failure the RunTask failure (arn and reason, e.g. {@code RESOURCE:MEMORY}) when it cannot be placed
     */
    record Placement(String availabilityZone, Failure failure) {
        static Placement in(String availabilityZone) {
            return new Placement(availabilityZone, null);
        }

        static Placement failed(Failure failure) {
            return new Placement(null, failure);
        }

        boolean placed() {
            return failure == null;
        }
    }
}
