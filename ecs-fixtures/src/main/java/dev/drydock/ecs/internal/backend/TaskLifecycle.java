package dev.drydock.ecs.internal.backend;

/**
 * Where the backend sends container work: starting a task's containers and stopping them. Implementations return
 * at once and report progress back through the backend's lifecycle callbacks ({@code eniAttached},
 * {@code taskRunning}, {@code containerExited}, {@code stopped} ...). Called with the backend's lock held: never
 * block, never call back into the backend synchronously.
 */
public interface TaskLifecycle {

    /** Does nothing: tasks stay PROVISIONING. For backend tests that drive the callbacks themselves. */
    TaskLifecycle NONE = new TaskLifecycle() {
        @Override
        public void launch(TaskRecord task) {}

        @Override
        public void stop(TaskRecord task) {}
    };

    /** Starts the task's containers. */
    void launch(TaskRecord task);

    /** Stops the task's containers (its desired status is already STOPPED). */
    void stop(TaskRecord task);
}
