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
 * <p>{@link #FARGATE} places every task, in the region's first availability zone (a task with a subnet then takes
 * its subnet's zone, see {@code Tasks}); {@link ClusterPlacement} places
 * tasks of the EC2 launch type on the cluster's container instances with the {@link PlacementEngine}.
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
     * @param rules the placement constraints and strategies (EC2), or {@code null} for none
     * @param containerInstance StartTask's container instance, the only candidate; {@code null} for any
     * @param capacityProvider the task's Auto Scaling group capacity provider: only its container instances are
     *     candidates, and a task that fits none waits for capacity ({@link Placement#awaiting}); {@code null} (or a
     *     Fargate provider) for none
     */
    record Request(
            String region,
            String cluster,
            TaskDefinition taskDefinition,
            TaskOverride overrides,
            LaunchType launchType,
            String group,
            PlacementEngine.Rules rules,
            ContainerInstanceRecord containerInstance,
            String capacityProvider) {
        Request(
                String region,
                String cluster,
                TaskDefinition taskDefinition,
                TaskOverride overrides,
                LaunchType launchType,
                String group,
                PlacementEngine.Rules rules,
                ContainerInstanceRecord containerInstance) {
            this(region, cluster, taskDefinition, overrides, launchType, group, rules, containerInstance, null);
        }

        Request(
                String region,
                String cluster,
                TaskDefinition taskDefinition,
                TaskOverride overrides,
                LaunchType launchType,
                String group) {
            this(region, cluster, taskDefinition, overrides, launchType, group, null, null, null);
        }
    }

    /**
     * Where a task goes, or why it cannot be placed.
     *
     * @param availabilityZone the task's availability zone, when placed
     * @param failure the RunTask failure (arn and reason, e.g. {@code RESOURCE:MEMORY}) when it cannot be placed
     * @param instance the container instance the task runs on (EC2), else {@code null}
     * @param demand what the task takes from {@code instance}, else {@code null}
     * @param awaiting the task of an Auto Scaling group capacity provider fits none of its instances now: it is created
     *     and waits in PROVISIONING for capacity ({@code failure} says why it does not fit yet)
     */
    record Placement(
            String availabilityZone,
            Failure failure,
            ContainerInstanceRecord instance,
            PlacementEngine.Demand demand,
            boolean awaiting) {
        static Placement in(String availabilityZone) {
            return new Placement(availabilityZone, null, null, null, false);
        }

        static Placement on(ContainerInstanceRecord instance, PlacementEngine.Demand demand) {
            return new Placement(instance.availabilityZone, null, instance, demand, false);
        }

        static Placement failed(Failure failure) {
            return new Placement(null, failure, null, null, false);
        }

        /** The task waits in PROVISIONING for its capacity provider's instances. */
        static Placement awaiting(Failure why) {
            return new Placement(null, why, null, null, true);
        }

        boolean placed() {
            return failure == null;
        }

        /** Whether a task is created: placed, or waiting for capacity. */
        boolean created() {
            return failure == null || awaiting;
        }
    }
}
