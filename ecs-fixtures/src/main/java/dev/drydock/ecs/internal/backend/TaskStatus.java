package dev.drydock.ecs.internal.backend;

/**
 * The task lifecycle states, in the order ECS moves through them
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle-explanation.html). A task only moves
 * forward; it may skip states (a task that fails to start goes from PENDING to STOPPING).
 */
public enum TaskStatus {
    PROVISIONING,
    PENDING,
    ACTIVATING,
    RUNNING,
    DEACTIVATING,
    STOPPING,
    DEPROVISIONING,
    STOPPED;

    /** Whether a task in this state counts as pending (not yet running, not stopping). */
    public boolean pending() {
        return this == PROVISIONING || this == PENDING || this == ACTIVATING;
    }
}
