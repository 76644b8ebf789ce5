package dev.drydock.ecs.internal.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The RUNNING tasks of services with what their task definitions reserve: what ECS's service utilization metrics are
 * computed over ("Amazon ECS service utilization metrics",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html: the CPU and memory the tasks
 * use compared to the CPU and memory specified in the service's task definition).
 */
public final class RunningServiceTasks {

    private RunningServiceTasks() {}

    /**
     * One running service task.
     *
     * @param cpuUnits the task's CPU in CPU units (the task-level {@code cpu}, else the sum of its containers'), 1024 a
     *     vCPU
     * @param memoryMiB the task's memory in MiB (the task-level {@code memory}, else the sum of its containers'
     *     reservations or limits)
     * @param runtimeIds the container runtime ids of its containers that run
     */
    public record Reservation(
            String clusterName,
            String serviceName,
            String taskArn,
            int cpuUnits,
            int memoryMiB,
            List<String> runtimeIds) {}

    /** A consistent snapshot, read under the model's lock. */
    public static List<Reservation> snapshot(EcsBackend backend) {
        return backend.read(() -> {
            List<Reservation> out = new ArrayList<>();
            for (TaskRecord t : backend.allTasks()) {
                if (t.serviceName == null || t.lastStatus != TaskStatus.RUNNING) {
                    continue;
                }
                PlacementEngine.Demand d = PlacementEngine.demand(t.taskDefinition, t.overrides, t.group);
                List<String> ids = new ArrayList<>();
                for (ContainerRecord c : t.containers) {
                    if (c.lastStatus() == ContainerRecord.Status.RUNNING && c.runtimeId() != null) {
                        ids.add(c.runtimeId());
                    }
                }
                out.add(new Reservation(t.clusterName, t.serviceName, t.arn, d.cpu(), d.memory(), List.copyOf(ids)));
            }
            return out;
        });
    }
}
