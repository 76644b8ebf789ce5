package dev.drydock.ecs.internal.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * Tasks of Auto Scaling group capacity providers that fit none of the provider's container instances when they were
 * created: "If the Auto Scaling group is unable to scale out to accommodate the number of tasks run, the tasks will fail
 * to transition beyond the PROVISIONING state." ("Auto Scaling group capacity providers",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html). They wait in PROVISIONING
 * (counted by managed scaling's CapacityProviderReservation) and are placed on the provider's instances as they
 * register or free up, on each pass of the service scheduler; one still waiting after the provisioning timeout stops
 * with stopCode TaskFailedToStart. Guarded by the backend's lock: callers hold it.
 */
final class CapacityWaits {
    /**
     * The stoppedReason of a task whose capacity never came. Drydock's words: AWS's text for this case is not in its
     * documentation.
     */
    static final String TIMED_OUT = "Capacity provider %s could not provide an instance for the task within %s: the "
            + "task was in PROVISIONING for too long.";

    private final String region;
    private final Tasks tasks;
    private final TaskPlacement placement;
    private final TaskTransitions transitions;
    private volatile Duration timeout = Duration.ofMinutes(30);

    CapacityWaits(String region, Tasks tasks, TaskPlacement placement, TaskTransitions transitions) {
        this.region = region;
        this.tasks = tasks;
        this.placement = placement;
        this.transitions = transitions;
    }

    /** How long a task may wait in PROVISIONING for capacity (30 minutes by default). */
    void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Places the waiting tasks that fit now (oldest first) and stops those that waited too long.
     *
     * @param toLaunch receives the tasks placed, whose containers the caller starts
     * @return when the next waiting task times out, or {@code null} when none waits
     */
    Instant pass(Instant now, List<TaskRecord> toLaunch) {
        Instant next = null;
        List<TaskRecord> waiting = tasks.all().stream()
                .filter(t -> t.awaitingCapacity && t.desiredStatus == DesiredStatus.RUNNING)
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .toList();
        for (TaskRecord t : waiting) {
            Instant deadline = t.createdAt.plus(timeout);
            if (!now.isBefore(deadline)) {
                t.awaitingCapacity = false;
                transitions.requestStop(
                        t,
                        TaskStopCode.TASK_FAILED_TO_START,
                        String.format(TIMED_OUT, t.capacityProviderName, timeout));
                continue;
            }
            TaskPlacement.Placement placed = placement.place(new TaskPlacement.Request(
                    region,
                    t.clusterName,
                    t.taskDefinition,
                    t.overrides,
                    LaunchType.EC2,
                    t.group,
                    t.placementRules,
                    null,
                    t.capacityProviderName));
            if (placed.placed()) {
                tasks.placeWaiting(t, placed);
                toLaunch.add(t);
            } else if (next == null || deadline.isBefore(next)) {
                next = deadline;
            }
        }
        return next;
    }
}
