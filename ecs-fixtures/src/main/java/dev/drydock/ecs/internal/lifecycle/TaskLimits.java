package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.Settings;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's size (task-level {@code memory} and {@code cpu}) as the limit its containers share, as on Fargate: task
 * memory is "the amount (in MiB) of memory used by the task"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html), and setting task cpu
 * sets "the maximum amount of CPU resources that your containers in a task are allowed"
 * (https://repost.aws/knowledge-center/ecs-cpu-allocation). The task's
 * sandbox (the container holding its network namespace) gets the task's limits and every container of the task is
 * created in a cgroup under the sandbox's ({@link ContainerRuntime#childCgroupParent}), so the kernel holds all of
 * them together to the task's memory; each container's own {@code memory}, {@code memoryReservation} and {@code cpu}
 * still apply inside it.
 *
 * <p>Engines that cannot nest cgroups that way (Podman, cgroup v2, Docker's systemd driver) fall back, with a log line:
 * each container without its own hard {@code memory} is limited to the whole task's memory on its own, so no single
 * container exceeds the task's size, but together they may.
 *
 * <p>Task CPU is applied as a CPU quota (1024 units = one CPU) only with the setting {@value #CPU_LIMIT_SETTING}
 * {@code true}: a quota slows every task to its size (a 256-unit task gets a quarter of a CPU: 1 s of CPU work takes at
 * least 4 s, measured in docs/ecs-containers.md), which slows tests down without making them more faithful in what
 * they check. Off by default.
 */
final class TaskLimits {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLimits.class);

    /** The setting that turns task CPU into a CPU quota (true/false, default false). */
    static final String CPU_LIMIT_SETTING = "ecs.task-cpu-limit";

    /**
     * How a task's containers are created with respect to its size.
     *
     * @param cgroupParent the cgroup the task's containers go under, or {@code null} (no shared limit)
     * @param eachContainerMemoryMiB the hard memory limit for a container without its own, when there is no shared
     *     limit (the fallback), or {@code null}
     */
    record Applied(String cgroupParent, Long eachContainerMemoryMiB) {
        static final Applied NONE = new Applied(null, null);
    }

    private TaskLimits() {}

    /**
     * Puts the task's size on its sandbox and answers how its containers are to be created.
     *
     * @param sandboxId the container holding the task's network namespace
     * @throws dev.drydock.core.runtime.RuntimeFailure when the runtime refuses the limits (the task fails to start)
     */
    static Applied apply(Settings settings, ContainerRuntime runtime, TaskRecord task, String sandboxId) {
        Integer memory = task.taskMemoryMiB();
        Integer cpu = Boolean.parseBoolean(settings.get(CPU_LIMIT_SETTING, "false")) ? task.taskCpuUnits() : null;
        if (sandboxId == null || (memory == null && cpu == null)) {
            return Applied.NONE;
        }
        Optional<String> parent = runtime.childCgroupParent(sandboxId);
        if (parent.isEmpty()) {
            LOG.info(
                    "Task {}: {} cannot put the task's containers under one cgroup; its memory ({} MiB) limits each "
                            + "container without its own memory on its own, not all of them together{}",
                    task.id(),
                    runtime.description(),
                    memory,
                    cpu == null ? "" : ", and its cpu is not applied");
            return new Applied(null, memory == null ? null : memory.longValue());
        }
        runtime.updateLimits(sandboxId, memory == null ? null : memory.longValue(), cpu);
        return new Applied(parent.get(), null);
    }
}
