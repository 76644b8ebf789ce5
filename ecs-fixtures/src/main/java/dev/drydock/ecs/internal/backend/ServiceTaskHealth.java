package dev.drydock.ecs.internal.backend;

/**
 * How the service scheduler judges a service's task: whether it counts toward {@code minimumHealthyPercent} and a
 * steady state, whether it still waits for its first verdict, or whether it must be replaced. Called once per task and
 * scheduler pass, with the backend's lock held: answer from the model, never block.
 *
 * <p>{@link ContainerHealthChecks} judges by the containers' health checks. A service behind load balancers will also
 * ask its target groups: a task counts only when healthy in every one, and one failing the load balancer's health
 * checks after the service's grace period is replaced with that reason.
 */
interface ServiceTaskHealth {

    /** The verdict on one of the service's tasks whose desired status is RUNNING. */
    Verdict judge(ServiceRecord service, TaskRecord task);

    /**
     * A task's health as the scheduler sees it.
     *
     * @param healthy whether the task (RUNNING) counts as healthy for minimumHealthyPercent and steady state
     * @param awaitingHealth whether the task runs and waits for its first health verdict
     * @param replacementReason the stoppedReason the scheduler stops the task with so that it is replaced, or
     *     {@code null} to keep it
     */
    record Verdict(boolean healthy, boolean awaitingHealth, String replacementReason) {
        /** Counts as healthy. */
        static final Verdict HEALTHY = new Verdict(true, false, null);
        /** Runs, and waits for its first health verdict. */
        static final Verdict AWAITING = new Verdict(false, true, null);
        /** Neither healthy nor to be replaced (not running yet, say). */
        static final Verdict NOT_HEALTHY = new Verdict(false, false, null);

        /** Must be replaced, for this reason. */
        static Verdict replace(String reason) {
            return new Verdict(false, false, reason);
        }
    }
}
