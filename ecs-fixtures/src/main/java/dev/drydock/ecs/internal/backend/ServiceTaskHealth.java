package dev.drydock.ecs.internal.backend;

/**
 * How the service scheduler judges a service's task: whether it counts toward {@code minimumHealthyPercent} and a
 * steady state, whether it still waits for its first verdict, and whether it must be replaced. Called with the
 * backend's lock held: answer from the model, never block.
 *
 * <p>{@link ContainerHealthChecks} judges by the containers' health checks. A service behind load balancers will also
 * ask its target groups: a task counts only when healthy in every one, and one failing the load balancer's health
 * checks after the service's grace period is replaced with that reason.
 */
interface ServiceTaskHealth {

    /** Whether the task (RUNNING) counts as healthy for minimumHealthyPercent and steady state. */
    boolean healthy(ServiceRecord service, TaskRecord task);

    /** Whether the task runs and waits for its first health verdict: neither healthy nor to be replaced yet. */
    boolean awaitingHealth(ServiceRecord service, TaskRecord task);

    /** The stoppedReason the scheduler stops the task with so that it is replaced, or {@code null} to keep it. */
    String replacementReason(ServiceRecord service, TaskRecord task);
}
